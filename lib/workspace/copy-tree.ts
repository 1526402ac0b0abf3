import fs from 'node:fs';

/** Modification times compared to the millisecond: copies keep their original's, rounded. */
const mtime = (st: fs.Stats) => Math.trunc(st.mtimeMs);
/** Paths as bytes: a name made in the shell need not be valid UTF-8, and must not be lost for it. */
export const joinBytes = (dir: Buffer, name: Buffer) => Buffer.concat([dir, Buffer.from('/'), name]);

/**
 * Copy into `dst` whatever of `src` it lacks or has an older version of, so the same call
 * makes a first copy and, later, catches up with what changed since. Never follows a symbolic
 * link (a link is copied as a link, even one pointing out of the folder); skips what holds no
 * data (FIFOs, sockets, devices); drops set-id bits (the copy may leave a nosuid mount). Each
 * file appears whole (written aside, then renamed), with its original's times.
 */
export function copyNewer(src: string | Buffer, dst: string | Buffer): void {
  const [from, to] = [Buffer.from(src), Buffer.from(dst)];
  if (!fs.lstatSync(from, { throwIfNoEntry: false })?.isDirectory()) return;
  const d = fs.lstatSync(to, { throwIfNoEntry: false });
  if (!d) fs.mkdirSync(to, { recursive: true });
  else if (!d.isDirectory()) return; // the destination's own file where `src` has a folder: it stays
  for (const name of fs.readdirSync(from, { encoding: 'buffer' })) copyEntry(joinBytes(from, name), joinBytes(to, name));
}

/** One entry (file, link or folder with what is in it), by the same rules. */
export function copyEntry(from: Buffer, to: Buffer): void {
  const s = fs.lstatSync(from);
  if (s.isDirectory()) {
    if (!fs.lstatSync(to, { throwIfNoEntry: false })) fs.mkdirSync(to, { mode: s.mode & 0o777 });
    copyNewer(from, to);
    return;
  }
  if (!s.isFile() && !s.isSymbolicLink()) return;
  const d = fs.lstatSync(to, { throwIfNoEntry: false });
  if (d && (d.isDirectory() || mtime(d) >= mtime(s))) return;
  const tmp = Buffer.concat([to, Buffer.from(`.${process.pid}.copy`)]);
  fs.rmSync(tmp, { force: true });
  if (s.isSymbolicLink()) {
    fs.symlinkSync(fs.readlinkSync(from, { encoding: 'buffer' }), tmp);
  } else {
    fs.copyFileSync(from, tmp);
    fs.chmodSync(tmp, s.mode & 0o777);
  }
  fs.lutimesSync(tmp, s.atimeMs / 1000, s.mtimeMs / 1000);
  fs.renameSync(tmp, to);
}
