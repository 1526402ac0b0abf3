import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { currentInstructor, instructorDeps } from '@/app/current-instructor';
import { AddInstructorForm } from '@/components/instructor/AddInstructorForm';
import { CreateWorkshopForm } from '@/components/instructor/CreateWorkshopForm';
import { LogoutButton } from '@/components/instructor/LogoutButton';
import { WorkshopCard } from '@/components/instructor/WorkshopCard';
import { toWorkshop } from '@/lib/workshops/workshops';

export const dynamic = 'force-dynamic';

/** The origin participants use, as the instructor's own browser reached the site (a proxy's, when there is one). */
async function siteOrigin(): Promise<string> {
  const h = await headers();
  const host = h.get('x-forwarded-host') ?? h.get('host') ?? 'localhost';
  const proto = h.get('x-forwarded-proto')?.split(',')[0].trim() ?? 'http';
  return `${proto}://${host.split(',')[0].trim()}`;
}

/** The instructor's dashboard: their own sessions (nobody else's), a new session, a new colleague. */
export default async function InstructorDashboard() {
  const me = await currentInstructor();
  if (!me) redirect('/instructor/login');
  const deps = instructorDeps();
  const catalogue = deps.catalogue();
  const rows = deps.q.workshopsOf(me.id);
  const origin = await siteOrigin();
  const labTitles = new Map(catalogue.map((l) => [l.slug, l.title]));
  const now = Date.now();
  return (
    <>
      <div className="instructor-bar">
        <h1>Your workshop sessions</h1>
        <span className="muted">Logged in as {me.name} ({me.email})</span>
        <LogoutButton />
        <LogoutButton everywhere />
      </div>
      <div className="instructor-grid">
        <div>
          {rows.length === 0
            ? <p className="card muted" data-testid="no-workshops">No sessions yet. Create one with the form: you get a join code and a link to give the room.</p>
            : <ul className="workshop-list" aria-label="Your sessions">{rows.map((r) => <WorkshopCard key={r.id} w={toWorkshop(r)} members={deps.q.membersOf(r.id).map((m) => m.display_name)} origin={origin} labTitles={labTitles} now={now} />)}</ul>}
        </div>
        <div>
          <CreateWorkshopForm labs={catalogue.map((l) => ({ slug: l.slug, title: l.title }))} />
          <AddInstructorForm />
        </div>
      </div>
    </>
  );
}
