import YAML from 'yaml';

export type StackFunction = { stackFile: string; name: string; handlerDir: string };

const dirname = (p: string) => (p.includes('/') ? p.slice(0, p.lastIndexOf('/')) : '');
/** Join a stack file's folder and a handler path like ./hello or hello/ (no `..`: such a handler names no folder of the tree). */
function resolveHandler(stackDir: string, handler: string): string | null {
  const parts = [...(stackDir ? stackDir.split('/') : []), ...handler.split('/')].filter((p) => p && p !== '.');
  return parts.includes('..') || parts.length === 0 ? null : parts.join('/');
}

/** The functions a stack file names, with the folder each builds from; none when the text is not a stack file. */
export function functionsOfStack(stackFile: string, text: string): StackFunction[] {
  let doc: unknown;
  try { doc = YAML.parse(text); } catch { return []; }
  const fns = (doc as { functions?: unknown } | null)?.functions;
  if (!fns || typeof fns !== 'object') return [];
  return Object.entries(fns as Record<string, { handler?: unknown }>).flatMap(([name, f]) => {
    const handlerDir = typeof f?.handler === 'string' ? resolveHandler(dirname(stackFile), f.handler) : null;
    return handlerDir ? [{ stackFile, name, handlerDir }] : [];
  });
}

/** The function whose folder holds `path` (the deepest folder wins), if any. */
export function functionOfFile(path: string, fns: StackFunction[]): StackFunction | undefined {
  return fns.filter((f) => path === f.handlerDir || path.startsWith(`${f.handlerDir}/`)).sort((a, b) => b.handlerDir.length - a.handlerDir.length)[0];
}
