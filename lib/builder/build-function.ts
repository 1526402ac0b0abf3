import type Docker from 'dockerode';
import { DEFAULT_BUILD_TIMEOUT_MS } from '../config';
import { buildFromFiles, declaredArgs } from '../docker/build';
import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { AppError } from '../errors';
import type { ImageManifest } from '../platform/manifest';
import { checkDockerfileImages } from './base-images';
import { explainBuildFailure } from './build-errors';
import { buildContext } from './context';
import { explainDependencyFailure, packageDependencies } from './dependencies';
import { buildSlot, type IsolationMode } from './isolation';
import { verifyOwnImages } from './own-images';
import { checkPythonSyntax } from './preflight';
import { templateDir } from './templates';

export type FunctionBuildRequest = {
  root: string;
  instance: string;
  sandboxId: string;
  fn: string;
  lang: string;
  handlerDir: string;
  images: ImageManifest;
  /** The workshop's package indexes, offered to templates as PIP_INDEX_URL / NPM_REGISTRY. */
  packageIndex?: { pip?: string; npm?: string };
  /** The participant's own build args (faas-cli --build-arg / build_args); the platform's win on a clash. */
  buildArgs?: Record<string, string>;
  noCache?: boolean;
  /** FAASLAB_BUILD_TIMEOUT_MS: the build is stopped after this long. */
  timeoutMs?: number;
  /** FAASLAB_BUILD_ISOLATION; default on. */
  isolation?: IsolationMode;
  /** Stops the build (the build queue's preemption, a caller who gives up); the call rejects with its reason. */
  signal?: AbortSignal;
};

/**
 * Memory of each step of a participant's build (RUN pip/npm install and their own Dockerfile's
 * RUN lines run as code on the host's engine): ample for installs, far from the host's memory.
 */
export const BUILD_MEMORY_BYTES = 1024 * 2 ** 20;

/**
 * Template + handler → image, with the engine's layer cache doing the heavy lifting (only the
 * handler layers change between edits). Each build gets its own tag so that a Swarm service
 * update always sees a new image; failures become `build_failed` with file/line or step.
 * Python handlers are syntax-checked first, so a typo costs ~30 ms, not a build.
 *
 * Participant code runs in the RUN steps, on the host's engine: the Dockerfile may only build
 * from the platform's images, earlier stages and the sandbox's own images (checked before
 * anything runs), steps run confined (see isolation.ts: a network that reaches only the package
 * index, a pids and a memory limit), and the build is stopped after `timeoutMs`.
 */
export async function buildFunction(engine: Docker, req: FunctionBuildRequest, onLine: (line: string) => void): Promise<{ image: string }> {
  const files = buildContext(req.lang, templateDir(req.root, req.lang), req.handlerDir);
  if (req.lang.startsWith('python')) await checkPythonSyntax(req.handlerDir);
  const pkg = req.lang.startsWith('node') ? files.get('function/package.json') : undefined;
  if (pkg) packageDependencies(pkg.content.toString(), 'package.json');
  const dockerfile = files.get('Dockerfile')?.content.toString() ?? '';
  const platformImages = { BASE_IMAGE: req.images.base, PYTHON_IMAGE: req.images.python, WATCHDOG_IMAGE: req.images.watchdog, NODE_IMAGE: req.images.node };
  const buildargs = declaredArgs(dockerfile, {
    ...req.buildArgs,
    ...platformImages,
    ...(req.packageIndex?.pip ? { PIP_INDEX_URL: req.packageIndex.pip } : {}),
    ...(req.packageIndex?.npm ? { NPM_REGISTRY: req.packageIndex.npm } : {}),
  });
  const { ownImages } = checkDockerfileImages(dockerfile, buildargs, { platformImages, ownPrefixes: names.sandboxImagePrefixes(req.instance, req.sandboxId) });
  await verifyOwnImages(engine, req.instance, req.sandboxId, ownImages);
  const image = `${names.functionImage(req.instance, req.sandboxId, req.fn)}:${Date.now().toString(36)}`;
  const labels = ownedLabels(req.instance, 'function-image', { [LABEL.sandbox]: req.sandboxId, [LABEL.fn]: req.fn });
  const timeoutMs = req.timeoutMs ?? DEFAULT_BUILD_TIMEOUT_MS;
  const timeout = AbortSignal.timeout(timeoutMs);
  const slot = await buildSlot(engine, req.instance, req.isolation ?? 'on');
  if (slot.warning) onLine(slot.warning);
  let result: Awaited<ReturnType<typeof buildFromFiles>>;
  try {
    result = await buildFromFiles(engine, files, {
      tag: image,
      labels,
      nocache: req.noCache,
      memoryBytes: BUILD_MEMORY_BYTES,
      networkMode: slot.networkMode,
      cgroupParent: slot.cgroupParent,
      signal: AbortSignal.any([timeout, slot.signal, ...(req.signal ? [req.signal] : [])]),
      buildargs,
    }, onLine);
  } catch (err) {
    if (!timeout.aborted || req.signal?.aborted || slot.signal.aborted) throw err;
    const limit = timeoutMs >= 60_000 ? `${Math.round(timeoutMs / 60_000)} minute${timeoutMs >= 90_000 ? 's' : ''}` : `${Math.round(timeoutMs / 1000)} s`;
    throw new AppError('timeout', `The build took longer than ${limit} and was stopped.`, {
      hint: 'A RUN step that never ends (a sleep, a server started in the Dockerfile, a prompt waiting for input) keeps a builder busy: check the RUN lines. The previous version keeps serving.',
      cause: err,
    });
  } finally {
    slot.release();
  }
  if (!result.ok) {
    const failure = explainBuildFailure(result.error, result.log);
    const deps = failure.step && /install-(requirements|dependencies)/.test(failure.step) ? explainDependencyFailure(result.log) : null;
    if (deps) {
      const file = deps.tool === 'pip' ? 'requirements.txt' : 'package.json';
      throw new AppError('build_failed', `Could not install the packages in ${file}: ${deps.message}`, {
        hint: deps.noIndex
          ? `This platform has no package index configured, so ${file} cannot list packages yet; ask your instructor.`
          : deps.noMatchingVersion && deps.packageName
            ? `The workshop's package index has "${deps.packageName}", but no version in the range ${file} asks for: widen the range (e.g. "*"), or ask your instructor to add that version.`
            : deps.packageName
            ? `"${deps.packageName}" is not in the workshop's package index: check its spelling in ${file}, or ask your instructor to add it.`
            : `Check ${file}; the build output above shows ${deps.tool}'s full report.`,
        detail: { ...failure, file, package: deps.packageName },
      });
    }
    throw new AppError('build_failed', failure.message, { hint: 'Read the build output above; the previous version keeps serving.', detail: failure });
  }
  return { image };
}

