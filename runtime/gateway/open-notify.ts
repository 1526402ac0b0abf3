import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { sendText } from './proxy';

/**
 * The workshop's astronaut finder (Lab 3) calls http://api.open-notify.org/astros.json, and
 * there is no internet here. The gateway carries the network alias `api.open-notify.org` on the
 * sandbox network (lib/sandbox/gateway-spec.ts) and answers on port 80 with the store's `astros`
 * function, which gives the same JSON shape from a fixed list. A handler copied from the
 * workshop works unchanged: the first call deploys `astros` in the sandbox when it is missing
 * (as `faas-cli store deploy astros` would), so the participant has nothing to do.
 */
export const OPEN_NOTIFY_HOST = 'api.open-notify.org';
export const STAND_IN_FUNCTION = 'astros';

/** The store's astros entry (store/catalog.json; open-notify.test.ts checks they agree) as a deployment. */
export const STAND_IN_DEPLOYMENT = {
  service: STAND_IN_FUNCTION,
  image: 'faaslab/astros:latest',
  envProcess: 'python3 /home/app/astros.py',
  envVars: { content_type: 'application/json' },
  labels: {},
  annotations: {},
};

export type StandInDeps = {
  /** Whether the sandbox has the function: true/false, or null when the provider could not be asked. */
  exists: (name: string) => Promise<boolean | null>;
  /** Deploy it; null when done, else the provider's reason. */
  deploy: (body: typeof STAND_IN_DEPLOYMENT) => Promise<string | null>;
  /** The gateway's own port: the call goes through /function/astros (wake-up, metrics, retries while starting). */
  gatewayPort: number;
};

type Served = { path: string; status: number; text?: string };

/** What a request to the stand-in gets: the astros function for GET/HEAD /astros.json, else a 404 that says what is served. */
export function route(method: string | undefined, url: string | undefined): Served {
  const path = (url ?? '/').split('?')[0];
  if ((method === 'GET' || method === 'HEAD') && path === '/astros.json') return { path, status: 200 };
  return {
    path,
    status: 404,
    text: `${OPEN_NOTIFY_HOST} is emulated in this sandbox (no internet here): only GET http://${OPEN_NOTIFY_HOST}/astros.json is served, by the store's ${STAND_IN_FUNCTION} function.\n`,
  };
}

/** A stand-in that cannot answer says why, as JSON like open-notify's own (its `message`), and in the gateway's log. */
function unavailable(res: ServerResponse, reason: string): void {
  const message = `${OPEN_NOTIFY_HOST} is emulated in this sandbox by the store's ${STAND_IN_FUNCTION} function, which ${reason}. Try: faas-cli store deploy ${STAND_IN_FUNCTION}`;
  console.error(`open-notify stand-in: ${message}`);
  const text = `${JSON.stringify({ message, number: 0, people: [] })}\n`;
  res.writeHead(503, { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(text) }).end(text);
}

export function makeStandIn(deps: StandInDeps): (req: IncomingMessage, res: ServerResponse) => Promise<void> {
  let deploying: Promise<string | null> | null = null;
  const ensure = async (): Promise<string | null> => {
    const exists = await deps.exists(STAND_IN_FUNCTION);
    if (exists) return null;
    if (exists === null) return 'could not be looked up (the platform did not answer)';
    // Concurrent first calls share one deploy.
    deploying ??= deps.deploy(STAND_IN_DEPLOYMENT).finally(() => { deploying = null; });
    const failed = await deploying;
    if (!failed) console.log(`open-notify stand-in: deployed the store's ${STAND_IN_FUNCTION} function for ${OPEN_NOTIFY_HOST}`);
    return failed && `could not be deployed (${failed})`;
  };

  return async (req, res) => {
    const served = route(req.method, req.url);
    if (served.text) return sendText(res, served.status, served.text);
    const failed = await ensure();
    if (failed) return unavailable(res, failed);
    // The stand-in may still be starting: the gateway's own proxy retries while it does.
    const up = http.request({ host: '127.0.0.1', port: deps.gatewayPort, path: `/function/${STAND_IN_FUNCTION}`, method: 'GET', timeout: 60_000 }, (r) => {
      if (r.statusCode === 404) {
        r.resume();
        return unavailable(res, 'was removed meanwhile');
      }
      const headers: http.OutgoingHttpHeaders = { 'content-type': r.headers['content-type'] ?? 'application/json' };
      if (r.headers['content-length']) headers['content-length'] = r.headers['content-length'];
      res.writeHead(r.statusCode ?? 502, headers);
      if (req.method === 'HEAD') {
        r.resume();
        res.end();
      } else r.pipe(res);
    });
    up.on('timeout', () => up.destroy(new Error('no answer within 60 s')));
    up.on('error', (err) => {
      if (!res.headersSent) unavailable(res, `did not answer (${err.message})`);
      else res.destroy();
    });
    up.end();
  };
}
