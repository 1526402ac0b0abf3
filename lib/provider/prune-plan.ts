import { LABEL, isOwned, type Labels } from '../docker/labels';
import { names } from '../docker/names';

/** One of a sandbox's function images, as pruning and the image quota see it. */
export type SandboxImage = { id: string; fn: string; created: number; tags: string[]; labels: Labels };

/** What the engine says about one sandbox: its images, what its services run, what containers use. */
export type PruneFacts = {
  instance: string;
  sandboxId: string;
  images: SandboxImage[];
  /** Function name → the image reference its service runs (ContainerSpec.Image). */
  services: Map<string, string>;
  /** Ids of images some container on the engine (running or stopped) was created from. */
  inUse: Set<string>;
};

/**
 * Why images are pruned: a function's new version was deployed (its older images may go), a
 * function was removed (all of its images may go), or a build of a function is about to start
 * with its lock held (every function's older images, and that function's leftovers from builds
 * that were never deployed, may go).
 */
export type PruneReason = { deployed: string } | { removed: string } | { building: string };

/** Only this instance's function images of this sandbox, named only inside its namespace. */
export function isSandboxImage(img: SandboxImage, instance: string, sandboxId: string): boolean {
  const l = img.labels;
  const prefixes = names.sandboxImagePrefixes(instance, sandboxId);
  return isOwned(l, instance) && l[LABEL.sandbox] === sandboxId && l[LABEL.component] === 'function-image' && Boolean(l[LABEL.fn]) &&
    img.tags.every((t) => prefixes.some((p) => t.startsWith(p)));
}

/** A name the participant gave (faas-cli build's image, `<prefix>-<sandbox>/<image>`), not a per-build tag. */
export function isNamedTag(tag: string, instance: string, sandboxId: string): boolean {
  return tag.startsWith(names.sandboxImagePrefixes(instance, sandboxId)[1]);
}

/**
 * The images that may go now. Kept: what any function's service runs (by its reference now:
 * a name faas-cli build just moved counts as the new version), images newer than the version
 * deployed (built, waiting for their deploy), the images of a function with no service (a
 * `faas-cli build` waiting for `faas-cli deploy`) unless it is being removed or rebuilt, and
 * images a container uses — the engine refuses to remove those, and Swarm keeps the stopped
 * containers of a service's last few tasks (its task history), so an old version stays until a
 * later prune finds its containers gone.
 */
export function imagesToPrune(f: PruneFacts, why: PruneReason): SandboxImage[] {
  const ours = f.images.filter((i) => isSandboxImage(i, f.instance, f.sandboxId));
  const byRef = (ref: string) => ours.find((i) => i.tags.includes(normaliseRef(ref)));
  const current = new Map([...f.services].map(([fn, ref]) => [fn, byRef(ref)]));
  const inService = new Set([...current.values()].map((i) => i?.id));
  return ours.filter((img) => {
    if (inService.has(img.id) || f.inUse.has(img.id)) return false;
    if ('removed' in why) return img.fn === why.removed;
    if ('deployed' in why && img.fn !== why.deployed) return false;
    if (f.services.has(img.fn)) {
      const now = current.get(img.fn);
      return now !== undefined && img.created < now.created; // same second: kept, to be safe
    }
    return 'building' in why && img.fn === why.building && !img.tags.some((t) => isNamedTag(t, f.instance, f.sandboxId));
  });
}

/**
 * How to remove an image without force: the engine removes an image with several tags only
 * by force, so all tags but one are removed by name first (per-build tags, which never move),
 * then the image by id — which the engine refuses (409) while a container or a child image
 * uses it. A participant's names are never removed by name (faas-cli build may have moved one
 * to a new image meanwhile), so an image with two of them is left alone.
 */
export function removalSteps(img: SandboxImage, instance: string, sandboxId: string): { untag: string[]; id: string } | null {
  const named = img.tags.filter((t) => isNamedTag(t, instance, sandboxId));
  if (named.length > 1) return null;
  const perBuild = img.tags.filter((t) => !isNamedTag(t, instance, sandboxId));
  return { untag: named.length === 1 ? perBuild : perBuild.slice(1), id: img.id };
}

/** A service's image reference as the engine lists the tag: `name:latest` when untagged, no digest. */
export function normaliseRef(ref: string): string {
  const bare = ref.split('@')[0];
  return bare.lastIndexOf(':') > bare.lastIndexOf('/') ? bare : `${bare}:latest`;
}
