/**
 * Remove every Docker object of one platform instance (all sandboxes, functions, gateways,
 * networks and function images labelled io.faaslab.instance=<prefix>), and nothing else.
 *   npx tsx scripts/remove-instance.ts <prefix>
 */
import { docker } from '../lib/docker/client';
import { removeInstance } from '../lib/sandbox/remove';

const prefix = process.argv[2];
if (!prefix || !/^[a-z][a-z0-9]{1,15}$/.test(prefix)) {
  console.error('usage: npx tsx scripts/remove-instance.ts <prefix>   (the FAASLAB_PREFIX of the instance, e.g. faaslab)');
  process.exit(2);
}
removeInstance(docker(), prefix).then(
  () => console.log(`removed every object labelled io.faaslab.instance=${prefix}`),
  (err) => { console.error(`ERROR: ${err instanceof Error ? err.message : err}`); process.exit(1); },
);
