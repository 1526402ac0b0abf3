import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { catalogPath } from './store';

/**
 * The offline mirror of the few well-known URLs the workshop's faas-cli commands fetch
 * (store/mirror/index.json, shipped in the shell next to the store catalog). A URL listed
 * there is answered from its file; any other URL is fetched as usual, and outside the
 * sandbox that fails with the no-internet hint.
 */
const entrySchema = z.object({
  file: z.string(),
  what: z.string(),
  /** Functions of a mirrored stack that cannot run here, each with the reason printed. */
  skip: z.record(z.string(), z.string()).default({}),
}).strict();
const indexSchema = z.object({ about: z.string(), urls: z.record(z.string(), entrySchema) }).strict();
export type MirrorIndex = z.infer<typeof indexSchema>;
export type MirrorEntry = z.infer<typeof entrySchema> & { url: string };
export type Mirrored = MirrorEntry & { text: string };

export function mirrorDir(env: Record<string, string | undefined> = process.env): string {
  return path.join(path.dirname(catalogPath(env)), 'mirror');
}

/** A URL as the index keys it: the scheme and host lower-cased, no #fragment. */
export function mirrorKey(url: string): string {
  const u = url.trim().replace(/#.*$/, '');
  const m = /^(https?:\/\/[^/]+)(.*)$/i.exec(u);
  return m ? m[1].toLowerCase() + m[2] : u;
}

/** The index's entry for `url`, or null when it is not mirrored. */
export function mirrorEntry(index: MirrorIndex, url: string): MirrorEntry | null {
  const key = mirrorKey(url);
  const found = Object.entries(index.urls).find(([u]) => mirrorKey(u) === key);
  return found ? { url: found[0], ...found[1] } : null;
}

export function readMirrorIndex(dir = mirrorDir()): MirrorIndex | null {
  let text: string;
  try {
    text = fs.readFileSync(path.join(dir, 'index.json'), 'utf8');
  } catch {
    // No mirror in this shell (an older image): every URL is simply fetched.
    return null;
  }
  return indexSchema.parse(JSON.parse(text));
}

/** The mirrored copy of `url`, or null when the URL is not mirrored. */
export function readMirrored(url: string, dir = mirrorDir()): Mirrored | null {
  const index = readMirrorIndex(dir);
  const entry = index && mirrorEntry(index, url);
  if (!entry) return null;
  return { ...entry, text: fs.readFileSync(path.resolve(dir, entry.file), 'utf8') };
}

/** The one line saying where a mirrored file came from (the internet was not used). */
export const mirrorNote = (m: MirrorEntry) => `${m.url}: served from FaaS Lab's offline mirror (${m.what}); this sandbox has no internet.`;
