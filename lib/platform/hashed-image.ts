import type Docker from 'dockerode';
import { buildFromFiles, type ContextFiles } from '../docker/build';
import { platformImageLabels } from '../docker/labels';
import { orNull } from '../docker/not-found';
import type { Progress } from './base-image';

/**
 * Build `tag` (a content-hash tag) from an in-memory context unless it exists, reporting each
 * Dockerfile step and the time taken under `what`. Throws with the log's tail on failure.
 */
export async function ensureHashedImage(engine: Docker, what: string, image: { tag: string; hash: string; files: ContextFiles; buildargs: Record<string, string>; title?: string }, progress: Progress): Promise<void> {
  if (await orNull(engine.getImage(image.tag).inspect())) return progress(`${what}: ${image.tag} up to date`);
  const started = Date.now();
  progress(`${what}: building${image.title ? ` ${image.title}` : ''}…`);
  const result = await buildFromFiles(engine, image.files, { tag: image.tag, buildargs: image.buildargs, labels: platformImageLabels('platform-image', image.hash) }, (line) => {
    if (/^Step \d+\/\d+ :/.test(line)) progress(`${what}: ${line}`);
  });
  if (!result.ok) throw new Error(`Building ${what} failed: ${result.error}\n${result.log.split('\n').slice(-30).join('\n')}`);
  progress(`${what}: ${image.tag} built (${((Date.now() - started) / 1000).toFixed(1)} s)`);
}
