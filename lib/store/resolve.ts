import type { ImageManifest } from '../platform/manifest';
import { aliasFor, normalizeImage, readAliases } from './aliases';
import { readCatalog } from './catalog';

/**
 * Store image names → the platform's local build of that image. Keys are the catalog's names
 * (e.g. ghcr.io/openfaas/figlet:latest); get() also answers for the same names as Docker would
 * read them (docker.io/…, no tag) and for store/aliases.json's workshop names
 * (functions/alpine:latest, functions/figlet:0.13.0, …). Deploying any of these deploys the
 * local image; the deployment's own fprocess still wins over the image's.
 */
export class StoreImages extends Map<string, string> {
  constructor(entries: Iterable<[string, string]>, private readonly aliases: Record<string, string>) {
    super(entries);
  }

  override get(image: string): string | undefined {
    const direct = super.get(image) ?? super.get(normalizeImage(image));
    if (direct) return direct;
    const target = aliasFor(image, this.aliases);
    return target ? super.get(target) : undefined;
  }

  override has(image: string): boolean {
    return this.get(image) !== undefined;
  }
}

let cached: { images: ImageManifest; map: StoreImages } | null = null;

export function storeImages(root: string, images: ImageManifest): StoreImages {
  if (cached?.images === images) return cached.map;
  const entries: [string, string][] = [];
  for (const entry of readCatalog(root)) {
    const local = images.store[entry.name];
    if (local) entries.push([entry.image, local]);
  }
  const map = new StoreImages(entries, readAliases(root));
  cached = { images, map };
  return map;
}
