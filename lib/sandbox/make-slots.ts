/**
 * At most `limit` new sandboxes are made at once; the others wait in arrival order and are told
 * how many are ahead of them. Making a sandbox is CPU work for the engine (network namespaces,
 * its re-executed helpers, iptables, starting two containers): forty made at once on two cores
 * all finish together near the end, while eight at a time finish in turn, no later.
 */
type Waiter = { go: () => void; tell: (ahead: number) => void };
type Slots = { running: number; waiting: Waiter[] };

const key = Symbol.for('faaslab.make-slots');

function slots(): Slots {
  const g = globalThis as { [key]?: Slots };
  return (g[key] ??= { running: 0, waiting: [] });
}

export const waitingLine = (ahead: number) =>
  `Many sandboxes are being made at once: ${ahead} ahead of yours. It starts as soon as one is done…`;

export async function withMakeSlot<T>(limit: number, progress: (line: string) => void, make: () => Promise<T>): Promise<T> {
  const s = slots();
  if (s.running < limit && s.waiting.length === 0) s.running++;
  else {
    // Woken by release(), which hands its slot over (running stays as it is).
    await new Promise<void>((go) => {
      s.waiting.push({ go, tell: (ahead) => progress(waitingLine(ahead)) });
      progress(waitingLine(s.waiting.length));
    });
  }
  try {
    return await make();
  } finally {
    release(s);
  }
}

function release(s: Slots): void {
  const next = s.waiting.shift();
  if (!next) { s.running--; return; }
  s.waiting.forEach((w, i) => w.tell(i + 1));
  next.go();
}

/** Sandboxes being made and waiting to be (what the tests look at). */
export function makeSlotsInUse(): { running: number; waiting: number } {
  const s = slots();
  return { running: s.running, waiting: s.waiting.length };
}
