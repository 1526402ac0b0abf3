import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AppContext } from '../app-context';
import { names } from '../docker/names';
import { handleBuildUpload } from '../builder/remote-build';
import { AppError, toErrorView } from '../errors';
import { storeImages } from '../store/resolve';
import { deployFunction } from './deploy';
import { toDeployment, type Owner } from './deployment';
import { assertFunctionExists, getFunction, listFunctions, scaleFunction, wakeFunction } from './functions';
import { parseLogQuery, streamFunctionLogs } from './logs';
import { removeFunction } from './remove';
import { deleteSchema, scaleSchema, secretSchema } from './schema';
import { createSecret, listSecrets, removeSecret, validateSecretName } from './secrets';
import { MAX_REPLICAS } from './spec';

export const PROVIDER_PREFIX = '/_provider';
const MAX_BODY = 256 * 1024;

/** Header with which the provider tells the gateway where a just-deployed function runs. */
export const ROUTES_HEADER = 'x-faaslab-routes';

type Reply = { status: number; json?: unknown; text?: string; headers?: Record<string, string> };

/**
 * The provider API that sandbox gateways call (the part of faas-swarm that needs the Docker
 * socket, which only the web app holds). Paths mirror the gateway's /system/* routes under
 * /_provider; each call carries the sandbox's secret token, which decides whose functions it
 * may see or change. Returns false for paths it does not own.
 */
export function handleProviderRequest(ctx: AppContext, req: IncomingMessage, res: ServerResponse): boolean {
  const url = new URL(req.url ?? '/', 'http://provider');
  if (!url.pathname.startsWith(`${PROVIDER_PREFIX}/`)) return false;
  const path = url.pathname.slice(PROVIDER_PREFIX.length);
  const errorReply = (err: unknown): Reply => {
    const e = toErrorView(err);
    return { status: err instanceof AppError ? err.status : 500, text: `${e.message}${e.hint ? `\n${e.hint}` : ''}\n` };
  };
  const streamed = path === '/system/logs' && req.method === 'GET'
    ? () => streamFunctionLogs(ctx.engine, authenticate(ctx, req), parseLogQuery(url.searchParams), res)
    : path === '/system/builds' && req.method === 'POST'
      ? () => handleBuildUpload(ctx, authenticate(ctx, req), req, res)
      : null;
  if (streamed) {
    // Streamed (ndjson: log lines, possibly following; build output), so not through route()'s buffered replies.
    Promise.resolve()
      .then(streamed)
      .catch((err) => {
        if (res.headersSent) return void res.end();
        const r = errorReply(err);
        res.writeHead(r.status, { 'Content-Type': 'text/plain; charset=utf-8' }).end(r.text);
      });
    return true;
  }
  route(ctx, req, path)
    .catch(errorReply)
    .then((r) => {
      const body = r.json !== undefined ? JSON.stringify(r.json) : r.text ?? '';
      res.writeHead(r.status, { 'Content-Type': r.json !== undefined ? 'application/json' : 'text/plain; charset=utf-8', ...r.headers });
      res.end(body);
    });
  return true;
}

async function route(ctx: AppContext, req: IncomingMessage, path: string): Promise<Reply> {
  const owner = authenticate(ctx, req);
  const { engine } = ctx;
  const method = req.method ?? 'GET';
  if (path === '/system/functions') {
    if (method === 'GET') return { status: 200, json: await listFunctions(engine, owner) };
    if (method === 'POST' || method === 'PUT') {
      const d = await toDeployment(engine, owner, await readJson(req), storeImages(ctx.cfg.root, ctx.images));
      if (method === 'PUT') await assertFunctionExists(engine, owner, d.name);
      let routes: string[] = [];
      const target = { ...owner, networkId: await sandboxNetworkId(engine, owner), endpointMode: ctx.cfg.FAASLAB_ENDPOINT_MODE, maxFunctions: ctx.cfg.FAASLAB_MAX_FUNCTIONS };
      await deployFunction(engine, target, d, ctx.cfg.FAASLAB_DEPLOY_TIMEOUT_MS, async (_name, addresses) => { routes = addresses; return true; });
      return { status: 202, headers: routes.length ? { [ROUTES_HEADER]: `${d.name}=${routes.join(',')}` } : {} };
    }
    if (method === 'DELETE') {
      const parsed = deleteSchema.safeParse(await readJson(req));
      if (!parsed.success) throw new AppError('invalid', `Invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      await assertFunctionExists(engine, owner, parsed.data.functionName);
      await removeFunction(engine, owner.instance, owner.sandboxId, parsed.data.functionName);
      return { status: 202, headers: { [ROUTES_HEADER]: `${parsed.data.functionName}=` } };
    }
  }
  if (path === '/system/secrets') {
    if (method === 'GET') return { status: 200, json: await listSecrets(engine, owner) };
    if (method === 'PUT') throw new AppError('not_allowed', 'Swarm secrets cannot be changed.', { hint: 'Remove the secret (after the functions using it) and create it again.' });
    const body = await readJson(req);
    if (method === 'POST') {
      const parsed = secretSchema.safeParse(body);
      if (!parsed.success) throw new AppError('invalid', `Invalid secret: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
      const value = parsed.data.rawValue !== undefined ? Buffer.from(parsed.data.rawValue, 'base64') : Buffer.from(parsed.data.value ?? '');
      await createSecret(engine, owner, validateSecretName(parsed.data.name, owner), value);
      return { status: 201 };
    }
    if (method === 'DELETE') {
      await removeSecret(engine, owner, validateSecretName((body as { name?: unknown } | null)?.name, owner));
      return { status: 200 };
    }
  }
  const wake = /^\/system\/faaslab\/wake\/([^/]+)$/.exec(path);
  if (wake && method === 'POST') {
    const name = decodeURIComponent(wake[1]);
    const addresses = await wakeFunction(engine, owner, name, await sandboxNetworkId(engine, owner), ctx.cfg.FAASLAB_DEPLOY_TIMEOUT_MS);
    return { status: 202, headers: { [ROUTES_HEADER]: `${name}=${addresses.join(',')}` } };
  }
  const fn = /^\/system\/function\/([^/]+)$/.exec(path);
  if (fn && method === 'GET') return { status: 200, json: await getFunction(engine, owner, decodeURIComponent(fn[1])) };
  const scale = /^\/system\/scale-function\/([^/]+)$/.exec(path);
  if (scale && method === 'POST') {
    const parsed = scaleSchema.safeParse(await readJson(req));
    if (!parsed.success) throw new AppError('invalid', `Invalid request: ${parsed.error.issues.map((i) => i.message).join('; ')}`);
    await scaleFunction(engine, owner, decodeURIComponent(scale[1]), parsed.data.replicas, MAX_REPLICAS);
    return { status: 202 };
  }
  throw new AppError('not_found', `No provider route for ${method} ${path}`);
}

async function sandboxNetworkId(engine: AppContext['engine'], owner: Owner): Promise<string> {
  return (await engine.getNetwork(names.sandboxNetwork(owner.instance, owner.sandboxId)).inspect()).Id as string;
}

function authenticate(ctx: AppContext, req: IncomingMessage): Owner {
  const m = /^Bearer (\S+)$/.exec(String(req.headers.authorization ?? ''));
  const row = m ? ctx.q.sandboxByToken(m[1]) : undefined;
  if (!row || row.instance !== ctx.cfg.FAASLAB_PREFIX) throw new AppError('unauthorized', 'unauthorized');
  return { instance: row.instance, sandboxId: row.id };
}

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of req) {
    size += (c as Buffer).length;
    if (size > MAX_BODY) throw new AppError('invalid', `Request body larger than ${MAX_BODY} bytes.`);
    chunks.push(c as Buffer);
  }
  try {
    return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null');
  } catch {
    throw new AppError('invalid', 'The request body is not valid JSON.');
  }
}

