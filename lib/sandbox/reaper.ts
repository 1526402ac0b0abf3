import type { AppContext } from '../app-context';
import type { SandboxRow } from '../db/queries';
import { LABEL, ownedFilter } from '../docker/labels';
import { log } from '../log';
import { isPoolOwner } from '../session/participant';
import { participantWorkspace } from '../workspace/participant';
import { retireHome } from '../workspace/retire';
import { gatewayActivity, runningGatewayUrl } from './gateway';
import { isExpired } from './lifetime';
import { serialised } from './locks';
import { removeSandbox } from './remove';

/**
 * Remove a sandbox's Docker objects (found by label), its home and its row; the participant's
 * files stay (in a plain folder, until their next sandbox) unless asked. The row goes last: a
 * crash before leaves it 'removing', and start-up finishes the job (reconcile.ts).
 */
export async function dropSandbox(ctx: AppContext, row: SandboxRow, opts: { keepFiles: boolean }): Promise<void> {
  ctx.q.setSandboxStatus(row.id, 'removing');
  await removeSandbox(ctx.engine, row.instance, row.id);
  if (!opts.keepFiles) participantWorkspace(ctx.cfg.dataDir, row.participant_id).clear();
  retireHome(ctx.cfg.dataDir, row.id, row.participant_id); // the shell is gone: nothing else writes there
  ctx.q.deleteSandbox(row.id);
}

/**
 * The last call through the sandbox's gateway counts as activity too (a participant may only
 * use faas-cli on their laptop): take it into the row before judging the sandbox idle.
 */
async function noteGatewayActivity(ctx: AppContext, row: SandboxRow, now: number): Promise<SandboxRow> {
  const url = await runningGatewayUrl(ctx.engine, ctx.cfg, row.id).catch(() => null);
  const activity = url ? await gatewayActivity(url, row.gateway_token).catch(() => null) : null;
  const idle = Object.values(activity ?? {});
  if (!idle.length) return row;
  const lastCall = now - Math.min(...idle);
  if (lastCall <= row.last_active_at) return row;
  ctx.q.touchSandbox(row.id, lastCall);
  return { ...row, last_active_at: lastCall };
}

/** Sandbox ids that carry this instance's labels in Docker (services, networks, secrets, images). */
export async function labelledSandboxIds(ctx: AppContext): Promise<Set<string>> {
  const filters = ownedFilter(ctx.cfg.FAASLAB_PREFIX);
  const ids = new Set<string>();
  const add = (labels?: Record<string, string>) => { if (labels?.[LABEL.sandbox]) ids.add(labels[LABEL.sandbox]); };
  for (const s of await ctx.engine.listServices({ filters })) add(s.Spec?.Labels);
  for (const n of await ctx.engine.listNetworks({ filters })) add(n.Labels);
  for (const s of await ctx.engine.listSecrets({ filters })) add(s.Spec?.Labels);
  for (const i of await ctx.engine.listImages({ filters })) add(i.Labels ?? undefined);
  return ids;
}

export type ReapResult = { expired: string[]; orphans: string[] };

/**
 * Remove every sandbox past its idle timeout or hard limit (their images and homes included;
 * workspace files stay for the participant's next sandbox), and every sandbox that Docker has under this
 * instance's labels but the database does not know. Never touches anything unlabelled.
 */
export async function reapSandboxes(ctx: AppContext, now = Date.now()): Promise<ReapResult> {
  const result: ReapResult = { expired: [], orphans: [] };
  const rows = ctx.q.sandboxesOf(ctx.cfg.FAASLAB_PREFIX);
  for (const stale of rows) {
    if (isPoolOwner(stale.participant_id)) continue; // the pool's own; its clocks start when someone gets it
    await serialised(`sandbox:${stale.participant_id}`, async () => {
      const row = ctx.q.sandbox(stale.id); // re-read under the lock: it may have been reset or extended
      if (!row || !isExpired(row, ctx.cfg, now)) return;
      if (row.status === 'ready' && !isExpired(await noteGatewayActivity(ctx, row, now), ctx.cfg, now)) return;
      await dropSandbox(ctx, row, { keepFiles: true });
      result.expired.push(row.id);
    });
  }
  const known = new Set(ctx.q.sandboxesOf(ctx.cfg.FAASLAB_PREFIX).map((r) => r.id));
  for (const sid of await labelledSandboxIds(ctx)) {
    if (known.has(sid) || ctx.q.sandbox(sid)) continue;
    await removeSandbox(ctx.engine, ctx.cfg.FAASLAB_PREFIX, sid);
    result.orphans.push(sid);
  }
  if (result.expired.length || result.orphans.length) log.info(result, 'reaped sandboxes');
  return result;
}
