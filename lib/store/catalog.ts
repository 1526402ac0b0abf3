import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

/** One store entry, in the shape faas-cli's store reads (a subset of OpenFaaS's functions.json). */
export const storeEntrySchema = z.object({
  name: z.string().regex(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/),
  title: z.string(),
  description: z.string(),
  image: z.string(),
  fprocess: z.string().optional(),
  labels: z.record(z.string(), z.string()).default({}),
  annotations: z.record(z.string(), z.string()).default({}),
  environment: z.record(z.string(), z.string()).default({}),
}).strict();
export type StoreEntry = z.infer<typeof storeEntrySchema>;

export const catalogFile = (root: string) => path.join(root, 'store/catalog.json');

/**
 * The offline function store: store/catalog.json lists the functions; store/<name>/ holds the
 * Dockerfile the platform builds each one from (set-up builds them; nothing is pulled).
 */
export function readCatalog(root: string): StoreEntry[] {
  return z.array(storeEntrySchema).parse(JSON.parse(fs.readFileSync(catalogFile(root), 'utf8')));
}
