import http from 'node:http';
import https from 'node:https';
import { authFor } from './config';
import { CliError } from './errors';

export type GatewayResponse = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };
export type RequestOptions = {
  body?: Buffer | string | NodeJS.ReadableStream;
  headers?: Record<string, string>;
  /** Send the saved/mounted credentials (every /system/* call). */
  auth?: boolean;
  /** Called with the response instead of buffering it (streams: logs, builds). */
  onResponse?: (res: http.IncomingMessage) => Promise<void>;
  timeoutMs?: number;
};

export const UNAUTHORIZED = 'unauthorized access, run "faas-cli login" to setup authentication for this server';

/** HTTP to an OpenFaaS gateway, with faas-cli's messages for the usual failures. */
export class Gateway {
  readonly url: string;

  constructor(url: string) {
    this.url = url.replace(/\/+$/, '');
  }

  async request(method: string, path: string, opts: RequestOptions = {}): Promise<GatewayResponse> {
    const target = new URL(this.url + path);
    const lib = target.protocol === 'https:' ? https : http;
    const headers: Record<string, string> = { ...opts.headers };
    if (opts.auth) {
      const auth = authFor(this.url);
      if (auth) headers.authorization = auth;
    }
    const body = opts.body;
    if (typeof body === 'string' || Buffer.isBuffer(body)) headers['content-length'] = String(Buffer.byteLength(body));
    return new Promise((resolve, reject) => {
      const req = lib.request(target, { method, headers, timeout: opts.timeoutMs ?? 60_000 }, (res) => {
        if (res.statusCode === 401) {
          res.resume();
          return reject(new CliError(UNAUTHORIZED));
        }
        if (opts.onResponse) {
          opts.onResponse(res).then(() => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.alloc(0) }), reject);
          return;
        }
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }));
        res.on('error', reject);
      });
      req.on('timeout', () => req.destroy(new CliError(`the gateway at ${this.url} did not answer in time`)));
      req.on('error', (err: NodeJS.ErrnoException) => {
        if (err instanceof CliError) return reject(err);
        reject(new CliError(`cannot connect to OpenFaaS on URL: ${this.url}. ${err.code ?? err.message}`, 'Is the gateway running? Check the URL (-g or OPENFAAS_URL).'));
      });
      if (body && typeof body !== 'string' && !Buffer.isBuffer(body)) (body as NodeJS.ReadableStream).pipe(req);
      else req.end(body);
    });
  }

  /** Throw a CliError with the gateway's own text unless the status is one of `ok`. */
  static expect(res: GatewayResponse, ok: number[], what: string): GatewayResponse {
    if (ok.includes(res.status)) return res;
    const text = res.body.toString('utf8').trim();
    throw new CliError(`${what}: server returned unexpected status code: ${res.status} - ${text}`);
  }
}
