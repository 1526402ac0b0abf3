import { globToRegExp } from './glob';

/**
 * The bash string operators drone/envsubst implements, with its semantics (funcs.go), which
 * faas-cli applies to stack files: `${v:1:2}`, `${v^^}`, `${v/a/b}`, `${v#pattern}`, ….
 */

/** `${v:offset}` and `${v:offset:length}`; like bash, an offset that is not a number gives `v`. */
export function substring(value: string, offset: string, length?: string): string {
  if (!isInteger(offset)) return value;
  let pos = Number(offset);
  if (pos < 0) pos = Math.max(0, value.length + pos);
  if (length === undefined) return value.slice(pos);
  if (!isInteger(length)) return value;
  return value.slice(pos, pos + Math.max(0, Number(length)));
}

/** `${v^}`, `${v^^}`, `${v,}`, `${v,,}`; any other mix leaves the value as it is. */
export function changeCase(value: string, op: string): string {
  const first = Array.from(value)[0] ?? '';
  const rest = value.slice(first.length);
  switch (op) {
    case '^': return first.toUpperCase() + rest;
    case '^^': return value.toUpperCase();
    case ',': return first.toLowerCase() + rest;
    case ',,': return value.toLowerCase();
    default: return value;
  }
}

/**
 * `${v/old/new}` (first), `${v//old/new}` (all), `${v/#old/new}` (prefix), `${v/%old/new}`
 * (suffix). `old` is literal text, not a pattern. As in drone, prefix and suffix forms
 * without a replacement leave the value unchanged.
 */
export function replace(value: string, op: string, old: string, replacement?: string): string {
  const by = replacement ?? '';
  switch (op) {
    case '/': {
      const at = value.indexOf(old);
      return at < 0 ? value : value.slice(0, at) + by + value.slice(at + old.length);
    }
    case '//': return value.split(old).join(by);
    case '/#': return replacement !== undefined && value.startsWith(old) ? by + value.slice(old.length) : value;
    case '/%': return replacement !== undefined && value.endsWith(old) ? value.slice(0, value.length - old.length) + by : value;
    default: return value;
  }
}

/** `${v#glob}`, `${v##glob}` (shortest / longest prefix), `${v%glob}`, `${v%%glob}` (suffix). */
export function trim(value: string, op: string, glob: string): string {
  const re = globToRegExp(glob);
  const lengths = Array.from({ length: value.length }, (_, i) => i + 1);
  if (op.length === 2) lengths.reverse();
  const fromStart = op[0] === '#';
  for (const n of lengths) {
    const part = fromStart ? value.slice(0, n) : value.slice(value.length - n);
    if (re.test(part)) return fromStart ? value.slice(n) : value.slice(0, value.length - n);
  }
  return value;
}

function isInteger(text: string): boolean {
  return /^[+-]?\d+$/.test(text);
}
