import type Docker from 'dockerode';
import { buildFromFiles, declaredArgs } from '../docker/build';
import { LABEL, ownedLabels } from '../docker/labels';
import { names } from '../docker/names';
import { AppError } from '../errors';
import type { ImageManifest } from '../platform/manifest';
import { explainBuildFailure } from './build-errors';
import { buildContext } from './context';
import { explainDependencyFailure, packageDependencies } from './dependencies';
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
 */
export async function buildFunction(engine: Docker, req: FunctionBuildRequest, onLine: (line: string) => void): Promise<{ image: string }> {
  const files = buildContext(req.lang, templateDir(req.root, req.lang), req.handlerDir);
  if (req.lang.startsWith('python')) await checkPythonSyntax(req.handlerDir);
  const pkg = req.lang.startsWith('node') ? files.get('function/package.json') : undefined;
  if (pkg) packageDependencies(pkg.content.toString(), 'package.json');
  const image = `${names.functionImage(req.instance, req.sandboxId, req.fn)}:${Date.now().toString(36)}`;
  const labels = ownedLabels(req.instance, 'function-image', { [LABEL.sandbox]: req.sandboxId, [LABEL.fn]: req.fn });
  const result = await buildFromFiles(engine, files, {
    tag: image,
    labels,
    nocache: req.noCache,
    memoryBytes: BUILD_MEMORY_BYTES,
    buildargs: declaredArgs(files.get('Dockerfile')?.content.toString() ?? '', {
      ...req.buildArgs,
      BASE_IMAGE: req.images.base, PYTHON_IMAGE: req.images.python, WATCHDOG_IMAGE: req.images.watchdog, NODE_IMAGE: req.images.node,
      ...(req.packageIndex?.pip ? { PIP_INDEX_URL: req.packageIndex.pip } : {}),
      ...(req.packageIndex?.npm ? { NPM_REGISTRY: req.packageIndex.npm } : {}),
    }),
  }, onLine);
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

