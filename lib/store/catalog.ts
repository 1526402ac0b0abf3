import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** The platform this machine's functions run on: the key of a store entry's `images`. */
export const STORE_PLATFORM = 'x86_64';

const nameSchema = z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
const map = z.record(z.string(), z.string()).default({});

/**
 * One function in store/catalog.json, in OpenFaaS's store format (functions.json, version
 * 0.2.0: an image per platform). Strict, so a typo in our own catalog fails set-up at once.
 */
const fileEntrySchema = z.object({
  title: z.string(),
  name: nameSchema,
  description: z.string(),
  images: z.object({ [STORE_PLATFORM]: z.string() }).catchall(z.string()),
  fprocess: z.string().optional(),
  labels: map,
  annotations: map,
  environment: map,
}).strict();

const catalogSchema = z.object({ version: z.literal('0.2.0'), functions: z.array(fileEntrySchema) }).strict();

/** One store entry as the platform uses it: the image for this machine's platform. */
export type StoreEntry = {
  name: string; title: string; description: string; image: string; fprocess?: string;
  labels: Record<string, string>; annotations: Record<string, string>; environment: Record<string, string>;
};

export const catalogFile = (root: string) => path.join(root, 'store/catalog.json');

/**
 * The folder a store image is built from: store/<the image's last path segment, untagged>, so
 * ghcr.io/openfaas/alpine:latest is built from store/alpine/ and every entry naming that image
 * (env, echoit, wordcount, base64, shasum) shares the one build.
 */
export function storeImageDir(image: string): string {
  const last = image.split('/').pop() ?? image;
  return last.replace(/[:@].*$/, '');
}

/**
 * The offline function store: store/catalog.json lists the functions; store/<image>/ holds the
 * Dockerfile the platform builds each image from (set-up builds them; nothing is pulled).
 */
export function readCatalog(root: string): StoreEntry[] {
  const parsed = catalogSchema.parse(JSON.parse(fs.readFileSync(catalogFile(root), 'utf8')));
  return parsed.functions.map(({ images, ...e }) => ({ ...e, image: images[STORE_PLATFORM] }));
}
