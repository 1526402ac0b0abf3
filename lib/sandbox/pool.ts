import type { AppContext } from '../app-context';
import { log } from '../log';
import { newPoolOwner } from '../session/participant';
import { removeHome } from '../workspace/home';
import { claimIsFresh } from './claim-quiet';
import { ensureSandbox } from './provision';
import { removeSandbox } from './remove';
import { roomPoolTargets } from './room-pool';
import { startTerminalSession } from './shell-exec';

/**
 * The warm pool: sandboxes made in advance (network, gateway, shell — everything but the
 * participant's files) so that a newcomer gets a shell in about the time it takes to check
 * that one still runs. A pool sandbox belongs to a placeholder participant `pool:…` (lib/session/participant.ts) until
 * ensureSandbox hands it over (queries.claimPoolSandbox) and points the newcomer's workspace
 * at its home. FAASLAB_POOL_SIZE sandboxes are kept ready for anyone (0: none); besides, each
 * workshop session has its own, of its "sandboxes to make ahead" (lib/sandbox/room-pool.ts),
 * made first: its members take from it before the site's.
 */

let filling: Promise<number> | null = null;

/** Make pool sandboxes until each session's and the site's pools are full (one at a time: participants come first); remove extras. Returns how many were made. */
export function fillPool(ctx: AppContext): Promise<number> {
  // Cleared in a .finally, which always runs later than this assignment: cleared inside the
  // async function instead, a call with nothing to do (the pool full) would finish before the
  // assignment and leave its settled promise here for good, and the pool would never refill.
  filling ??= topUp(ctx).finally(() => { filling = null; });
  return filling;
}

async function topUp(ctx: AppContext): Promise<number> {
  const instance = ctx.cfg.FAASLAB_PREFIX;
  const rooms = roomPoolTargets(ctx.q, Date.now());
  // Sessions that ended since: what was made ahead for them goes.
  for (const wid of ctx.q.poolWorkshopIds(instance)) {
    if (!rooms.some((r) => r.workshopId === wid)) for (const sb of ctx.q.poolSandboxes(instance, wid)) await dropPoolSandbox(ctx, sb.id);
  }
  let made = 0;
  // (a running session's extras are kept: someone may still take them; they go when it ends)
  for (const room of rooms) made += await topUpOne(ctx, room.size, room.workshopId, false);
  return made + await topUpOne(ctx, ctx.cfg.FAASLAB_POOL_SIZE, null, true);
}

async function topUpOne(ctx: AppContext, size: number, workshopId: string | null, dropExtras: boolean): Promise<number> {
  let made = 0;
  const pool = ctx.q.poolSandboxes(ctx.cfg.FAASLAB_PREFIX, workshopId);
  if (dropExtras) for (const extra of pool.slice(size)) await dropPoolSandbox(ctx, extra.id);
  for (let n = pool.length; n < size; n++) {
    // Someone just took one: their first seconds come first, while the pool can still give another.
    if (n > 0 && claimIsFresh()) break;
    const t0 = Date.now();
    const sb = await ensureSandbox(ctx, newPoolOwner(), () => {}, { activity: false, poolFor: workshopId ?? undefined });
    // Its bash is already at the prompt when a newcomer's terminal attaches (~0.4 s sooner).
    await startTerminalSession(ctx.engine, ctx.cfg.FAASLAB_PREFIX, sb.id).catch((err) => log.warn({ sandbox: sb.id, err: (err as Error).message }, 'pool: terminal session not started ahead'));
    made++;
    log.info({ sandbox: sb.id, workshop: workshopId, ms: Date.now() - t0 }, 'pool sandbox ready');
  }
  return made;
}

export async function dropPoolSandbox(ctx: AppContext, sid: string): Promise<void> {
  const row = ctx.q.sandbox(sid);
  await removeSandbox(ctx.engine, ctx.cfg.FAASLAB_PREFIX, sid);
  if (row) ctx.q.deleteSandbox(sid);
  removeHome(ctx.cfg.dataDir, sid);
}
