/**
 * A whole-string glob: `*` is any run of characters (including none and `/`), `?` is one
 * character, everything else is literal. This is what `faas-cli --filter` (ryanuber/go-glob,
 * `*` only) and drone/envsubst's `${var#pattern}` need; character classes are not supported.
 */
export function globToRegExp(glob: string): RegExp {
  const body = Array.from(glob, (ch) => {
    if (ch === '*') return '.*';
    if (ch === '?') return '.';
    return ch.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
  }).join('');
  return new RegExp(`^${body}$`, 'su');
}
