import fs from 'node:fs';
import { fdPath, openDir } from './beneath';
import { joinBytes } from './copy-tree';
import type { Workspace } from './files';
import { MAX_PATH, isAllowedName } from './safe-path';

/**
 * The workspace as a flat list for the editor's file tree. Breadth first, so that when the
 * list is cut (MAX_ENTRIES, or folders deeper than MAX_DEPTH) what is near the top is all
 * there. Links are listed as links and never followed. A name the file API would refuse (not
 * UTF-8, or characters outside pathParts' set; made in the shell) is listed with unsafe: true,
 * so the tree agrees with `ls`, but is not looked into: nothing in it could be opened anyway.
 */
export type EntryType = 'file' | 'dir' | 'symlink' | 'other';
export type TreeEntry = { path: string; type: EntryType; size: number; unsafe?: true };
export type Tree = { root: '~'; entries: TreeEntry[]; truncated: boolean };

export const MAX_ENTRIES = 3000;
export const MAX_DEPTH = 12;

const typeOf = (st: fs.Stats): EntryType => (st.isSymbolicLink() ? 'symlink' : st.isDirectory() ? 'dir' : st.isFile() ? 'file' : 'other');
const utf8 = new TextDecoder('utf-8', { fatal: true });
const nameOf = (raw: Buffer): string | null => { try { return utf8.decode(raw); } catch { return null; } };

export function listTree(ws: Workspace, limits = { entries: MAX_ENTRIES, depth: MAX_DEPTH }): Tree {
  const realRoot = fs.realpathSync(ws.root);
  const entries: TreeEntry[] = [];
  let truncated = false;
  const queue: string[][] = [[]]; // folders to list, as their names from the root
  for (let i = 0; i < queue.length && !truncated; i++) {
    const parts = queue[i];
    let fd: number | null = null;
    try { fd = openDir(realRoot, parts); } catch { /* became a link or a file since it was listed */ }
    if (fd === null) continue;
    try {
      const dir = Buffer.from(fdPath(fd));
      for (const raw of fs.readdirSync(dir, { encoding: 'buffer' }).sort(Buffer.compare)) {
        if (entries.length >= limits.entries) { truncated = true; break; }
        const st = fs.lstatSync(joinBytes(dir, raw), { throwIfNoEntry: false });
        if (!st) continue;
        const name = nameOf(raw);
        const rel = [...parts, name ?? raw.toString('utf8')].join('/');
        const entry: TreeEntry = { path: rel, type: typeOf(st), size: st.isFile() ? st.size : 0 };
        const safe = name !== null && isAllowedName(name) && rel.length <= MAX_PATH;
        if (!safe) entry.unsafe = true;
        entries.push(entry);
        if (entry.type !== 'dir' || !safe) continue;
        if (parts.length + 1 < limits.depth) queue.push([...parts, name]);
        else truncated = true;
      }
    } finally {
      fs.closeSync(fd);
    }
  }
  entries.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  return { root: '~', entries, truncated };
}
