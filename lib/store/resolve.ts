import type { ImageManifest } from '../platform/manifest';
import { readCatalog } from './catalog';

let cached: { images: ImageManifest; map: Map<string, string> } | null = null;

/**
 * Store image names as the catalog gives them (e.g. ghcr.io/openfaas/figlet:latest) → the
 * platform's local build of that function. Deploying one of these names deploys the local image.
 */
export function storeImages(root: string, images: ImageManifest): Map<string, string> {
  if (cached?.images === images) return cached.map;
  const map = new Map<string, string>();
  for (const entry of readCatalog(root)) {
    const local = images.store[entry.name];
    if (local) map.set(entry.image, local);
  }
  cached = { images, map };
  return map;
}
