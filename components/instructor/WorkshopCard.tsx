import { displayCode } from '@/lib/workshops/join-code';
import { stateAt, type Workshop } from '@/lib/workshops/workshops';
import { CopyButton } from './CopyButton';
import { LocalTime } from './LocalTime';

const STATE_TEXT = { upcoming: 'Not started', live: 'Open now', ended: 'Ended' } as const;

/** One of the instructor's sessions: what participants need to join it, and how it is set up. */
export function WorkshopCard({ w, members, origin, labTitles, now }: { w: Workshop; members: string[]; origin: string; labTitles: Map<string, string>; now: number }) {
  const state = stateAt(w, now);
  const link = `${origin}${w.joinPath}`;
  return (
    <li className="card workshop" aria-label={w.title}>
      <h3>{w.title} <span className={`badge ${state}`}>{STATE_TEXT[state]}</span> <a className="open-room" href={`/instructor/sessions/${w.id}`} data-testid="open-room">Open the room →</a></h3>
      <dl>
        <dt>Join code</dt>
        <dd><span className="join-code" data-testid="join-code">{displayCode(w.joinCode)}</span> <span className="muted">participants enter it at {origin}/join</span></dd>
        <dt>Join link</dt>
        <dd><a href={w.joinPath} data-testid="join-link">{link}</a> <CopyButton text={link} label={`Copy the join link of ${w.title}`} /></dd>
        <dt>Joined</dt>
        <dd data-testid="members">{members.length} of {w.capacity} places{members.length > 0 && <span className="muted">: {members.join(', ')}</span>}</dd>
        <dt>When</dt>
        <dd><LocalTime ms={w.startsAt} /> – <LocalTime ms={w.endsAt} /></dd>
        <dt>Labs</dt>
        <dd>{w.labs.map((l) => labTitles.get(l) ?? l).join(' · ')}</dd>
        <dt>Sandboxes</dt>
        <dd>{w.sandboxLifetimeMinutes} min lifetime · {w.poolSize} made ahead <span className="muted">(from an hour before the start)</span></dd>
      </dl>
    </li>
  );
}
