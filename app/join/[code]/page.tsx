import { currentParticipant } from '@/app/participant';
import { FormError } from '@/components/instructor/FormError';
import { LocalTime } from '@/components/instructor/LocalTime';
import { CodeForm } from '@/components/workshop/CodeForm';
import { JoinForm } from '@/components/workshop/JoinForm';
import { appContext } from '@/lib/app-context';
import { toErrorView } from '@/lib/errors';
import { closedReason, workshopByCode } from '@/lib/workshops/join';

export const dynamic = 'force-dynamic';

/**
 * A session's join link: its title and a name field; or, when the code is wrong or the session
 * is not open, why (and, for a wrong code, a field to type it again).
 */
export default async function JoinWorkshop({ params }: { params: Promise<{ code: string }> }) {
  const { code: typed } = await params;
  const q = appContext().q;
  let workshop;
  try {
    workshop = workshopByCode(q, decodeURIComponent(typed));
  } catch (err) {
    return (
      <div className="narrow-page">
        <h1>Join a workshop session</h1>
        <FormError error={toErrorView(err)} />
        <CodeForm initial={decodeURIComponent(typed)} />
      </div>
    );
  }
  const closed = closedReason(workshop, Date.now());
  const participant = await currentParticipant().catch(() => null);
  const member = participant ? q.member(workshop.id, participant) : undefined;
  return (
    <div className="narrow-page">
      <p className="muted">Workshop session</p>
      <h1 data-testid="workshop-title">{workshop.title}</h1>
      <p className="muted"><LocalTime ms={workshop.startsAt} /> – <LocalTime ms={workshop.endsAt} /></p>
      {closed
        ? <FormError error={toErrorView(closed)} />
        : <>
            {member && <p role="status">You have joined as <strong>{member.display_name}</strong>. Change your name below, or continue.</p>}
            <JoinForm code={workshop.joinCode} name={member?.display_name ?? null} />
          </>}
    </div>
  );
}
