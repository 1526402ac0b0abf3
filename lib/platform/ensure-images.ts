import type Docker from 'dockerode';
import { ensureBaseImage, type Progress } from './base-image';
import { recipeHash } from './hash';
import { ensureHashedImage } from './hashed-image';
import { type ImageManifest, writeImageManifest } from './manifest';
import { readDockerfile, recipes } from './recipes';
import { removeStalePlatformImages } from './stale-images';
import { ensureStoreImages } from '../store/images';

/**
 * Make sure every platform image exists, building only those whose inputs changed (tags are
 * content hashes), and record the tags for the web app. A second run builds nothing.
 */
export async function ensurePlatformImages(engine: Docker, root: string, dataDir: string, progress: Progress): Promise<ImageManifest> {
  const built: Partial<ImageManifest> = { base: await ensureBaseImage(engine, progress) };
  // The base keeps its tag when re-made (or replaced via FAASLAB_BASE_IMAGE): hash its id too.
  const baseId: string = (await engine.getImage(built.base!).inspect()).Id;
  for (const recipe of recipes) {
    const dockerfile = await readDockerfile(root, recipe);
    const files = await recipe.context(root);
    const args = recipe.args(built);
    const hash = recipeHash({ dockerfile, files, args: { ...args, BASE_ID: baseId } });
    const tag = `faaslab-${recipe.key}:${hash}`;
    files.set('Dockerfile', { content: dockerfile });
    await ensureHashedImage(engine, `${recipe.key} image`, { tag, hash, files, buildargs: args, title: recipe.title }, progress);
    built[recipe.key] = tag;
  }
  built.store = await ensureStoreImages(engine, root, built as ImageManifest, baseId, progress);
  const manifest = built as ImageManifest;
  writeImageManifest(dataDir, manifest);
  const removed = await removeStalePlatformImages(engine, manifest);
  if (removed.length) progress(`removed ${removed.length} outdated platform image(s)`);
  return manifest;
}
