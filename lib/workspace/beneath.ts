import fs from 'node:fs';
import { AppError } from '../errors';
import { pathNotAllowed, pathParts } from './safe-path';

/**
 * Folders of a workspace opened one name at a time from its real root, each refused if it is a
 * symbolic link (O_NOFOLLOW), then used through /proc/self/fd/<fd>: the kernel goes to the
 * folder that was opened, not to whatever its path names by then. The server runs as root
 * while the participant's shell writes the same folder, so a folder that resolveInside checked
 * could be swapped for a link to the host before it is used; this is openat(2) with O_NOFOLLOW
 * per component (Node has no openat). Linux only, like the rest of the platform.
 */
const { O_RDONLY, O_DIRECTORY, O_NOFOLLOW } = fs.constants;
const DIR_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW;

/** The path by which an open file descriptor's own folder is reached. */
export const fdPath = (fd: number) => `/proc/self/fd/${fd}`;

/** The errno code of a failed fs call ('ENOENT', 'ELOOP', …). */
export const errno = (err: unknown) => (err as NodeJS.ErrnoException).code;

/** Open the folder `name` inside the open folder `dir`; null when it does not exist and `create` is false. */
function openChild(dir: number, name: string, create: boolean, rel: string, sofar: string): number | null {
  const p = `${fdPath(dir)}/${name}`;
  for (let attempt = 0; ; attempt++) {
    try {
      return fs.openSync(p, DIR_FLAGS);
    } catch (err) {
      const code = errno(err);
      // O_DIRECTORY|O_NOFOLLOW on a link gives ENOTDIR (Linux) or ELOOP: look, for the message.
      const link = code === 'ELOOP' || (code === 'ENOTDIR' && fs.lstatSync(p, { throwIfNoEntry: false })?.isSymbolicLink());
      if (link) throw pathNotAllowed(rel, 'it goes through a symbolic link');
      if (code === 'ENOTDIR') throw new AppError('invalid', `${rel} cannot be used: ${sofar} is not a folder.`);
      if (code !== 'ENOENT') throw err;
      if (!create) return null;
      if (attempt > 2) throw err; // made and gone again, three times: someone is playing with it
    }
    try { fs.mkdirSync(p); } catch (err) { if (errno(err) !== 'EEXIST') throw err; }
  }
}

/**
 * The folder `parts` under `realRoot`, opened (close it with fs.closeSync), made with its
 * parents when `create`; null when it does not exist. `rel` names the path in messages.
 */
export function openDir(realRoot: string, parts: string[], { create = false, rel = parts.join('/') } = {}): number | null {
  let fd = fs.openSync(realRoot, O_RDONLY | O_DIRECTORY);
  try {
    for (let i = 0; i < parts.length; i++) {
      const next = openChild(fd, parts[i], create, rel, parts.slice(0, i + 1).join('/'));
      fs.closeSync(fd);
      fd = next ?? -1;
      if (next === null) return null;
    }
    const out = fd;
    fd = -1;
    return out;
  } finally {
    if (fd >= 0) fs.closeSync(fd);
  }
}

/** A participant's path split into its checked folder (open) and last name; `close` when done. */
export type Parent = { dir: string; name: string; close: () => void };

/**
 * Open the folder that holds `rel` (checked by pathParts), never through a link. The last name
 * itself is not looked at: the caller lstats `${dir}/${name}` and decides (a link there may be
 * renamed or deleted, never read or written through). Null when the folder does not exist.
 */
export function openParent(root: string, rel: string, { create = false } = {}): Parent | null {
  const parts = pathParts(rel);
  const name = parts.pop()!;
  const fd = openDir(fs.realpathSync(root), parts, { create, rel });
  if (fd === null) return null;
  return { dir: fdPath(fd), name, close: () => fs.closeSync(fd) };
}

/** Run `fn` in the folder holding `rel`; null (fn not called) when that folder does not exist. */
export function inParent<T>(root: string, rel: string, fn: (dir: string, name: string) => T, opts: { create?: boolean } = {}): T | null {
  const parent = openParent(root, rel, opts);
  if (!parent) return null;
  try {
    return fn(parent.dir, parent.name);
  } finally {
    parent.close();
  }
}
