import type Docker from 'dockerode';
import { buildFromFiles } from '../docker/build';
import { platformImageLabels } from '../docker/labels';
import { orNull } from '../docker/not-found';
import { ensureBaseImage, type Progress } from './base-image';
import { recipeHash } from './hash';
import { type ImageManifest, writeImageManifest } from './manifest';
import { readDockerfile, recipes } from './recipes';
import { removeStalePlatformImages } from './stale-images';

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
    if (await orNull(engine.getImage(tag).inspect())) {
      progress(`${recipe.key} image: ${tag} up to date`);
    } else {
      const started = Date.now();
      progress(`${recipe.key} image: building ${recipe.title}…`);
      files.set('Dockerfile', { content: dockerfile });
      const result = await buildFromFiles(engine, files, { tag, buildargs: args, labels: platformImageLabels('platform-image', hash) }, (line) => {
        if (/^Step \d+\/\d+ :/.test(line)) progress(`${recipe.key} image: ${line}`);
      });
      if (!result.ok) throw new Error(`Building the ${recipe.key} image failed: ${result.error}\n${result.log.split('\n').slice(-30).join('\n')}`);
      progress(`${recipe.key} image: ${tag} built (${((Date.now() - started) / 1000).toFixed(1)} s)`);
    }
    built[recipe.key] = tag;
  }
  const manifest = built as ImageManifest;
  writeImageManifest(dataDir, manifest);
  const removed = await removeStalePlatformImages(engine, manifest);
  if (removed.length) progress(`removed ${removed.length} outdated platform image(s)`);
  return manifest;
}
