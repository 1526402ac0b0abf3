import path from 'node:path';
import type Docker from 'dockerode';
import type { Progress } from '../platform/base-image';
import { readDirContext } from '../platform/context';
import { recipeHash } from '../platform/hash';
import { declaredArgs } from '../docker/build';
import { ensureHashedImage } from '../platform/hashed-image';
import { readCatalog, storeImageDir } from './catalog';

/** The images a store Dockerfile may build on (the platform's own, never pulled). */
export type StoreBases = { base: string; node: string; python: string; watchdog: string };

/**
 * Build every store image (store/<image>/Dockerfile on the platform images) unless an image with
 * the same content hash exists; entries naming the same image share one build. Returns catalog
 * name → local tag.
 */
export async function ensureStoreImages(engine: Docker, root: string, bases: StoreBases, baseId: string, progress: Progress): Promise<Record<string, string>> {
  const args = { BASE_IMAGE: bases.base, NODE_IMAGE: bases.node, PYTHON_IMAGE: bases.python, WATCHDOG_IMAGE: bases.watchdog };
  const tags = new Map<string, string>();
  const built: Record<string, string> = {};
  for (const entry of readCatalog(root)) {
    const dir = storeImageDir(entry.image);
    if (!tags.has(dir)) {
      const files = await readDirContext(path.join(root, 'store', dir));
      const dockerfile = files.get('Dockerfile')?.content.toString();
      if (!dockerfile) throw new Error(`store/catalog.json: ${entry.name}'s image ${entry.image} needs store/${dir}/Dockerfile, which does not exist.`);
      const hash = recipeHash({ dockerfile, files, args: { ...args, BASE_ID: baseId } });
      const tag = `faaslab-store-${dir}:${hash}`;
      await ensureHashedImage(engine, `store ${dir}`, { tag, hash, files, buildargs: declaredArgs(dockerfile, args) }, progress);
      tags.set(dir, tag);
    }
    built[entry.name] = tags.get(dir)!;
  }
  return built;
}
