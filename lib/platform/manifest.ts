import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { AppError } from '../errors';

/** Which image tags this installation built; written by set-up, read by the web app. */
export const imageManifestSchema = z.object({
  base: z.string(),
  node: z.string(),
  python: z.string(),
  watchdog: z.string(),
  gateway: z.string(),
  prometheus: z.string(),
  nats: z.string(),
  shell: z.string(),
  /** Store function name → its locally built image. */
  store: z.record(z.string(), z.string()).default({}),
});
export type ImageManifest = z.infer<typeof imageManifestSchema>;

/** Every image tag the manifest names (platform images and store functions). */
export function manifestTags(m: ImageManifest): string[] {
  const { store, ...images } = m;
  return [...Object.values(images), ...Object.values(store)];
}

const file = (dataDir: string) => path.join(dataDir, 'images.json');

export function writeImageManifest(dataDir: string, manifest: ImageManifest): void {
  fs.mkdirSync(dataDir, { recursive: true });
  fs.writeFileSync(file(dataDir), `${JSON.stringify(manifest, null, 2)}\n`);
}

export function readImageManifest(dataDir: string): ImageManifest {
  let raw: string;
  try {
    raw = fs.readFileSync(file(dataDir), 'utf8');
  } catch {
    throw new AppError('unavailable', `The platform images have not been built (no ${file(dataDir)}).`, {
      hint: "Run 'npm start' (or 'npm run setup'), which builds them.",
    });
  }
  return imageManifestSchema.parse(JSON.parse(raw));
}
