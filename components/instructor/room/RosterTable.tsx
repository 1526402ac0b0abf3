'use client';

import { useState } from 'react';
import type { Roster } from '@/lib/room/load';
import type { RosterMember } from '@/lib/room/roster';
import { formatRemaining } from '@/lib/sandbox/lifetime';
import { MemberActions } from './MemberActions';
import { DEFAULT_ORDER, sortMembers, type SortColumn, type SortOrder } from './sort-roster';

const SANDBOX_TEXT = { none: 'None', creating: 'Being made', ready: 'Ready', failed: 'Failed', removing: 'Being removed' } as const;

/** "just now", "4 min ago", "1 h 10 min ago". */
export function ago(ms: number): string {
  if (ms < 60_000) return 'just now';
  return `${formatRemaining(ms)} ago`;
}

function Header({ column, label, order, setOrder, className }: { column: SortColumn; label: string; order: SortOrder; setOrder: (o: SortOrder) => void; className?: string }) {
  const active = order.column === column;
  // numbers and times read best largest first; names and "needs help" first in their natural order
  const firstDescending = !['name', 'help'].includes(column);
  return (
    <th scope="col" aria-sort={active ? (order.descending ? 'descending' : 'ascending') : 'none'} className={className}>
      <button type="button" className="sort" onClick={() => setOrder({ column, descending: active ? !order.descending : firstDescending })}>
        {label}<span aria-hidden="true" className="sort-mark">{active ? (order.descending ? ' ▼' : ' ▲') : ''}</span>
      </button>
    </th>
  );
}

function LabCell({ l }: { l: RosterMember['labs'][number] }) {
  const pct = l.checksTotal ? Math.round((100 * l.checksPassed) / l.checksTotal) : 0;
  return (
    <td className="lab-cell" title={`${l.stepsDone} of ${l.stepsTotal} steps done`}>
      <span className="count">{l.checksPassed}/{l.checksTotal}</span>
      <span className="bar" aria-hidden="true"><span style={{ width: `${pct}%` }} /></span>
    </td>
  );
}

type RowActions = { onChanged: () => void; onWatch: (m: RosterMember) => void; onFiles: (m: RosterMember) => void };

function SandboxCell({ m, now, roster, onChanged, onWatch, onFiles }: { m: RosterMember; now: number; roster: Roster } & RowActions) {
  const left = m.sandbox.endsAt !== null ? Math.max(0, m.sandbox.endsAt - now) : null;
  return (
    <td className="sandbox-cell">
      <span className={`sandbox-state ${m.sandbox.state}`}>{SANDBOX_TEXT[m.sandbox.state]}</span>
      {m.sandbox.state === 'ready' && left !== null && <span className={left < 10 * 60_000 ? 'left soon' : 'left'}> · {formatRemaining(left)} left{m.sandbox.reason === 'idle' ? ' if idle' : ''}</span>}
      {roster.state !== 'ended' && <MemberActions workshopId={roster.workshop.id} member={m} onChanged={onChanged} onWatch={() => onWatch(m)} onFiles={() => onFiles(m)} />}
    </td>
  );
}

/** Everyone in the session, one row each, sortable by any column; who needs help is marked and, by default, on top. */
export function RosterTable({ roster, now, onChanged, onWatch, onFiles }: { roster: Roster; now: number } & RowActions) {
  const [order, setOrder] = useState<SortOrder>(DEFAULT_ORDER);
  const labs = roster.labs.map((l) => l.slug);
  const rows = sortMembers(roster.members, order, labs);
  const h = (column: SortColumn, label: string, className?: string) => <Header column={column} label={label} order={order} setOrder={setOrder} className={className} />;
  if (roster.members.length === 0) return <p className="card muted" data-testid="roster-empty">Nobody has joined yet. Participants enter the join code at /join; they appear here as they join.</p>;
  return (
    <>
    <p className="muted scroll-hint">Scroll the table sideways for checks, sandboxes, terminals and last activity.</p>
    <div className="roster-scroll">
      <table className="roster" aria-label="Participants" data-testid="roster">
        <thead>
          <tr>
            {h('help', 'Status', 'status-col')}
            {h('name', 'Name', 'name-col')}
            {h('step', 'Current step')}
            {roster.labs.map((l) => <Header key={l.slug} column={`lab:${l.slug}`} label={`Lab ${l.number} checks`} order={order} setOrder={setOrder} />)}
            {h('sandbox', 'Sandbox')}
            {h('activity', 'Last activity')}
          </tr>
        </thead>
        <tbody>
          {rows.map((m) => (
            <tr key={m.key} className={m.stuck.length ? 'stuck' : ''} data-testid="roster-row" data-name={m.displayName}>
              <td className="status-col">{m.stuck.length ? <span className="help-badge">Needs help</span> : <span className="ok-badge">On track</span>}</td>
              <th scope="row" className="name-col">
                <span className="name">{m.displayName}</span>
                {m.stuck.map((r) => <span key={r} className="why">{r}</span>)}
              </th>
              <td className="step-cell">{m.current ? m.current.label : <span className="muted">Not started</span>}</td>
              {roster.labs.map((lab) => {
                const l = m.labs.find((x) => x.lab === lab.slug);
                return l ? <LabCell key={lab.slug} l={l} /> : <td key={lab.slug} />;
              })}
              <SandboxCell m={m} now={now} roster={roster} onChanged={onChanged} onWatch={onWatch} onFiles={onFiles} />
              <td className="activity-cell" title={new Date(m.lastActivityAt).toLocaleString()}>{ago(Math.max(0, now - m.lastActivityAt))}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
    </>
  );
}
