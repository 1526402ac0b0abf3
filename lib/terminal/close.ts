import { WebSocket } from 'ws';
import { isAppError, toErrorView } from '../errors';
import { log } from '../log';
import { CLOSE } from './protocol';
import { sendLine, sendMessage } from './send';
import type { TmuxClient } from './tmux';

const open = (ws: WebSocket) => ws.readyState === WebSocket.OPEN;

/**
 * The tmux client ended: the participant exited or detached (close normally; the browser
 * reconnects to the same or a new session), or it was killed, with the container as a rule
 * (Swarm restarts it, or the sandbox was removed; the browser reconnects either way).
 */
export async function closeAfterTmux(ws: WebSocket, client: TmuxClient): Promise<void> {
  if (!open(ws)) return;
  const code = await client.exitCode().catch(() => null);
  if (code === 0) {
    ws.close(CLOSE.normal, 'session ended');
    return;
  }
  sendLine(ws, `Your shell stopped (exit code ${code ?? 'unknown'}); reconnecting…`, 'problem');
  if (open(ws)) ws.close(CLOSE.tryAgain, 'shell stopped');
}

/** Say what went wrong in the terminal and close; the browser retries with backoff. */
export function failed(ws: WebSocket, err: unknown): void {
  const view = toErrorView(err);
  if (!isAppError(err)) log.error({ err }, 'terminal failed');
  sendLine(ws, view.message, 'problem');
  if (view.hint) sendLine(ws, view.hint);
  sendLine(ws, 'Reconnecting in a few seconds…');
  sendMessage(ws, { type: 'error', code: view.code, message: view.message, hint: view.hint });
  if (open(ws)) ws.close(isAppError(err) ? CLOSE.tryAgain : CLOSE.internal, view.code);
}
