import fs from 'node:fs';
import { z } from 'zod';
import { CliError } from './errors';

/** The shell image's offline copy of the function store (no internet in the sandbox). */
export const DEFAULT_CATALOG = '/usr/share/faaslab/store/catalog.json';
/** faas-cli's store URL (--url's default), which this offline copy stands in for. */
export const DEFAULT_STORE_URL = 'https://raw.githubusercontent.com/openfaas/store/master/functions.json';

const map = z.record(z.string(), z.string()).nullish().transform((m) => m ?? {});
/** The platform this sandbox runs functions on: the key read from a store entry's `images`. */
export const STORE_PLATFORM = 'x86_64';
/** A store entry as faas-cli reads one (the store's functions.json, our subset; unknown keys ignored). */
const itemFields = {
  name: z.string(),
  title: z.string().default(''),
  description: z.string().default(''),
  fprocess: z.string().default(''),
  author: z.string().optional(),
  repo_url: z.string().optional(),
  labels: map,
  annotations: map,
  environment: map,
};
/** Store format 0.2.0 (today's functions.json): an image per platform. */
const v2Item = z.object({ ...itemFields, images: z.record(z.string(), z.string()) })
  .transform(({ images, ...i }) => ({ ...i, image: images[STORE_PLATFORM] ?? '' }))
  .refine((i) => i.image, { message: `a function has no image for ${STORE_PLATFORM}` });
/** The older store format: a plain list, one image each. */
const v1Item = z.object({ ...itemFields, image: z.string() });
const storeSchema = z.union([
  z.object({ version: z.string(), functions: z.array(v2Item) }).transform((s) => s.functions),
  z.array(v1Item),
]);
export type StoreItem = z.infer<typeof v1Item>;

export function catalogPath(env: Record<string, string | undefined> = process.env): string {
  return env.FAASLAB_STORE_CATALOG || DEFAULT_CATALOG;
}

export function readCatalog(file = catalogPath()): StoreItem[] {
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    throw new CliError(`cannot read the function store at ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`, 'The store is an offline copy inside this shell; if it is missing, tell your instructor.');
  }
  return parseStore(text, file);
}

/** A store's JSON (format 0.2.0 or the older list) as its functions; `source` names it in errors. */
export function parseStore(text: string, source: string): StoreItem[] {
  const parsed = storeSchema.safeParse(safeJson(text));
  if (!parsed.success) {
    throw new CliError(`cannot parse the function store at ${source}: ${parsed.error.issues[0]?.message ?? 'not a list of functions'}`,
      'A store is JSON: {"version": "0.2.0", "functions": [{"name", "title", "images": {"x86_64": …}, …}]}, or an older plain list with "image".');
  }
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** faas-cli's storeFindFunction: by name or title; here also ignoring case ("Figlet" finds figlet). */
export function findStoreItem(items: StoreItem[], wanted: string): StoreItem {
  const item = items.find((i) => i.name === wanted || i.title === wanted)
    ?? items.find((i) => i.name.toLowerCase() === wanted.toLowerCase() || i.title.toLowerCase() === wanted.toLowerCase());
  if (!item) throw new CliError(`function '${wanted}' not found`, 'See the functions in the store with: faas-cli store list');
  return item;
}
