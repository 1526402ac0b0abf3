import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';

const aliasesSchema = z.object({ about: z.string(), aliases: z.record(z.string(), z.string()) }).strict();

export const aliasesFile = (root: string) => path.join(root, 'store/aliases.json');

/** store/aliases.json: workshop image name (a tag of * = any tag) → the catalog image it stands for. */
export function readAliases(root: string): Record<string, string> {
  return aliasesSchema.parse(JSON.parse(fs.readFileSync(aliasesFile(root), 'utf8'))).aliases;
}

/**
 * An image reference as Docker reads it, in the short form the catalog uses: Docker Hub's
 * registry name and library/ dropped, :latest added when there is no tag or digest
 * (docker.io/functions/alpine and functions/alpine are the same image).
 */
export function normalizeImage(image: string): string {
  let ref = image.trim().replace(/^(?:docker\.io|index\.docker\.io|registry-1\.docker\.io)\//, '');
  ref = ref.replace(/^library\//, '');
  const last = ref.split('/').pop() ?? ref;
  return /[:@]/.test(last) ? ref : `${ref}:latest`;
}

const repository = (ref: string) => ref.replace(/@.*$/, '').replace(/:[^:/]*$/, '');

/** The catalog image `image` stands for through the aliases, or null when none matches. */
export function aliasFor(image: string, aliases: Record<string, string>): string | null {
  const ref = normalizeImage(image);
  if (aliases[ref]) return aliases[ref];
  const any = aliases[`${repository(ref)}:*`];
  return any ?? null;
}
