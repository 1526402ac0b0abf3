import type { ImageManifest } from '../platform/manifest';
import { aliasFor, normalizeImage, readAliases } from './aliases';
import { readCatalog } from './catalog';

/** A store image name → the platform's local build of it, or undefined when it is not one. */
export type StoreImageLookup = (image: string) => string | undefined;

/**
 * Store image names → the platform's local build of that image. `built` is keyed by the
 * catalog's names (e.g. ghcr.io/openfaas/figlet:latest); the lookup also answers for the same
 * names as Docker would read them (docker.io/…, no tag) and for store/aliases.json's workshop
 * names (functions/alpine:latest, functions/figlet:0.13.0, …). Deploying any of these deploys
 * the local image; the deployment's own fprocess still wins over the image's.
 */
export function storeImageLookup(built: Iterable<[string, string]>, aliases: Record<string, string>): StoreImageLookup {
  const byName = new Map(built);
  return (image) => {
    const direct = byName.get(image) ?? byName.get(normalizeImage(image));
    if (direct) return direct;
    const target = aliasFor(image, aliases);
    return target ? byName.get(target) : undefined;
  };
}

let cached: { images: ImageManifest; lookup: StoreImageLookup } | null = null;

/** The lookup for this platform build's store images (read once per manifest). */
export function storeImages(root: string, images: ImageManifest): StoreImageLookup {
  if (cached?.images === images) return cached.lookup;
  const entries: [string, string][] = [];
  for (const entry of readCatalog(root)) {
    const local = images.store[entry.name];
    if (local) entries.push([entry.image, local]);
  }
  const lookup = storeImageLookup(entries, readAliases(root));
  cached = { images, lookup };
  return lookup;
}
