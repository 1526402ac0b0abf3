import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors';

/**
 * A size-limited file system for one sandbox's home: a sparse ext4 image file mounted through
 * a loop device (about 40 ms to make). Writing past the size fails with ENOSPC in the shell
 * and in the editor alike, and the host's disk is safe. Needs root (mount); the platform
 * already needs it for the engine and the build firewall.
 */
const run = (cmd: string, args: string[]) => execFileSync(cmd, args, { stdio: ['ignore', 'ignore', 'pipe'] });

/** True when `dir` is the root of a mounted file system (its device differs from its parent's). */
export function isMountPoint(dir: string): boolean {
  const st = fs.statSync(dir, { throwIfNoEntry: false });
  const parent = fs.statSync(path.dirname(dir), { throwIfNoEntry: false });
  return Boolean(st && parent && st.dev !== parent.dev);
}

/** Make (first time) and mount the image at `mountPoint`; idempotent. */
export function mountQuotaFs(image: string, mountPoint: string, sizeMb: number): void {
  fs.mkdirSync(mountPoint, { recursive: true });
  if (isMountPoint(mountPoint)) return;
  try {
    if (!fs.existsSync(image)) {
      const tmp = `${image}.new`;
      fs.rmSync(tmp, { force: true });
      fs.closeSync(fs.openSync(tmp, 'w'));
      fs.truncateSync(tmp, sizeMb * 2 ** 20); // sparse: takes disk only as it fills
      run('mkfs.ext4', ['-q', '-F', '-m', '0', '-E', 'root_owner=0:0', tmp]);
      fs.renameSync(tmp, image);
    }
    run('mount', ['-o', 'loop,nosuid,nodev', image, mountPoint]);
    fs.rmSync(path.join(mountPoint, 'lost+found'), { recursive: true, force: true });
  } catch (err) {
    throw mountError(err, `The workspace of a sandbox could not be given its ${sizeMb} MB limit`);
  }
}

/** Mount an image that is there but not mounted (after a reboot), to get at its files; no image: nothing to do. */
export function remountQuotaFs(image: string, mountPoint: string): void {
  if (!fs.existsSync(image) || isMountPoint(mountPoint)) return;
  fs.mkdirSync(mountPoint, { recursive: true });
  try {
    run('mount', ['-o', 'loop,nosuid,nodev', image, mountPoint]);
  } catch (err) {
    throw mountError(err, `The files of an ended sandbox (${image}) could not be mounted to be kept`);
  }
}

function mountError(err: unknown, what: string): AppError {
  const detail = (err as { stderr?: Buffer }).stderr?.toString().trim() || (err as Error).message;
  return new AppError('unavailable', `${what}: ${detail}`, {
    hint: 'Run the platform as root on Linux (it mounts one small file system per sandbox), or set FAASLAB_WORKSPACE_MB=0 to run without workspace quotas on a single-user machine.',
  });
}

/** Unmount (lazily if a container still holds it) and delete the image. */
export function removeQuotaFs(image: string, mountPoint: string): void {
  if (isMountPoint(mountPoint)) {
    try {
      run('umount', [mountPoint]);
    } catch {
      run('umount', ['-l', mountPoint]);
    }
  }
  fs.rmSync(image, { force: true });
  fs.rmSync(`${image}.new`, { force: true }); // a crash while it was being made
}
