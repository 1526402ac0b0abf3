import type Docker from 'dockerode';
import type { Owner } from '../provider/deployment';
import { pruneFunctionImages } from '../provider/prune-images';
import { imageQuotaError, imageUsage, type ImageLimits, type ImageNode } from './image-quota';

/**
 * Before a build of `fn` (with its lock held, before it waits for a builder): prune what the
 * sandbox no longer needs, then refuse the build with what is full and what to do if its images
 * are at a limit. Builds of the sandbox's other functions started at the same moment (faas-cli
 * build --parallel) each pass the check, so those may go past the limit; the next one is refused.
 */
export async function makeRoomForBuild(engine: Docker, owner: Owner, fn: string, limits: ImageLimits): Promise<void> {
  const held = await pruneFunctionImages(engine, owner, { building: fn });
  if (limits.maxImages === 0 && limits.diskMb === 0) return;
  const nodes = limits.diskMb > 0 ? await imageNodes(engine) : null;
  const refusal = imageQuotaError(fn, imageUsage(held, nodes), limits);
  if (refusal) throw refusal;
}

/** Every image on the engine, the classic builder's per-step ones included, with its parent and size (one call). */
async function imageNodes(engine: Docker): Promise<Map<string, ImageNode>> {
  const all = await engine.listImages({ all: true });
  return new Map(all.map((i) => [i.Id, {
    id: i.Id,
    parent: i.ParentId ?? '',
    size: i.Size,
    tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
    labels: i.Labels ?? {},
  }]));
}
