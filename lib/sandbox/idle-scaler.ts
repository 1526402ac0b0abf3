import type { AppContext } from '../app-context';
import { isNotFound } from '../docker/not-found';
import { pushRoute } from '../faas/routes';
import { log } from '../log';
import { listFunctions, scaleFunction } from '../provider/functions';
import { gatewayActivity, runningGatewayUrl } from './gateway';

/** Opt-out label, as OpenFaaS's (Pro) scaler reads it. */
const SCALE_ZERO_LABEL = 'com.openfaas.scale.zero';

/**
 * Scale to zero every function idle for longer than `idleMs`: idle since its last call through
 * the gateway, or, if never called since the gateway started, since its service last changed.
 * A function labelled com.openfaas.scale.zero=false is left alone. Returns what it scaled.
 */
export async function scaleIdleFunctions(ctx: AppContext, idleMs: number, now = Date.now()): Promise<string[]> {
  const scaled: string[] = [];
  for (const row of ctx.q.sandboxesOf(ctx.cfg.FAASLAB_PREFIX)) {
    if (row.status !== 'ready') continue;
    const owner = { instance: row.instance, sandboxId: row.id };
    // A sandbox whose gateway is gone (being removed, or reset) is simply skipped this round.
    const url = await runningGatewayUrl(ctx.engine, ctx.cfg, row.id).catch((err) => { if (isNotFound(err)) return null; throw err; });
    const activity = url ? await gatewayActivity(url, row.gateway_token).catch(() => null) : null;
    if (!url || !activity) continue; // without the gateway's view, never guess
    const services = new Map((await ctx.engine.listServices({ filters: { label: [`io.faaslab.sandbox=${row.id}`] } })).map((s) => [s.Spec?.Labels?.['com.openfaas.function'], s]));
    for (const fn of await listFunctions(ctx.engine, owner)) {
      if (fn.replicas === 0 || fn.labels[SCALE_ZERO_LABEL] === 'false') continue;
      const changed = Date.parse(services.get(fn.name)?.UpdatedAt ?? '') || now;
      const idle = activity[fn.name] ?? now - changed;
      if (idle < idleMs || now - changed < idleMs) continue;
      await scaleFunction(ctx.engine, owner, fn.name, 0, 0);
      // Tell the gateway no task runs any more, so the next call wakes the function at once
      // instead of first trying the stopping task that DNS still lists for a few seconds.
      await pushRoute(url, row.gateway_token, fn.name, []);
      scaled.push(`${row.id}/${fn.name}`);
    }
  }
  if (scaled.length) log.info({ scaled }, 'scaled idle functions to zero');
  return scaled;
}
