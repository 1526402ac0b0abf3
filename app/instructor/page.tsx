import { redirect } from 'next/navigation';
import { currentInstructor } from '@/app/instructor';
import { AddInstructorForm } from '@/components/instructor/AddInstructorForm';
import { LogoutButton } from '@/components/instructor/LogoutButton';

export const dynamic = 'force-dynamic';

/** The instructor's dashboard: their sessions, a new session, a new colleague. */
export default async function InstructorDashboard() {
  const me = await currentInstructor();
  if (!me) redirect('/instructor/login');
  return (
    <>
      <div className="instructor-bar">
        <h1>Your workshop sessions</h1>
        <span className="muted">Logged in as {me.name} ({me.email})</span>
        <LogoutButton />
      </div>
      <div className="instructor-grid">
        <div />
        <div><AddInstructorForm /></div>
      </div>
    </>
  );
}
