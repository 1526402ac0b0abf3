import path from 'node:path';
import type Docker from 'dockerode';
import type { Progress } from '../platform/base-image';
import { readDirContext } from '../platform/context';
import { recipeHash } from '../platform/hash';
import { declaredArgs } from '../docker/build';
import { ensureHashedImage } from '../platform/hashed-image';
import { readCatalog } from './catalog';

/** The images a store Dockerfile may build on (the platform's own, never pulled). */
export type StoreBases = { base: string; node: string; python: string; watchdog: string };

/**
 * Build every store function's image (store/<name>/Dockerfile on the platform images) unless an
 * image with the same content hash exists. Returns catalog name → local tag.
 */
export async function ensureStoreImages(engine: Docker, root: string, bases: StoreBases, baseId: string, progress: Progress): Promise<Record<string, string>> {
  const built: Record<string, string> = {};
  const args = { BASE_IMAGE: bases.base, NODE_IMAGE: bases.node, PYTHON_IMAGE: bases.python, WATCHDOG_IMAGE: bases.watchdog };
  for (const entry of readCatalog(root)) {
    const files = await readDirContext(path.join(root, 'store', entry.name));
    const dockerfile = files.get('Dockerfile')?.content.toString() ?? '';
    const hash = recipeHash({ dockerfile, files, args: { ...args, BASE_ID: baseId } });
    const tag = `faaslab-store-${entry.name}:${hash}`;
    await ensureHashedImage(engine, `store ${entry.name}`, { tag, hash, files, buildargs: declaredArgs(dockerfile, args) }, progress);
    built[entry.name] = tag;
  }
  return built;
}
