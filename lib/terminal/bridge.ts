import { WebSocket, type RawData } from 'ws';
import { log } from '../log';
import type { SandboxDeps } from '../sandbox/provision';
import { parseControl } from './control';
import { pipeToSocket } from './pipe';
import { prepareShell } from './prepare';
import { closeAfterTmux, failed } from './close';
import type { TerminalSize } from './protocol';
import { sendMessage } from './send';
import { attachTmux, tmuxSession, type TmuxClient } from './tmux';

/** Keystrokes typed while the sandbox is being made are kept (this much) and sent once tmux runs. */
const EARLY_INPUT_BYTES = 4096;
/** Typing is activity (the idle timeout is in minutes): note it at most this often. */
const ACTIVITY_EVERY_MS = 30_000;

const open = (ws: WebSocket) => ws.readyState === WebSocket.OPEN;

/**
 * One browser terminal: make sure the participant's sandbox exists (telling the terminal what
 * is being made), attach to its tmux session, then pass bytes both ways until either side ends.
 * Client input goes to the tmux client's stdin and nowhere else; text frames can only resize.
 */
export async function serveTerminal(ws: WebSocket, deps: () => SandboxDeps, participantId: string, { resume = false, terminal = '1' } = {}): Promise<void> {
  let size: TerminalSize = { cols: 80, rows: 24 };
  let tmux: TmuxClient | null = null;
  // One resize at a time, each with the latest size: two requests in flight to the engine can
  // arrive in either order, and the terminal would keep the older size.
  let resizing = Promise.resolve();
  const applySize = () => {
    const client = tmux;
    if (client) resizing = resizing.then(() => client.resize(size)).catch((err) => log.debug({ err }, 'terminal resize failed'));
  };
  let onKey: ((pressed: boolean) => void) | null = null;
  let noteActivity = () => {};
  const early: Buffer[] = [];
  let earlyBytes = 0;

  ws.on('message', (data: RawData, isBinary: boolean) => {
    const bytes = Buffer.isBuffer(data) ? data : Array.isArray(data) ? Buffer.concat(data) : Buffer.from(data);
    if (isBinary) {
      if (tmux) { tmux.stream.write(bytes); noteActivity(); }
      else if (onKey) { onKey(true); onKey = null; }
      else if (earlyBytes + bytes.length <= EARLY_INPUT_BYTES) { early.push(bytes); earlyBytes += bytes.length; }
      return;
    }
    const msg = parseControl(bytes.toString('utf8'));
    if (!msg) return;
    size = { cols: msg.cols, rows: msg.rows };
    applySize();
  });

  // Who ended first decides the clean-up: a closed socket detaches the tmux client (its helper
  // also removes the TTY note); a tmux client that ended by itself only needs its note removed.
  let socketClosed = false;
  let tmuxEnded = false;
  const drop = (client: TmuxClient) => {
    if (!tmuxEnded) client.detach().catch((err) => log.debug({ err }, 'terminal detach failed'));
    client.stream.destroy();
  };
  ws.on('error', (err) => log.debug({ err }, 'terminal socket error')); // e.g. a frame over maxPayload: ws then closes with 1009
  ws.on('close', () => {
    socketClosed = true;
    onKey?.(false);
    if (tmux) drop(tmux);
  });

  const keypress = () => new Promise<boolean>((resolve) => { if (socketClosed) resolve(false); else onKey = resolve; });
  try {
    const ctx = deps();
    const shell = await prepareShell(ws, ctx, participantId, { resume, keypress });
    if (!shell || !open(ws)) return;
    tmux = await attachTmux(shell.container, size, tmuxSession(terminal));
    const sandboxId = shell.sandboxId;
    noteActivity = throttle(() => ctx.q.touchSandbox(sandboxId), ACTIVITY_EVERY_MS);
  } catch (err) {
    failed(ws, err);
    return;
  }
  if (!open(ws)) { drop(tmux); return; } // closed while tmux started
  sendMessage(ws, { type: 'status', status: 'attached' });
  for (const b of early) tmux.stream.write(b);
  pipeToSocket(tmux.stream, ws);
  tmux.stream.on('error', (err) => log.debug({ err }, 'terminal exec stream failed'));
  const client = tmux;
  const onEnd = () => {
    if (tmuxEnded) return;
    tmuxEnded = true;
    if (socketClosed) return;
    client.forget().catch(() => { /* the container is gone, and its /tmp with it */ });
    void closeAfterTmux(ws, client);
  };
  // A hijacked connection emits 'end' when the engine closes it, and 'close' only once our side ends too.
  tmux.stream.once('end', onEnd).once('close', onEnd);
}

function throttle(fn: () => void, everyMs: number): () => void {
  let last = 0;
  return () => {
    if (Date.now() - last < everyMs) return;
    last = Date.now();
    fn();
  };
}
