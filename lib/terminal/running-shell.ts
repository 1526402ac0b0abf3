import type Docker from 'dockerode';
import { AppError, isAppError } from '../errors';
import { shellContainer } from '../sandbox/shell-exec';

/**
 * The sandbox's running shell container, waiting a little when there is none: right after the
 * shell died, Swarm still reports its task as running for a moment, then starts a new one (its
 * restart delay is 1 s), so a terminal that reconnects at once would otherwise just fail.
 */
export async function runningShell(engine: Docker, instance: string, sid: string, onWait: () => void, timeoutMs = 15_000): Promise<Docker.Container> {
  const deadline = Date.now() + timeoutMs;
  let waited = false;
  for (;;) {
    try {
      return await shellContainer(engine, instance, sid);
    } catch (err) {
      if (!isAppError(err) || err.code !== 'unavailable') throw err;
      if (Date.now() > deadline) throw new AppError('unavailable', 'Your shell is not running.', { hint: 'It restarts by itself; if this goes on, tell your instructor.' });
      if (!waited) { waited = true; onWait(); }
      await new Promise((r) => setTimeout(r, 250));
    }
  }
}
