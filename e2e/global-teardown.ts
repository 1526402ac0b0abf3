import fs from 'node:fs';
import { docker } from '../lib/docker/client';
import { removeInstance } from '../lib/sandbox/remove';
import { removeAllHomes } from '../lib/workspace/home';

/** Remove everything the e2e run's platform instance created, and its data directory. */
export default async function globalTeardown() {
  const prefix = process.env.FAASLAB_E2E_PREFIX!;
  await removeInstance(docker(), prefix);
  removeAllHomes(process.env.FAASLAB_E2E_DATA!); // unmount the sandboxes' homes before deleting the folder
  fs.rmSync(process.env.FAASLAB_E2E_DATA!, { recursive: true, force: true });
}
