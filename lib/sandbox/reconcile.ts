import type { AppContext } from '../app-context';
import { log } from '../log';
import { homeIds, sandboxHome } from '../workspace/home';
import { workspaceOwners } from '../workspace/links';
import { retireHome } from '../workspace/retire';
import { serialised } from './locks';
import { ensureSandbox } from './provision';
import { dropSandbox, reapSandboxes } from './reaper';

export type ReconcileResult = { adopted: number; repaired: string[]; failed: string[]; removed: string[]; orphans: string[]; homes: string[] };

/**
 * At start-up, make Docker and the database agree: finish removals a crash interrupted,
 * remove what has expired and what Docker has under our labels that the database doesn't
 * know (orphans), retire the homes of sandboxes the database doesn't know, adopt every
 * running sandbox and re-make the parts of any that are missing (network, secrets, gateway,
 * shell). Functions are Swarm services and survive a restart.
 */
export async function reconcileSandboxes(ctx: AppContext): Promise<ReconcileResult> {
  const result: ReconcileResult = { adopted: 0, repaired: [], failed: [], removed: [], orphans: [], homes: [] };
  for (const stale of ctx.q.sandboxesOf(ctx.cfg.FAASLAB_PREFIX)) {
    if (stale.status !== 'removing') continue;
    await serialised(`sandbox:${stale.participant_id}`, async () => {
      const row = ctx.q.sandbox(stale.id);
      if (!row) return;
      await dropSandbox(ctx, row, { keepFiles: true });
      result.removed.push(row.id);
    });
  }
  const reaped = await reapSandboxes(ctx);
  result.removed.push(...reaped.expired);
  result.orphans = reaped.orphans;
  result.homes = await retireUnknownHomes(ctx);
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

/**
 * Homes whose sandbox the database does not know (a crash between removing its row and its
 * home, or a reaper from before homes were retired): the files go to the participant whose
 * workspace links there, the home is unmounted and deleted. Returns their sandbox ids.
 */
export async function retireUnknownHomes(ctx: AppContext): Promise<string[]> {
  const dataDir = ctx.cfg.dataDir;
  const owners = workspaceOwners(dataDir);
  const retired: string[] = [];
  for (const sid of homeIds(dataDir)) {
    const pid = owners.get(sandboxHome(dataDir, sid)) ?? null;
    const retire = async () => {
      if (ctx.q.sandbox(sid)) return; // any instance's: never a home in use
      retireHome(dataDir, sid, pid);
      retired.push(sid);
    };
    await (pid ? serialised(`sandbox:${pid}`, retire) : retire()).catch((err: Error) => {
      log.warn({ sandbox: sid, err: err.message }, 'could not retire the home of an unknown sandbox');
    });
  }
  return retired;
}
