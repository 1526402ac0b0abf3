import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { toWorkshop } from '@/lib/workshops/workshops';

/** In the site header, for a participant who joined a session still running: which one, and as whom. */
export async function WorkshopBadge() {
  const participant = await currentParticipant().catch(() => null);
  const row = participant ? appContext().q.latestWorkshopOf(participant) : undefined;
  if (!row || toWorkshop(row).endsAt <= Date.now()) return null;
  return <span className="workshop-title" data-testid="header-workshop" title={`You joined ${row.title} as ${row.display_name}`}><strong>{row.title}</strong> <span className="muted">· {row.display_name}</span></span>;
}
