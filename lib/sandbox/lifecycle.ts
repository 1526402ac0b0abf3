import type { AppContext } from '../app-context';
import { AppError } from '../errors';
import { extendedExpiry, lifetime, siteMaxMs, type Lifetime } from './lifetime';
import { serialised } from './locks';
import { sandboxRules } from './room-rules';
import { ensureSandbox, type Sandbox } from './provision';
import { dropSandbox } from './reaper';

/** What the participant sees of their sandbox's life: none yet, or when it ends and why. */
export type SandboxStatus = { exists: false } | ({ exists: true; id: string; status: string } & Lifetime);

export function sandboxStatus(ctx: AppContext, participantId: string, now = Date.now()): SandboxStatus {
  const row = ctx.q.sandboxOf(participantId);
  if (!row) return { exists: false };
  return { exists: true, id: row.id, status: row.status, ...lifetime(row, ctx.cfg, now) };
}

/**
 * Push the hard limit back by one extension and restart the idle clock. Capped at the longer of
 * the site's maximum and the participant's session's sandbox lifetime: a session may give its
 * sandboxes a short life, and Extend is the asked-for exception to it.
 */
export function extendSandbox(ctx: AppContext, participantId: string, now = Date.now()): SandboxStatus {
  const row = ctx.q.sandboxOf(participantId);
  if (!row) throw new AppError('not_found', 'You have no sandbox to extend yet.', { hint: 'Run a function or open the terminal to get one.' });
  const cap = Math.max(siteMaxMs(ctx.cfg), sandboxRules(ctx.q, ctx.cfg, participantId, now).maxMs);
  ctx.q.setSandboxExpiry(row.id, extendedExpiry(row, ctx.cfg, now, cap));
  return sandboxStatus(ctx, participantId, now);
}

/**
 * A fresh stack: the old sandbox (gateway, shell, functions, images) is removed and a new one
 * made. The participant's files are kept unless they ask otherwise.
 */
export async function resetSandbox(ctx: AppContext, participantId: string, opts: { keepFiles: boolean }, progress: (line: string) => void = () => {}): Promise<Sandbox> {
  await serialised(`sandbox:${participantId}`, async () => {
    const row = ctx.q.sandboxOf(participantId);
    if (!row) return;
    progress('Removing your old sandbox…');
    await dropSandbox(ctx, row, opts);
  });
  return ensureSandbox(ctx, participantId, progress);
}

/**
 * Remove the participant's sandbox now, as the reaper removes an expired one: its stack and
 * images go, its files move to the participant's kept folder, their progress stays (an
 * instructor ending a session). Nothing happens when there is none. True when one was removed.
 */
export function removeParticipantSandbox(ctx: AppContext, participantId: string): Promise<boolean> {
  return serialised(`sandbox:${participantId}`, async () => {
    const row = ctx.q.sandboxOf(participantId);
    if (!row) return false;
    await dropSandbox(ctx, row, { keepFiles: true });
    return true;
  });
}
