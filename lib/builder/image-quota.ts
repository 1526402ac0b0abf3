import { LABEL, type Labels } from '../docker/labels';
import { AppError } from '../errors';
import type { SandboxImage } from '../provider/prune-plan';

/** One image of the engine's full list (the classic builder's per-step images included). */
export type ImageNode = { id: string; parent: string; size: number; tags: string[]; labels: Labels };

/** FAASLAB_MAX_IMAGES and FAASLAB_IMAGE_DISK_MB; 0 = no limit. */
export type ImageLimits = { maxImages: number; diskMb: number };

export type FunctionImageUsage = { fn: string; images: number; bytes: number };
export type ImageUsage = { images: number; bytes: number; byFunction: FunctionImageUsage[] };

const MB = 2 ** 20;

/** A tagged platform image, shared by every sandbox: where a sandbox's own layers start. */
function isPlatformImage(n: ImageNode): boolean {
  const component = n.labels[LABEL.component];
  // Untagged images below a function image carry these labels too (inherited from its FROM).
  return n.tags.length > 0 && n.labels[LABEL.managed] === 'true' && !n.labels[LABEL.instance] && (component === 'base' || component === 'platform-image');
}

/**
 * Disk the given images add on top of the platform images they were built from. The classic
 * builder leaves one image per Dockerfile step, each the child (ParentId) of the one before and
 * sized with all its parents; a step adds its Size minus its parent's. Each image's chain is
 * walked down to the first platform image, and a step shared by several images (the cached
 * dependency layers of every version of a function) counts once. Measured so rather than with
 * /system/df: on API 1.41 df also sizes every container's writable layer and the engine runs one
 * at a time ("a disk usage operation is already running"), and its SharedSize counts a layer
 * two versions share as nobody's. An image built before a platform upgrade (its platform image
 * since untagged) is charged down to the next tagged one, at most once per upgrade.
 */
export function ownBytes(ids: Iterable<string>, nodes: Map<string, ImageNode>): number {
  const seen = new Set<string>();
  let bytes = 0;
  for (const id of ids) {
    for (let n = nodes.get(id); n && !seen.has(n.id) && !isPlatformImage(n); n = nodes.get(n.parent)) {
      seen.add(n.id);
      bytes += Math.max(0, n.size - (nodes.get(n.parent)?.size ?? 0));
    }
  }
  return bytes;
}

/** Images and disk of a sandbox, in all and by function; disk is 0 without `nodes`. */
export function imageUsage(held: SandboxImage[], nodes: Map<string, ImageNode> | null): ImageUsage {
  const byFn = new Map<string, Set<string>>();
  for (const img of held) byFn.set(img.fn, (byFn.get(img.fn) ?? new Set()).add(img.id));
  const bytes = (ids: Iterable<string>) => (nodes ? ownBytes(ids, nodes) : 0);
  return {
    images: new Set(held.map((i) => i.id)).size,
    bytes: bytes(held.map((i) => i.id)),
    byFunction: [...byFn].map(([fn, ids]) => ({ fn, images: ids.size, bytes: bytes(ids) })),
  };
}

const HINT = 'Remove functions you no longer need (faas-cli remove <name>: their images go with them), then build again. '
  + 'Older versions of a function go by themselves once Swarm has let go of them, a few deploys later.';

/** The refusal of a build of `fn` when the sandbox is at or over a limit; null when there is room. */
export function imageQuotaError(fn: string, u: ImageUsage, limits: ImageLimits): AppError | null {
  const detail = { images: u.images, maxImages: limits.maxImages, megabytes: Math.ceil(u.bytes / MB), diskMb: limits.diskMb };
  if (limits.maxImages > 0 && u.images >= limits.maxImages) {
    const list = [...u.byFunction].sort((a, b) => b.images - a.images || a.fn.localeCompare(b.fn)).map((f) => `${f.fn}: ${f.images}`).join(', ');
    return new AppError('quota', `"${fn}" was not built: this sandbox already holds ${u.images} function images (${list}), the most it may hold.`, { hint: HINT, detail });
  }
  if (limits.diskMb > 0 && u.bytes >= limits.diskMb * MB) {
    const list = [...u.byFunction].sort((a, b) => b.bytes - a.bytes || a.fn.localeCompare(b.fn)).map((f) => `${f.fn}: ${megabytes(f.bytes)}`).join(', ');
    return new AppError('quota', `"${fn}" was not built: this sandbox's function images already use ${megabytes(u.bytes)} of disk (${list}), the most they may use is ${limits.diskMb} MB.`, { hint: HINT, detail });
  }
  return null;
}

function megabytes(bytes: number): string {
  return bytes >= 10 * MB ? `${Math.round(bytes / MB)} MB` : `${(bytes / MB).toFixed(1)} MB`;
}
