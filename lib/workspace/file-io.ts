import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import { AppError } from '../errors';
import { errno, inParent } from './beneath';

/**
 * Reading and writing one regular file of a workspace, through beneath.ts (never through a
 * link, whatever the shell does meanwhile). Never opens a FIFO, socket or device: opening a
 * FIFO would block the server, and a device node is not the participant's to read.
 */
const { O_RDONLY, O_WRONLY, O_CREAT, O_EXCL, O_NOFOLLOW, O_NONBLOCK, O_NOCTTY } = fs.constants;

/** What an entry is, in words, for "… is a device file; the editor only opens regular files". */
export function kindOf(st: fs.Stats): string {
  if (st.isDirectory()) return 'a folder';
  if (st.isSymbolicLink()) return 'a symbolic link';
  if (st.isFIFO()) return 'a named pipe (FIFO)';
  if (st.isSocket()) return 'a socket';
  if (st.isBlockDevice() || st.isCharacterDevice()) return 'a device file';
  return 'a file';
}

export const notRegular = (rel: string, st: fs.Stats, verb = 'opens') => new AppError('invalid', `${rel} is ${kindOf(st)}; the editor only ${verb} regular files.`, {
  hint: st.isDirectory() ? 'Pick a file inside it.' : 'Look at it in the terminal instead.',
});

export const notFound = (rel: string) => new AppError('not_found', `${rel} does not exist (any more).`, {
  hint: 'It may have been renamed or deleted in the terminal; the file list is up to date.',
});

export const tooLarge = (rel: string, size: number, limit: number) => new AppError('too_large', `${rel} is ${size} bytes, more than the editor handles (${limit}); open it in the terminal instead.`, {
  hint: `For example: less ${rel}`,
});

/** The bytes of a regular file, or null when there is none; refuses links, devices, FIFOs and files over `limit` bytes. */
export function readRegular(root: string, rel: string, limit: number, verb = 'opens'): Buffer | null {
  return inParent(root, rel, (dir, name) => {
    const p = `${dir}/${name}`;
    const st = fs.lstatSync(p, { throwIfNoEntry: false });
    if (!st) return null;
    if (!st.isFile()) throw notRegular(rel, st, verb);
    if (st.size > limit) throw tooLarge(rel, st.size, limit);
    let fd: number;
    try {
      fd = fs.openSync(p, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_NOCTTY);
    } catch (err) {
      if (errno(err) === 'ENOENT') return null;
      if (errno(err) === 'ELOOP') throw notRegular(rel, fs.lstatSync(p), verb);
      throw err;
    }
    try {
      const now = fs.fstatSync(fd);
      if (!now.isFile()) throw notRegular(rel, now, verb); // swapped since the lstat
      const buf = Buffer.alloc(Math.min(now.size, limit) + 1);
      let n = 0;
      for (let got; n < buf.length && (got = fs.readSync(fd, buf, n, buf.length - n, null)) > 0;) n += got;
      if (n > limit) throw tooLarge(rel, Math.max(n, now.size), limit); // it grew meanwhile
      return buf.subarray(0, n);
    } finally {
      fs.closeSync(fd);
    }
  });
}

/** The name of a save's temporary file (there for a moment, then renamed onto the file). */
export const isTempName = (name: string) => /^\.faaslab-[0-9a-f]{12}\.tmp$/.test(name);

/**
 * Replace (or make) a regular file atomically: the bytes go to a temporary file in the same
 * folder, then one rename, so a crash never leaves half a file and the shell never reads one.
 * Keeps an existing file's permissions (a script stays executable). Refuses to replace
 * anything that is not a regular file. Missing folders on the way are made.
 */
export function writeRegular(root: string, rel: string, bytes: Buffer): void {
  inParent(root, rel, (dir, name) => {
    const target = `${dir}/${name}`;
    const st = fs.lstatSync(target, { throwIfNoEntry: false });
    if (st && !st.isFile()) throw notRegular(rel, st, 'saves');
    const tmp = `${dir}/.faaslab-${randomBytes(6).toString('hex')}.tmp`;
    try {
      const fd = fs.openSync(tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0o666);
      try {
        if (st) fs.fchmodSync(fd, st.mode & 0o777);
        for (let off = 0; off < bytes.length;) off += fs.writeSync(fd, bytes, off);
      } finally {
        fs.closeSync(fd);
      }
      fs.renameSync(tmp, target);
    } catch (err) {
      fs.rmSync(tmp, { force: true });
      if (errno(err) === 'ENOSPC' || errno(err) === 'EDQUOT') {
        throw new AppError('quota', `${rel} was not saved: your workspace is full.`, { hint: 'Delete files you no longer need (in the terminal: du -sh * | sort -h), then save again. The version you had before is unchanged.' });
      }
      throw err;
    }
  }, { create: true });
}
