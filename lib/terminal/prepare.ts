import type Docker from 'dockerode';
import type { WebSocket } from 'ws';
import type { Queries } from '../db/queries';
import { ensureSandbox, type SandboxDeps } from '../sandbox/provision';
import { runningShell } from './running-shell';
import { sendLine, sendMessage } from './send';

/** A warm sandbox answers in well under this; past it, say that something is being made. */
const SLOW_PREPARE_MS = 400;

export type PrepareOptions = {
  /** An automatic reconnect, not a page being opened: it must not bring back a removed sandbox by itself. */
  resume: boolean;
  /** Resolves true on the participant's next keystroke, false if the socket closes first. */
  keypress: () => Promise<boolean>;
};

/**
 * The participant's sandbox, made or repaired on first need (saying what is being made), and
 * its running shell container; null when the socket closed meanwhile.
 */
export async function prepareShell(ws: WebSocket, deps: SandboxDeps, participantId: string, opts: PrepareOptions): Promise<{ container: Docker.Container; sandboxId: string } | null> {
  if (opts.resume && (await sandboxGone(deps.q, participantId))) {
    // The reaper removed it while the tab stayed open: an open tab alone must not keep
    // re-making sandboxes for nobody, so wait for the participant.
    sendMessage(ws, { type: 'status', status: 'stopped' });
    sendLine(ws, 'Your sandbox was removed (idle, or past its time limit). Press any key for a new one.', 'problem');
    if (!(await opts.keypress())) return null;
  }
  sendMessage(ws, { type: 'status', status: 'preparing' });
  let said = false;
  const say = (line: string) => { said = true; sendLine(ws, line); };
  const slow = setTimeout(() => say('Preparing your sandbox (the first time takes a little while)…'), SLOW_PREPARE_MS);
  try {
    // Reconnecting is not activity: a tab left open must not hold a sandbox past its idle timeout.
    const sandbox = await ensureSandbox(deps, participantId, say, { activity: !opts.resume });
    const container = await runningShell(deps.engine, sandbox.instance, sandbox.id, () => say('Waiting for your shell to start…'));
    if (said) sendLine(ws, 'Your sandbox is ready.', 'ok');
    return { container, sandboxId: sandbox.id };
  } finally {
    clearTimeout(slow);
  }
}

/**
 * No sandbox, once a removal under way has finished. The shell dies early in a removal, so the
 * browser reconnects while the row still says 'removing'; a Reset then makes a new row at once.
 */
async function sandboxGone(q: Queries, participantId: string, timeoutMs = 60_000): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  let row = q.sandboxOf(participantId);
  while (row?.status === 'removing' && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 250));
    row = q.sandboxOf(participantId);
  }
  return !row || row.status === 'removing';
}
