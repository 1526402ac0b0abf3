/**
 * Engine-level set-up after `npm ci` and a running engine (scripts/ensure-docker.sh):
 * Swarm mode and the platform images. Idempotent; prints progress; exits non-zero with the
 * reason on failure.
 */
import { config } from '../lib/config';
import { docker } from '../lib/docker/client';
import { ensureSwarm } from '../lib/docker/swarm';
import { ensureWheelhouse } from '../lib/pkgindex/wheels';
import { ensurePlatformImages } from '../lib/platform/ensure-images';

const say = (line: string) => console.log(`[setup] ${line}`);

async function main() {
  const started = Date.now();
  const cfg = config();
  const engine = docker();
  const swarm = await ensureSwarm(engine);
  say(swarm === 'initialised' ? 'Swarm: initialised a single-node swarm' : 'Swarm: active');
  await ensurePlatformImages(engine, cfg.root, cfg.dataDir, say);
  const index = await ensureWheelhouse(cfg.dataDir, say);
  say(`package index: ${index.files.length} wheels (requests and its dependencies, from Debian's packages)`);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`[setup] ERROR: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
