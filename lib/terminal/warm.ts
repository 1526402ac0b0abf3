import { log } from '../log';
import { ensureSandbox, type SandboxDeps } from '../sandbox/provision';
import { runningShell } from './running-shell';
import { attachTmux, tmuxSession, type TmuxClient } from './tmux';

/**
 * Terminal 1's tmux client, attached while a step page is still on its way to the browser
 * (app/labs/layout.tsx), so the browser's WebSocket finds it ready instead of waiting for
 * Docker to start an exec (0.1–0.5 s here). Output tmux draws meanwhile waits in the exec's
 * stream (nothing reads it). Unclaimed TTL_MS after it is attached, it is detached. In memory, on globalThis:
 * Next's bundle makes it, server.ts's terminal server takes it.
 */
export type WarmTerminal = { client: TmuxClient; sandboxId: string };

const TTL_MS = 15_000; // the page's scripts take a second or two; a tab left unopened, longer
/** What tmux is attached at until the browser says its size (it redraws then). */
const FIRST_SIZE = { cols: 80, rows: 24 };

type Entry = { warm: Promise<WarmTerminal | null>; ended: boolean };
const key = Symbol.for('faaslab.warmTerminals');
type Holder = { [key]?: Map<string, Entry> };
const table = () => ((globalThis as Holder)[key] ??= new Map());

const drop = (w: WarmTerminal) => {
  w.client.detach().catch((err) => log.debug({ err }, 'warm terminal detach failed'));
  w.client.stream.destroy();
};

/** Attach terminal 1 for this participant ahead of their browser (claiming their sandbox if need be). */
export function warmTerminal(deps: SandboxDeps, participantId: string, ttlMs = TTL_MS): void {
  if (table().has(participantId)) return;
  const entry: Entry = { ended: false, warm: Promise.resolve(null) };
  entry.warm = (async () => {
    const sandbox = await ensureSandbox(deps, participantId);
    const container = await runningShell(deps.engine, sandbox.instance, sandbox.id, () => {});
    const client = await attachTmux(container, FIRST_SIZE, tmuxSession('1'));
    client.stream.once('close', () => { entry.ended = true; });
    return { client, sandboxId: sandbox.id };
  })().catch((err) => {
    log.warn({ err: (err as Error).message }, 'terminal ahead of the browser failed');
    return null;
  });
  table().set(participantId, entry);
  // Counted from when it is ready: a newcomer's sandbox may take a while to make.
  void entry.warm.then((w) => setTimeout(() => {
    if (table().get(participantId) !== entry) return;
    table().delete(participantId);
    if (w) drop(w);
  }, ttlMs).unref());
}

/** The participant's warm terminal 1, if one is attached or attaching (then it is waited for); each is taken once. */
export async function takeWarmTerminal(participantId: string): Promise<WarmTerminal | null> {
  const entry = table().get(participantId);
  if (!entry) return null;
  table().delete(participantId);
  const w = await entry.warm;
  if (w && entry.ended) { drop(w); return null; }
  return w;
}
