import fs from 'node:fs';
import path from 'node:path';

/**
 * Processes (and threads) of one build at a time: ample for pip, npm and compilers, far below
 * what would exhaust the host's pid space (a fork bomb in a RUN line stops here).
 */
export const BUILD_PIDS_MAX = 256;

export const CGROUP_ROOT = '/sys/fs/cgroup';

/**
 * The classic builder has no pids limit option, but it runs each step's container under the
 * `cgroupparent` it is given; with cgroup v1 and the cgroupfs driver, a parent with `pids.max`
 * caps everything below it. Each running build gets a parent of its own — `/<instance>-builds/<n>`
 * in the pids hierarchy — leased from a pool that grows to the number of builds that ran at
 * once and is reused after (a parent per build would leave a directory in every hierarchy, as
 * runc creates the parent's path in each and removes only the container's own).
 */
export class BuildCgroups {
  private readonly free: number[] = [];
  private size = 0;

  constructor(readonly instance: string, private readonly root = CGROUP_ROOT, private readonly pidsMax = BUILD_PIDS_MAX) {}

  get parent(): string {
    return `${this.instance}-builds`;
  }

  /** A parent for one build: its cgroupparent path, and release() when the build is over. */
  lease(): { cgroupParent: string; release: () => void } {
    // A parent still holding processes (a step container of a stopped build not yet gone) is skipped.
    const i = this.free.findIndex((n) => this.pidsCurrent(n) === 0);
    const n = i >= 0 ? this.free.splice(i, 1)[0] : this.size++;
    const dir = path.join(this.root, 'pids', this.parent, String(n));
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'pids.max'), String(this.pidsMax));
    let released = false;
    return {
      cgroupParent: `/${this.parent}/${n}`,
      release: () => {
        if (!released) this.free.push(n);
        released = true;
      },
    };
  }

  private pidsCurrent(n: number): number {
    try {
      return Number(fs.readFileSync(path.join(this.root, 'pids', this.parent, String(n), 'pids.current'), 'utf8'));
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return 0;
      throw err;
    }
  }
}

/**
 * Remove an instance's build parents from every hierarchy (runc made the path in each). Missing
 * is fine; a parent that still holds a process is an error (a build is running).
 */
export function removeBuildCgroups(instance: string, root = CGROUP_ROOT): void {
  const parent = `${instance}-builds`;
  let hierarchies: string[];
  try {
    hierarchies = fs.readdirSync(root);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return;
    throw err;
  }
  for (const h of hierarchies) {
    const dir = path.join(root, h, parent);
    let children: fs.Dirent[];
    try {
      children = fs.readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      if (['ENOENT', 'ENOTDIR'].includes((err as NodeJS.ErrnoException).code ?? '')) continue;
      throw err;
    }
    for (const c of children) if (c.isDirectory()) rmdirIfThere(path.join(dir, c.name));
    rmdirIfThere(dir);
  }
}

function rmdirIfThere(dir: string): void {
  try {
    fs.rmdirSync(dir);
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
  }
}
