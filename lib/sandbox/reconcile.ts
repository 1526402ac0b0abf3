import type { AppContext } from '../app-context';
import { log } from '../log';
import { ensureSandbox } from './provision';
import { dropSandbox, reapSandboxes } from './reaper';

export type ReconcileResult = { adopted: number; repaired: string[]; failed: string[]; removed: string[]; orphans: string[] };

/**
 * At start-up, make Docker and the database agree: finish removals a crash interrupted,
 * remove what has expired and what Docker has under our labels that the database doesn't
 * know (orphans), adopt every running sandbox and re-make the parts of any that are missing
 * (network, secrets, gateway, shell). Functions are Swarm services and survive a restart.
 */
export async function reconcileSandboxes(ctx: AppContext): Promise<ReconcileResult> {
  const result: ReconcileResult = { adopted: 0, repaired: [], failed: [], removed: [], orphans: [] };
  for (const row of ctx.q.sandboxesOf(ctx.cfg.FAASLAB_PREFIX)) {
    if (row.status !== 'removing') continue;
    await dropSandbox(ctx, row, { keepFiles: true });
    result.removed.push(row.id);
  }
  const reaped = await reapSandboxes(ctx);
  result.removed.push(...reaped.expired);
  result.orphans = reaped.orphans;
  for (const row of ctx.q.sandboxesOf(ctx.cfg.FAASLAB_PREFIX)) {
    const made: string[] = [];
    try {
      await ensureSandbox(ctx, row.participant_id, (line) => made.push(line), { activity: false });
      if (made.length) result.repaired.push(row.id); else result.adopted++;
    } catch (err) {
      result.failed.push(row.id);
      log.warn({ sandbox: row.id, err: (err as Error).message }, 'could not restore a sandbox at start-up');
    }
  }
  log.info(result, 'sandboxes reconciled');
  return result;
}
