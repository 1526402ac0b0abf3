import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';
import { MAX_FILE_BYTES, type Workspace } from './files';
import { resolveInside } from './safe-path';

/**
 * What the browser's editor may do in a participant's workspace (app/api/workspace/*): list,
 * read, save with conflict detection, make folders, rename, delete. Every path goes through
 * resolveInside (no absolute paths, no `..`, no symbolic link on the way); only regular files
 * are read or written; text only, up to MAX_FILE_BYTES.
 */
export type Entry = { path: string; type: 'file' | 'dir' | 'symlink' | 'other'; size: number };
export type Opened = { path: string; content: string; version: string } | { path: string; binary: true; size: number; version: string };

const MAX_ENTRIES = 3000;
const MAX_DEPTH = 12;
export const versionOf = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex').slice(0, 16);

const kind = (st: fs.Stats): Entry['type'] => (st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other');
const notRegular = (rel: string, st: fs.Stats) => new AppError('invalid', `${rel} is ${st.isDirectory() ? 'a folder' : st.isSymbolicLink() ? 'a symbolic link' : 'a device, pipe or socket'}; the editor only opens regular files.`, { hint: 'Look at it in the terminal instead.' });
/** Text the editor can show: valid UTF-8 without NUL bytes. */
const isText = (b: Buffer) => !b.includes(0) && Buffer.from(b.toString('utf8'), 'utf8').equals(b);

/** Every entry of the workspace (links listed, never followed), capped; `truncated` says when capped. */
export function listTree(ws: Workspace): { entries: Entry[]; truncated: boolean } {
  const root = fs.realpathSync(ws.root);
  const entries: Entry[] = [];
  let truncated = false;
  const walk = (dir: string, rel: string, depth: number) => {
    let names: string[];
    try { names = fs.readdirSync(dir); } catch { return; }
    for (const name of names.sort()) {
      if (entries.length >= MAX_ENTRIES) { truncated = true; return; }
      const st = fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
      if (!st) continue;
      const p = rel ? `${rel}/${name}` : name;
      entries.push({ path: p, type: kind(st), size: st.isFile() ? st.size : 0 });
      if (st.isDirectory()) { if (depth < MAX_DEPTH) walk(path.join(dir, name), p, depth + 1); else truncated = true; }
    }
  };
  walk(root, '', 0);
  return { entries, truncated };
}

function regularFile(ws: Workspace, rel: string): { abs: string; st: fs.Stats } | null {
  const abs = resolveInside(ws.root, rel);
  const st = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (!st) return null;
  if (!st.isFile()) throw notRegular(rel, st);
  return { abs, st };
}

export function readForEditor(ws: Workspace, rel: string): Opened {
  const f = regularFile(ws, rel);
  if (!f) throw new AppError('not_found', `${rel} does not exist (any more).`, { hint: 'It may have been renamed or deleted in the terminal; the file list is up to date.' });
  if (f.st.size > MAX_FILE_BYTES) throw new AppError('invalid', `${rel} is ${f.st.size} bytes, more than the editor opens (${MAX_FILE_BYTES}); open it in the terminal instead.`, { detail: { tooLarge: true } });
  const bytes = fs.readFileSync(f.abs);
  return isText(bytes) ? { path: rel, content: bytes.toString('utf8'), version: versionOf(bytes) } : { path: rel, binary: true, size: bytes.length, version: versionOf(bytes) };
}

/**
 * Save text. `baseVersion` is the version the editor started from (null: the file must not
 * exist yet); when the file on disk is not that version nothing is written and the conflict
 * carries what is on disk, for the participant to choose. `force` overwrites regardless.
 */
export function saveFromEditor(ws: Workspace, rel: string, content: unknown, baseVersion: string | null, force = false): { version: string } {
  if (typeof content !== 'string') throw new AppError('invalid', 'The editor only saves text.');
  if (content.includes('\0')) throw new AppError('invalid', `${rel} was not saved: the text contains NUL bytes, which the editor cannot show.`, { hint: 'Make binary files in the terminal.' });
  const f = regularFile(ws, rel);
  const current = f ? fs.readFileSync(f.abs) : null;
  const currentVersion = current ? versionOf(current) : null;
  if (!force && currentVersion !== baseVersion) {
    const onDisk = current && isText(current) && current.length <= MAX_FILE_BYTES ? { content: current.toString('utf8'), version: currentVersion! } : null;
    throw new AppError('conflict', current ? `${rel} changed on disk since you opened it; nothing was saved.` : `${rel} was deleted on disk since you opened it; nothing was saved.`, {
      hint: 'Choose: reload it from disk, keep yours (overwrite), or compare the two.', detail: { current: onDisk },
    });
  }
  ws.write(rel, content);
  return { version: versionOf(Buffer.from(content, 'utf8')) };
}

export function makeFolder(ws: Workspace, rel: string): void {
  const abs = resolveInside(ws.root, rel);
  if (fs.existsSync(abs)) throw new AppError('conflict', `${rel} already exists.`);
  fs.mkdirSync(abs, { recursive: true });
}

export function renameEntry(ws: Workspace, from: string, to: string): void {
  const [a, b] = [resolveInside(ws.root, from), resolveInside(ws.root, to)];
  if (!fs.lstatSync(a, { throwIfNoEntry: false })) throw new AppError('not_found', `${from} does not exist (any more).`);
  if (fs.lstatSync(b, { throwIfNoEntry: false })) throw new AppError('conflict', `${to} already exists; choose another name.`);
  fs.mkdirSync(path.dirname(b), { recursive: true });
  fs.renameSync(a, b);
}

/** Delete a file, a link (only the link) or a folder with everything in it; never the workspace itself. */
export function deleteEntry(ws: Workspace, rel: string): void {
  // The entry itself may be a link (which resolveInside refuses anywhere on a path): check the
  // folder it is in, then remove the link alone.
  const cut = rel.lastIndexOf('/');
  const dir = cut < 0 ? fs.realpathSync(ws.root) : resolveInside(ws.root, rel.slice(0, cut));
  const name = rel.slice(cut + 1);
  const link = ['', '.', '..'].includes(name) ? undefined : fs.lstatSync(path.join(dir, name), { throwIfNoEntry: false });
  if (link?.isSymbolicLink()) { fs.unlinkSync(path.join(dir, name)); return; }
  const abs = resolveInside(ws.root, rel);
  const st = fs.lstatSync(abs, { throwIfNoEntry: false });
  if (!st) throw new AppError('not_found', `${rel} does not exist (any more).`);
  if (st.isDirectory()) fs.rmSync(abs, { recursive: true, force: true });
  else fs.unlinkSync(abs);
}
