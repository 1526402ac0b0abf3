import fs from 'node:fs';
import path from 'node:path';
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { Readable } from 'node:stream';
import YAML from 'yaml';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { validateFunctionName } from '../docker/names';
import { AppError, toErrorView } from '../errors';
import type { Owner } from '../provider/deployment';
import { buildForSandbox, clientGone, IMAGE, type BuildEvent } from './remote-build';
import { templateDir } from './templates';
import { extractUpload, UPLOAD_LIMITS, type UploadLayout } from './upload';

/**
 * OpenFaaS's function-builder API (`POST /build`, as its go-sdk `builder` package and
 * `faas-cli up --remote-builder URL --payload-secret FILE` speak it): the body is an
 * uncompressed tar of `context/` (the template folder with the handler in `function/`) and
 * `com.openfaas.docker.config` (`{image, buildArgs?, platforms?}`), signed with
 * `X-Build-Signature: sha256=<hex HMAC-SHA256 of the body with the payload secret>`. The answer
 * is one JSON BuildResult per line (`{log, image, status, error?}`), or one JSON object when the
 * client does not ask for `application/x-ndjson`.
 */
export const OPENFAAS_LAYOUT: UploadLayout = { configEntry: 'com.openfaas.docker.config', folder: 'context' };
/** A signed tar is read whole before anything is unpacked: the file limit plus room for tar headers. */
export const MAX_BUILD_BODY = UPLOAD_LIMITS.bytes + 4 * 1024 * 1024;

const configSchema = z.object({
  image: z.string().regex(IMAGE, 'image must look like name[:tag] or owner/name[:tag] (lowercase; no registry port)').max(200),
  buildArgs: z.record(z.string(), z.string()).optional(),
  platforms: z.array(z.string()).optional(),
  skipPush: z.boolean().optional(),
}).strip();

type BuildResult = { log: string[]; image: string; status: 'in_progress' | 'success' | 'failed'; error?: string };

/** The payload secret of a sandbox's builder, derived from its provider token (shown to the participant in Lab 1; the token itself never is). */
export function payloadSecret(gatewayToken: string): string {
  return createHmac('sha256', gatewayToken).update('faaslab remote builder payload secret').digest('hex').slice(0, 40);
}

export function sign(body: Buffer, secret: string): string {
  return `sha256=${createHmac('sha256', secret).update(body).digest('hex')}`;
}

function signatureMatches(header: unknown, body: Buffer, secret: string): boolean {
  if (typeof header !== 'string') return false;
  const want = Buffer.from(sign(body, secret));
  const got = Buffer.from(header.trim().toLowerCase());
  return got.length === want.length && timingSafeEqual(got, want);
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const declared = Number(req.headers['content-length']);
  if (declared > max) throw tooLarge(max);
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max) throw tooLarge(max);
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

const tooLarge = (max: number) => new AppError('too_large', `The build context is larger than ${Math.round(max / 2 ** 20)} MB.`, {
  hint: 'Keep build contexts small: leave data files, virtual environments and node_modules out of the handler folder.',
});

/** The template's language (its template.yml's `language`) and the handler folder inside the context. */
function readTemplate(contextDir: string): { lang: string; handlerDir: string } {
  let meta: { language?: unknown; handler_folder?: unknown };
  try {
    meta = YAML.parse(fs.readFileSync(path.join(contextDir, 'template.yml'), 'utf8')) ?? {};
  } catch {
    throw new AppError('invalid', 'The build context has no readable template.yml, so its language is not known.', {
      hint: 'Build a function made from a template (faas-cli new --lang python3-http …); the dockerfile language cannot be built remotely.',
    });
  }
  const lang = String(meta.language ?? '');
  const folder = typeof meta.handler_folder === 'string' && meta.handler_folder ? meta.handler_folder : 'function';
  if (!/^[a-z0-9][a-z0-9._-]*$/.test(folder)) throw new AppError('invalid', `The template's handler_folder "${folder.slice(0, 60)}" is not a plain folder name.`);
  return { lang, handlerDir: path.join(contextDir, folder) };
}

/**
 * Serve one `POST /build` for the sandbox `owner`, whose payload secret is `secret`: refuse a
 * missing or wrong signature and an oversized body before unpacking anything, then build with
 * the platform's template for the context's language (the same builder, queue, quotas and
 * isolation as every build) and tag the image with the name the participant gave.
 */
export async function handleOpenFaaSBuild(ctx: AppContext, owner: Owner, secret: string, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const fail = (err: unknown) => {
    const e = toErrorView(err);
    const status = err instanceof AppError ? err.status : 500;
    if (!res.headersSent) res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
    res.end(`${e.message}${e.hint ? `\n${e.hint}` : ''}\n`);
  };
  if (req.method !== 'POST') return fail(new AppError('not_allowed', `The builder accepts POST /build only, not ${req.method}.`));
  let body: Buffer;
  try {
    body = await readBody(req, MAX_BUILD_BODY);
  } catch (err) {
    req.resume();
    return fail(err);
  }
  if (!signatureMatches(req.headers['x-build-signature'], body, secret)) {
    return fail(new AppError('unauthorized', 'The build request is not signed with your payload secret (header X-Build-Signature: sha256=<HMAC of the body>).', {
      hint: 'Pass the payload secret from the "Your gateway" page: faas-cli up --remote-builder <your gateway URL> --payload-secret <file holding it>.',
    }));
  }
  const dir = path.join(ctx.cfg.dataDir, 'builds', `${owner.sandboxId}-${randomBytes(6).toString('hex')}`);
  try {
    const parsed = configSchema.safeParse(await extractUpload(Readable.from([body]), dir, OPENFAAS_LAYOUT));
    if (!parsed.success) throw new AppError('invalid', `Invalid ${OPENFAAS_LAYOUT.configEntry}: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'config'}: ${i.message}`).join('; ')}.`);
    const { image, buildArgs } = parsed.data;
    const { lang, handlerDir } = readTemplate(path.join(dir, 'context'));
    templateDir(ctx.cfg.root, lang); // an unknown language is refused here, with the list of those there are
    if (!fs.existsSync(handlerDir)) throw new AppError('invalid', `The build context has no ${path.basename(handlerDir)}/ folder with the handler.`);
    // The function is named after the image (faas-cli sends no function name): owner/hello:0.1 → hello.
    const fn = validateFunctionName(image.split('/').pop()!.split(':')[0], owner.instance, owner.sandboxId);
    const stream = /application\/x-ndjson/.test(String(req.headers.accept ?? ''));
    const logs: string[] = [];
    const emit = (r: BuildResult) => { if (stream && !res.destroyed) res.write(`${JSON.stringify(r)}\n`); else logs.push(...r.log); };
    const onEvent = (e: BuildEvent) => {
      if (e.type === 'log') emit({ log: [e.line], image, status: 'in_progress' });
      if (e.type === 'queue') emit({ log: [e.position > 0 ? `Waiting for a build slot: ${e.position} ahead of you` : 'Building'], image, status: 'in_progress' });
    };
    res.writeHead(200, { 'Content-Type': stream ? 'application/x-ndjson' : 'application/json', 'Cache-Control': 'no-store' });
    emit({ log: [`Building ${image} with FaaS Lab's ${lang} template (the template files you sent are not used, only your ${path.basename(handlerDir)}/ folder)`], image, status: 'in_progress' });
    let last: BuildResult;
    try {
      await buildForSandbox(ctx, owner, { fn, lang, image, handlerDir, buildArgs }, onEvent, clientGone(res));
      last = { log: [], image, status: 'success' };
    } catch (err) {
      const e = toErrorView(err);
      last = { log: [], image, status: 'failed', error: `${e.message}${e.hint ? ` ${e.hint}` : ''}` };
    }
    if (stream) emit(last);
    else last.log = logs;
    res.end(stream ? undefined : JSON.stringify(last));
  } catch (err) {
    fail(err);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
