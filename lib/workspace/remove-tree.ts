import fs from 'node:fs/promises';
import { constants } from 'node:fs';
import { errno } from './beneath';
import { joinBytes } from './copy-tree';

/**
 * Remove `name` from the open folder `dir` (a /proc/self/fd path, see beneath.ts): a file or a
 * link is unlinked (a link's target is never touched); a folder is opened with O_NOFOLLOW and
 * emptied through its own descriptor, so no folder swapped for a link meanwhile (the shell
 * runs at the same time) leads the server, as root, out of the workspace. fs.rm walks by path
 * name and cannot promise that. Asynchronous: a big folder (node_modules) does not hold up
 * the server. Names are bytes (one made in the shell need not be UTF-8). False: nothing there.
 */
export async function removeTree(dir: string | Buffer, name: string | Buffer): Promise<boolean> {
  const p = joinBytes(Buffer.from(dir), Buffer.from(name));
  const st = await fs.lstat(p).catch((err) => { if (err.code === 'ENOENT') return null; throw err; });
  if (!st) return false;
  if (!st.isDirectory()) { await unlinkIfThere(p); return true; }
  let handle: fs.FileHandle;
  try {
    handle = await fs.open(p, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (err) {
    const code = errno(err);
    if (code === 'ENOENT') return true;
    if (code !== 'ENOTDIR' && code !== 'ELOOP') throw err;
    await unlinkIfThere(p); // swapped for a link or a file since the lstat: remove that instead
    return true;
  }
  try {
    const self = Buffer.from(`/proc/self/fd/${handle.fd}`);
    for (let round = 0; ; round++) {
      for (const child of await fs.readdir(self, { encoding: 'buffer' })) await removeTree(self, child);
      try {
        await fs.rmdir(p);
        return true;
      } catch (err) {
        // ENOTEMPTY: the shell added something meanwhile; go round again, a few times at most
        if (errno(err) !== 'ENOTEMPTY' || round >= 3) throw err;
      }
    }
  } finally {
    await handle.close();
  }
}

async function unlinkIfThere(p: Buffer): Promise<void> {
  await fs.unlink(p).catch((err) => { if (err.code !== 'ENOENT') throw err; });
}
