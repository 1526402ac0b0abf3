import fs from 'node:fs';
import path from 'node:path';
import { docker } from '../lib/docker/client';
import { removeInstance } from '../lib/sandbox/remove';
import { removeAllHomes } from '../lib/workspace/home';

const alive = (pid: number) => { try { process.kill(pid, 0); return true; } catch { return false; } };

/**
 * Remove everything the e2e run's platform instance created, and its data directory. Playwright
 * stops the web server only after this runs, and a live server keeps making things (the warm pool
 * tops itself up): stop it first, the way an operator would (SIGTERM: it finishes what runs).
 */
export default async function globalTeardown() {
  const prefix = process.env.FAASLAB_E2E_PREFIX!;
  const dataDir = process.env.FAASLAB_E2E_DATA!;
  const pidFile = path.join(dataDir, 'server.pid');
  const pid = fs.existsSync(pidFile) ? Number(fs.readFileSync(pidFile, 'utf8')) : NaN;
  if (pid > 0 && alive(pid)) {
    process.kill(pid, 'SIGTERM');
    for (let i = 0; i < 150 && alive(pid); i++) await new Promise((r) => setTimeout(r, 500));
    if (alive(pid)) process.kill(pid, 'SIGKILL');
  }
  await removeInstance(docker(), prefix);
  removeAllHomes(dataDir); // unmount the sandboxes' homes before deleting the folder
  fs.rmSync(dataDir, { recursive: true, force: true });
}
