import type Docker from 'dockerode';
import { isOwned, LABEL } from '../docker/labels';
import { orNull } from '../docker/not-found';
import { AppError } from '../errors';

/**
 * The sandbox's own images that a Dockerfile builds from must exist on the engine and carry
 * this sandbox's labels (a name in the sandbox's namespace is not proof: a missing one would
 * send the engine to pull it from a registry). Images with ONBUILD triggers are refused: those
 * instructions would run in this build without having been checked.
 */
export async function verifyOwnImages(engine: Docker, instance: string, sandboxId: string, refs: string[]): Promise<void> {
  for (const ref of refs) {
    const info = (await orNull(engine.getImage(ref).inspect())) as { Config?: { Labels?: Record<string, string> | null; OnBuild?: string[] | null } } | null;
    const labels = info?.Config?.Labels;
    if (!info || !isOwned(labels, instance) || labels?.[LABEL.sandbox] !== sandboxId) {
      throw new AppError('build_failed', `The Dockerfile builds from ${ref}, which is not an image of your sandbox.`, {
        hint: 'Build that image first (faas-cli build), or start from the platform\'s images: ${BASE_IMAGE}, ${PYTHON_IMAGE}, ${NODE_IMAGE} or ${WATCHDOG_IMAGE}.',
        detail: { file: 'Dockerfile', image: ref },
      });
    }
    if ((info.Config?.OnBuild ?? []).length > 0) {
      throw new AppError('build_failed', `The Dockerfile builds from ${ref}, which has ONBUILD instructions.`, {
        hint: 'Images with ONBUILD instructions cannot be built from here; build from the image that one started from.',
        detail: { file: 'Dockerfile', image: ref },
      });
    }
  }
}
