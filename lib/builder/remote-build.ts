import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { z } from 'zod';
import type { AppContext } from '../app-context';
import { names, validateFunctionName } from '../docker/names';
import { AppError, toErrorView } from '../errors';
import { buildPackageIndex } from '../pkgindex/for-builds';
import type { Owner } from '../provider/deployment';
import { serialised } from '../sandbox/locks';
import { buildFunction } from './build-function';
import { makeRoomForBuild } from './image-room';
import { buildQueue, PAUSED } from './queue';
import { extractUpload } from './upload';

/** One line of a build's ndjson answer. */
export type BuildEvent =
  | { type: 'queue'; position: number }
  | { type: 'log'; line: string }
  | { type: 'result'; image: string; seconds: number }
  | { type: 'error'; message: string; hint?: string; detail?: unknown };

/** An image reference as a participant writes it in stack.yml: `name[:tag]`, path components allowed, no registry port. */
export const IMAGE = /^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:\/[a-z0-9]+(?:[._-][a-z0-9]+)*)*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?$/;

const settingsSchema = z.object({
  name: z.string(),
  lang: z.string().min(1, 'lang is empty'),
  image: z.string().regex(IMAGE, 'image must look like name[:tag] or owner/name[:tag] (lowercase; no registry port)').max(200),
  buildArgs: z.record(z.string(), z.string()).optional(),
  noCache: z.boolean().optional(),
}).strict();
export type BuildSettings = z.infer<typeof settingsSchema>;

/**
 * POST /system/builds from the sandbox shell (faas-cli build / up, through the gateway): the
 * upload is the handler folder plus settings; the platform builds it with its own template for
 * `lang` in the shared build queue and tags the result with the participant's image name inside
 * their sandbox's namespace (deploy finds it by that name). The answer is ndjson: queue
 * positions, every build line, then a result or an error with a hint. Nothing needs Docker in
 * the shell.
 */
export async function handleBuildUpload(ctx: AppContext, owner: Owner, req: IncomingMessage, res: ServerResponse): Promise<void> {
  const dir = path.join(ctx.cfg.dataDir, 'builds', `${owner.sandboxId}-${randomBytes(6).toString('hex')}`);
  try {
    const raw = await extractUpload(req, dir);
    const parsed = settingsSchema.safeParse(raw);
    if (!parsed.success) {
      throw new AppError('invalid', `Invalid build settings: ${parsed.error.issues.map((i) => `${i.path.join('.') || 'settings'}: ${i.message}`).join('; ')}.`);
    }
    const settings = parsed.data;
    const fn = validateFunctionName(settings.name, owner.instance, owner.sandboxId);
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson', 'Cache-Control': 'no-store' });
    const emit = (e: BuildEvent) => { if (!res.destroyed) res.write(`${JSON.stringify(e)}\n`); };
    try {
      const started = Date.now();
      const image = await buildForSandbox(ctx, owner, { ...settings, fn, handlerDir: path.join(dir, 'handler') }, emit, clientGone(res));
      emit({ type: 'result', image, seconds: (Date.now() - started) / 1000 });
    } catch (err) {
      const e = toErrorView(err);
      emit({ type: 'error', message: e.message, hint: e.hint, detail: e.detail });
    }
    res.end();
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Aborted when the client hangs up before the answer is complete (faas-cli interrupted): it gives up its build and its place in the queue. */
export function clientGone(res: ServerResponse): AbortSignal {
  const gone = new AbortController();
  res.on('close', () => { if (!res.writableFinished) gone.abort(new AppError('unavailable', 'The client went away; the build was stopped.')); });
  return gone.signal;
}

export type SandboxBuild = { fn: string; lang: string; image: string; handlerDir: string; buildArgs?: Record<string, string>; noCache?: boolean };

/**
 * Build a participant's handler with the platform's template for `lang`, in the shared build
 * queue with the sandbox's quotas and the build isolation, and tag the result with the
 * participant's image name inside their sandbox's namespace. Every build, from the sandbox's
 * faas-cli or from OpenFaaS's own on a laptop, comes through here. Returns the image name as the
 * participant wrote it.
 */
export async function buildForSandbox(ctx: AppContext, owner: Owner, b: SandboxBuild, emit: (e: BuildEvent) => void, signal: AbortSignal): Promise<string> {
  return serialised(`deploy:${owner.sandboxId}:${b.fn}`, async () => {
    await makeRoomForBuild(ctx.engine, owner, b.fn, { maxImages: ctx.cfg.FAASLAB_MAX_IMAGES, diskMb: ctx.cfg.FAASLAB_IMAGE_DISK_MB });
    const packageIndex = await buildPackageIndex(ctx.engine, ctx.cfg);
    const build = (s: AbortSignal) => buildFunction(ctx.engine, {
      root: ctx.cfg.root, instance: owner.instance, sandboxId: owner.sandboxId, fn: b.fn, lang: b.lang,
      handlerDir: b.handlerDir, images: ctx.images, packageIndex, buildArgs: b.buildArgs, noCache: b.noCache,
      timeoutMs: ctx.cfg.FAASLAB_BUILD_TIMEOUT_MS, isolation: ctx.cfg.FAASLAB_BUILD_ISOLATION, signal: s,
    }, (line) => emit({ type: 'log', line: line.startsWith('Successfully tagged ') ? `Successfully tagged ${b.image}` : line }));
    const built = await buildQueue(ctx.cfg.FAASLAB_BUILD_CONCURRENCY, ctx.cfg.FAASLAB_BUILDS_PER_SANDBOX).run(owner.sandboxId, build, {
      onPosition: (position) => emit({ type: 'queue', position }),
      onPaused: () => emit({ type: 'log', line: PAUSED }),
      signal,
    });
    const [repo, tag] = splitTag(names.sandboxImage(owner.instance, owner.sandboxId, b.image));
    await ctx.engine.getImage(built.image).tag({ repo, tag });
    return b.image;
  });
}

/** `repo/name:tag` → [`repo/name`, `tag`] (the colon of the tag is the last one; names carry no port here). */
function splitTag(ref: string): [string, string] {
  const i = ref.lastIndexOf(':');
  return i > ref.lastIndexOf('/') ? [ref.slice(0, i), ref.slice(i + 1)] : [ref, 'latest'];
}
