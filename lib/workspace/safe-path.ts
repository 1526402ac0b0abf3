import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

export const MAX_PATH = 255;
const SEGMENT = /^[A-Za-z0-9_.][A-Za-z0-9_.\- ]*$/;

/** A name (one path segment) the file API accepts; others (made in the shell) are listed but not opened. */
export const isAllowedName = (name: string) => name !== '.' && name !== '..' && SEGMENT.test(name);

/** The error for a path the file API will not use, with what to write instead. */
export const pathNotAllowed = (rel: unknown, why: string) => new AppError('invalid', `Path ${JSON.stringify(String(rel).slice(0, 100))} is not allowed: ${why}.`, {
  hint: 'Use a relative path inside your workspace, such as hello-openfaas/handler.py.',
});

/** The segments of a participant-supplied relative path, refusing absolute paths, `..` and odd characters (nothing is looked up). */
export function pathParts(rel: unknown): string[] {
  if (typeof rel !== 'string' || rel.length === 0) throw pathNotAllowed(rel, 'it is empty');
  if (rel.length > MAX_PATH) throw pathNotAllowed(rel, `it is longer than ${MAX_PATH} characters`);
  if (path.isAbsolute(rel) || rel.startsWith('~')) throw pathNotAllowed(rel, 'it is absolute');
  const parts = rel.split('/');
  for (const p of parts) {
    if (p === '..' || p === '.') throw pathNotAllowed(rel, "it contains '.' or '..'");
    if (!SEGMENT.test(p)) throw pathNotAllowed(rel, "use letters, digits, '_', '-', '.' and spaces only");
  }
  return parts;
}

/**
 * Resolve a participant-supplied relative path inside `root`, refusing anything that could
 * land outside it: absolute paths, `..`, odd characters, and symlinks on the way (a symlink
 * made from the terminal must not let the file API write outside the workspace). This checks
 * once; beneath.ts opens folders so that a link swapped in after the check is refused too.
 */
export function resolveInside(root: string, rel: unknown): string {
  const parts = pathParts(rel);
  const realRoot = fs.realpathSync(root);
  const abs = path.join(realRoot, ...parts);
  // Walk the existing part of the path: no component may be a symlink.
  let cur = realRoot;
  for (const p of parts) {
    cur = path.join(cur, p);
    const st = fs.lstatSync(cur, { throwIfNoEntry: false });
    if (!st) break;
    if (st.isSymbolicLink()) throw pathNotAllowed(rel, 'it goes through a symbolic link');
  }
  return abs;
}
