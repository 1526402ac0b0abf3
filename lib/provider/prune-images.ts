import type Docker from 'dockerode';
import { LABEL, ownedFilter } from '../docker/labels';
import { isConflict, orNull } from '../docker/not-found';
import { log } from '../log';
import type { Owner } from './deployment';
import { imagesToPrune, removalSteps, type PruneFacts, type PruneReason, type SandboxImage } from './prune-plan';

/**
 * Remove the sandbox's function images nobody needs any more (see prune-plan.ts for which),
 * never by force; an image the engine refuses to remove (in use) is kept for a later prune.
 * Returns the images the sandbox still holds.
 */
export async function pruneFunctionImages(engine: Docker, owner: Owner, why: PruneReason): Promise<SandboxImage[]> {
  const facts = await pruneFacts(engine, owner);
  const removed = new Set<string>();
  for (const img of imagesToPrune(facts, why)) {
    const steps = removalSteps(img, owner.instance, owner.sandboxId);
    if (steps && (await removeUnlessInUse(engine, steps))) removed.add(img.id);
  }
  if (removed.size > 0) log.debug({ sandbox: owner.sandboxId, why, removed: removed.size }, 'pruned function images');
  return facts.images.filter((i) => !removed.has(i.id));
}

/**
 * After a deploy that worked: a failed clean-up must not turn it into an error for the
 * participant (their new version runs); the next prune tries again.
 */
export async function pruneAfterDeploy(engine: Docker, owner: Owner, fn: string): Promise<void> {
  try {
    await pruneFunctionImages(engine, owner, { deployed: fn });
  } catch (err) {
    log.warn({ err, sandbox: owner.sandboxId, fn }, 'pruning old function images failed');
  }
}

async function pruneFacts(engine: Docker, owner: Owner): Promise<PruneFacts> {
  const sandbox = { [LABEL.sandbox]: owner.sandboxId };
  const [images, services, containers] = await Promise.all([
    engine.listImages({ filters: ownedFilter(owner.instance, { ...sandbox, [LABEL.component]: 'function-image' }) }),
    engine.listServices({ filters: ownedFilter(owner.instance, { ...sandbox, [LABEL.component]: 'function' }) }),
    engine.listContainers({ all: true }),
  ]);
  return {
    instance: owner.instance,
    sandboxId: owner.sandboxId,
    images: images.map((i) => ({
      id: i.Id,
      fn: i.Labels?.[LABEL.fn] ?? '',
      created: i.Created,
      tags: (i.RepoTags ?? []).filter((t) => t !== '<none>:<none>'),
      labels: i.Labels ?? {},
    })),
    services: new Map(services.map((s) => [s.Spec?.Labels?.[LABEL.fn] ?? '', (s.Spec?.TaskTemplate as { ContainerSpec?: { Image?: string } } | undefined)?.ContainerSpec?.Image ?? ''])),
    inUse: new Set(containers.map((c) => c.ImageID)),
  };
}

/** True if removed (or already gone); false if the engine refused because something uses it. */
async function removeUnlessInUse(engine: Docker, steps: { untag: string[]; id: string }): Promise<boolean> {
  try {
    for (const tag of steps.untag) await orNull(engine.getImage(tag).remove());
    await orNull(engine.getImage(steps.id).remove());
    return true;
  } catch (err) {
    if (isConflict(err)) return false;
    throw err;
  }
}
