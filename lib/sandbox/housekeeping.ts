import type { AppContext } from '../app-context';
import { log } from '../log';
import { scaleIdleFunctions } from './idle-scaler';
import { fillPool } from './pool';
import { reapSandboxes } from './reaper';
import { reconcileSandboxes } from './reconcile';
import { forgetUnseenParticipants } from './retention';

/**
 * The server's background work on sandboxes: reconcile once at start-up, then keep the warm
 * pool full, reap expired sandboxes, delete the files of participants gone for good and scale
 * idle functions to zero, each on its own timer. Timers never keep the
 * process alive, and one round never overlaps the next.
 */
export function startHousekeeping(ctx: AppContext): void {
  const every = (ms: number, what: string, fn: () => Promise<unknown>) => {
    let running = false;
    setInterval(() => {
      if (running) return;
      running = true;
      fn().catch((err) => log.error({ err: (err as Error).message }, `${what} failed`)).finally(() => { running = false; });
    }, ms).unref();
  };
  reconcileSandboxes(ctx)
    .catch((err) => log.error({ err: (err as Error).message }, 'reconciling sandboxes at start-up failed'))
    .finally(() => {
      if (ctx.cfg.FAASLAB_REAPER_SECONDS > 0) every(ctx.cfg.FAASLAB_REAPER_SECONDS * 1000, 'reaper', () => reapSandboxes(ctx));
      // Retention counts in days: once at start-up, then hourly is plenty.
      if (ctx.cfg.FAASLAB_WORKSPACE_RETENTION_DAYS > 0) { void forgetUnseenParticipants(ctx).catch((err) => log.error({ err: (err as Error).message }, 'workspace retention failed')); every(3600_000, 'workspace retention', () => forgetUnseenParticipants(ctx)); }
      // Top the warm pools up soon after someone took a sandbox (a few queries when full);
      // always on, since a workshop session may want its own even when the site's is 0.
      void fillPool(ctx).catch(() => {});
      every(5000, 'warm pool', () => fillPool(ctx));
    });
  if (ctx.cfg.FAASLAB_SCALE_TO_ZERO_SECONDS > 0) {
    const idleMs = ctx.cfg.FAASLAB_SCALE_TO_ZERO_SECONDS * 1000;
    every(Math.min(30_000, Math.max(1000, idleMs / 3)), 'idle scaler', () => scaleIdleFunctions(ctx, idleMs));
  }
}
