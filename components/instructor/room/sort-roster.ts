import type { RosterMember } from '@/lib/room/roster';

export type SortColumn = 'help' | 'name' | 'step' | `lab:${string}` | 'sandbox' | 'activity';
export type SortOrder = { column: SortColumn; descending: boolean };

/** "Needs help" first (then by name): who an instructor looks at first in a room of 40. */
export const DEFAULT_ORDER: SortOrder = { column: 'help', descending: false };

const byName = (a: RosterMember, b: RosterMember) => a.displayName.localeCompare(b.displayName, undefined, { sensitivity: 'base', numeric: true });

/** How far someone is, for the step column: the lab and step of their current step (nobody yet: before everyone). */
const stepRank = (m: RosterMember, labs: string[]) => (m.current ? (labs.indexOf(m.current.lab) + 1) * 1000 + Number(/^(\d+)/.exec(m.current.step)?.[1] ?? 0) : 0);
const labRank = (m: RosterMember, lab: string) => {
  const l = m.labs.find((x) => x.lab === lab);
  return l ? l.checksPassed : 0;
};
/** The sandbox column: none first, then by time left. */
const sandboxRank = (m: RosterMember) => (m.sandbox.state === 'none' ? -1 : m.sandbox.remainingMs ?? 0);

function key(m: RosterMember, column: SortColumn, labs: string[]): number {
  if (column === 'help') return m.stuck.length > 0 ? 0 : 1;
  if (column === 'step') return stepRank(m, labs);
  if (column === 'sandbox') return sandboxRank(m);
  if (column === 'activity') return m.lastActivityAt;
  if (column.startsWith('lab:')) return labRank(m, column.slice(4));
  return 0;
}

/** The members in the order chosen (ties by name, so rows do not jump about between polls). */
export function sortMembers(members: RosterMember[], order: SortOrder, labs: string[]): RosterMember[] {
  const sign = order.descending ? -1 : 1;
  return [...members].sort((a, b) => {
    if (order.column === 'name') return sign * byName(a, b);
    const d = key(a, order.column, labs) - key(b, order.column, labs);
    return d !== 0 ? sign * d : byName(a, b);
  });
}
