import { createHash } from 'node:crypto';
import type { ContextFiles } from '../docker/build';

/** A short, stable hash of a build's inputs: same inputs, same tag, so nothing is rebuilt. */
export function recipeHash(parts: { dockerfile: string; files: ContextFiles; args: Record<string, string> }): string {
  const h = createHash('sha256');
  h.update(parts.dockerfile);
  for (const name of [...parts.files.keys()].sort()) {
    const f = parts.files.get(name)!;
    h.update(`\0${name}\0${f.mode ?? 0o644}\0`);
    h.update(f.content);
  }
  for (const k of Object.keys(parts.args).sort()) h.update(`\0${k}=${parts.args[k]}`);
  return h.digest('hex').slice(0, 12);
}
