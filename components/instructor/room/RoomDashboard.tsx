'use client';

import Link from 'next/link';
import { useEffect, useState } from 'react';
import { FormError } from '@/components/instructor/FormError';
import type { Roster } from '@/lib/room/load';
import { displayCode } from '@/lib/workshops/join-code';
import { BroadcastForm } from './BroadcastForm';
import { EndSession } from './EndSession';
import { MemberFiles } from './MemberFiles';
import { PoolStatus } from './PoolStatus';
import { RosterTable } from './RosterTable';
import { useRoster } from './use-roster';
import { WatchTerminal } from './WatchTerminal';
import '@/components/instructor/instructor.css';
import './room.css';

const STATE_TEXT = { upcoming: 'Not started', live: 'Open now', ended: 'Ended' } as const;

/** The instructor's view of one session while it runs: the live roster and the room-wide actions. */
export function RoomDashboard({ initial }: { initial: Roster }) {
  const { roster, receivedAt, problem, refresh } = useRoster(initial);
  // the clock the "ago" and "left" figures count from: the server's, moved on by the time since the answer
  const [tick, setTick] = useState(() => Date.now());
  const [watched, setWatched] = useState<{ key: string; displayName: string } | null>(null);
  const [reading, setReading] = useState<{ key: string; displayName: string } | null>(null);
  useEffect(() => { const t = setInterval(() => setTick(Date.now()), 1000); return () => clearInterval(t); }, []);
  const now = roster.now + Math.max(0, tick - receivedAt);
  const w = roster.workshop;
  const stuck = roster.members.filter((m) => m.stuck.length > 0).length;
  const withSandbox = roster.members.filter((m) => m.sandbox.state !== 'none').length;
  return (
    <div className="room">
      <div className="instructor-bar">
        <Link href="/instructor" className="back">← Your sessions</Link>
        <h1 data-testid="room-title">{w.title} <span className={`badge ${roster.state}`} data-testid="room-state">{STATE_TEXT[roster.state]}</span></h1>
        <span className="room-code">Join code <span className="join-code" data-testid="room-code">{displayCode(w.joinCode)}</span></span>
      </div>
      <div className="room-summary" role="status" aria-live="polite" data-testid="room-summary">
        <span><strong>{roster.members.length}</strong> of {w.capacity} joined</span>
        <span className={stuck > 0 ? 'need-help' : ''}><strong>{stuck}</strong> need{stuck === 1 ? 's' : ''} help</span>
        <span><strong>{withSandbox}</strong> with a sandbox</span>
        <PoolStatus pool={roster.pool} poolSize={w.poolSize} now={now} ended={roster.state === 'ended'} />
        <span className="muted">Updates every few seconds</span>
      </div>
      {problem && <FormError error={problem} />}
      <div className="room-actions">
        <BroadcastForm workshopId={w.id} disabled={roster.state === 'ended'} current={roster.broadcast} onSent={refresh} />
        <div className="card room-tools">
          <a className="button-link" href={`/api/instructor/workshops/${w.id}/csv`} download data-testid="csv-link">Download progress (CSV)</a>
          <EndSession workshopId={w.id} title={w.title} ended={roster.state === 'ended'} sandboxes={withSandbox} onEnded={refresh} />
        </div>
      </div>
      <RosterTable roster={roster} now={now} onChanged={refresh} onWatch={(m) => setWatched({ key: m.key, displayName: m.displayName })} onFiles={(m) => setReading({ key: m.key, displayName: m.displayName })} />
      {reading && <MemberFiles key={reading.key} workshopId={w.id} member={reading} onClose={() => setReading(null)} />}
      {watched && <WatchTerminal key={watched.key} workshopId={w.id} member={watched} onClose={() => setWatched(null)} />}
    </div>
  );
}
