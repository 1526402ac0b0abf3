import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

const MAX_PATH = 255;
const SEGMENT = /^[A-Za-z0-9_.][A-Za-z0-9_.\- ]*$/;

/**
 * Resolve a participant-supplied relative path inside `root`, refusing anything that could
 * land outside it: absolute paths, `..`, odd characters, and symlinks on the way (a symlink
 * made from the terminal must not let the file API write outside the workspace).
 */
export function resolveInside(root: string, rel: unknown): string {
  const bad = (why: string) => new AppError('invalid', `Path ${JSON.stringify(String(rel).slice(0, 100))} is not allowed: ${why}.`, {
    hint: 'Use a relative path inside your workspace, such as hello-openfaas/handler.py.',
  });
  if (typeof rel !== 'string' || rel.length === 0) throw bad('it is empty');
  if (rel.length > MAX_PATH) throw bad(`it is longer than ${MAX_PATH} characters`);
  if (path.isAbsolute(rel) || rel.startsWith('~')) throw bad('it is absolute');
  const parts = rel.split('/');
  for (const p of parts) {
    if (p === '..' || p === '.') throw bad("it contains '.' or '..'");
    if (!SEGMENT.test(p)) throw bad("use letters, digits, '_', '-', '.' and spaces only");
  }
  const realRoot = fs.realpathSync(root);
  const abs = path.join(realRoot, ...parts);
  // Walk the existing part of the path: no component may be a symlink.
  let cur = realRoot;
  for (const p of parts) {
    cur = path.join(cur, p);
    const st = fs.lstatSync(cur, { throwIfNoEntry: false });
    if (!st) break;
    if (st.isSymbolicLink()) throw bad('it goes through a symbolic link');
  }
  return abs;
}
