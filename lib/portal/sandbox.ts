import type { AppContext } from '../app-context';
import { orNull } from '../docker/not-found';
import { GATEWAY_USER, runningGatewayUrl } from '../sandbox/gateway';
import { ensureSandbox } from '../sandbox/provision';
import type { PortalGateway } from './gateway-client';

const urls = new Map<string, { url: string; at: number }>();

/**
 * The participant's own gateway and login. The portal polls, so a sandbox that runs is found
 * from the database and its gateway's task (cached a few seconds) without the full check
 * ensureSandbox makes; only a missing or stopped one goes through ensureSandbox, which makes
 * or repairs it. `activity` marks the sandbox in use (a deploy, an invoke), as the terminal
 * does; a poll of the list does not, so a forgotten open tab does not keep a sandbox alive.
 */
export async function portalGateway(ctx: AppContext, participantId: string, opts: { activity: boolean }): Promise<PortalGateway> {
  const row = ctx.q.sandboxOf(participantId);
  if (row && row.status === 'ready') {
    const url = await cachedUrl(ctx, row.id);
    if (url) {
      if (opts.activity) ctx.q.touchSandbox(row.id);
      return { url, user: GATEWAY_USER, password: row.gateway_password };
    }
  }
  const sandbox = await ensureSandbox(ctx, participantId, () => {}, { activity: opts.activity });
  urls.set(sandbox.id, { url: sandbox.gatewayUrl, at: Date.now() });
  return { url: sandbox.gatewayUrl, ...sandbox.credentials };
}

async function cachedUrl(ctx: AppContext, sid: string): Promise<string | null> {
  const hit = urls.get(sid);
  if (hit && Date.now() - hit.at < 5000) return hit.url;
  const url = await orNull(runningGatewayUrl(ctx.engine, ctx.cfg, sid));
  if (url) urls.set(sid, { url, at: Date.now() });
  else urls.delete(sid);
  return url;
}
