import { currentParticipant } from '@/app/participant';
import { appContext } from '@/lib/app-context';
import { log } from '@/lib/log';
import { toWorkshop } from '@/lib/workshops/workshops';

/** The session a participant joined, when it is still running (null: none, or self-paced). */
async function joinedSession() {
  const participant = await currentParticipant().catch(() => null);
  if (!participant) return null;
  try {
    const row = appContext().q.latestWorkshopOf(participant);
    return row && toWorkshop(row).endsAt > Date.now() ? row : null;
  } catch (err) {
    // the header is on every page: a page that works without the database must not fail for it
    log.warn({ err: (err as Error).message }, 'header: the joined session could not be read');
    return null;
  }
}

/** In the site header, for a participant who joined a session still running: which one, and as whom. */
export async function WorkshopBadge() {
  const row = await joinedSession();
  if (!row) return null;
  return <span className="workshop-title" data-testid="header-workshop" title={`You joined ${row.title} as ${row.display_name}`}><strong>{row.title}</strong> <span className="muted">· {row.display_name}</span></span>;
}
