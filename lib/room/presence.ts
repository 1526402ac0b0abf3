/**
 * Which participants have an instructor in their terminal right now, so their pages can say so
 * (GET /api/workshop/notice). In memory, per process, on globalThis so that server.ts (which
 * serves the WebSockets) and Next's route handlers (which answer the notice) share it; a
 * restart closes every connection anyway.
 */
export type Presence = 'watching' | 'in-terminal';
type Counts = { watching: number; controlling: number };

const key = Symbol.for('faaslab.instructorPresence');
type Holder = { [key]?: Map<string, Counts> };
const table = () => ((globalThis as Holder)[key] ??= new Map());

/** An instructor's terminal client for this participant opened; call what it returns when it closes. */
export function enterTerminal(participantId: string, mode: 'watch' | 'control'): () => void {
  const counts = table().get(participantId) ?? { watching: 0, controlling: 0 };
  const field = mode === 'watch' ? 'watching' : 'controlling';
  counts[field]++;
  table().set(participantId, counts);
  let left = false;
  return () => {
    if (left) return;
    left = true;
    counts[field]--;
    if (counts.watching + counts.controlling === 0) table().delete(participantId);
  };
}

/** 'in-terminal' when an instructor can type in the participant's terminal, 'watching' when one only looks, else null. */
export function presenceOf(participantId: string): Presence | null {
  const c = table().get(participantId);
  return !c ? null : c.controlling > 0 ? 'in-terminal' : c.watching > 0 ? 'watching' : null;
}
