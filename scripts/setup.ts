/**
 * Engine-level set-up after `npm ci` and a running engine (scripts/ensure-docker.sh):
 * Swarm mode, the platform images and the instance's shared services (NATS, Prometheus). Idempotent; prints progress; exits non-zero with the
 * reason on failure.
 */
import { config } from '../lib/config';
import { docker } from '../lib/docker/client';
import { ensureSwarm } from '../lib/docker/swarm';
import { ensureNpmRegistry, NPM_SEEDS } from '../lib/pkgindex/npm-seed';
import { ensureWheelhouse } from '../lib/pkgindex/wheels';
import { ensurePlatformImages } from '../lib/platform/ensure-images';
import { ensureControlPlane } from '../lib/sandbox/control-plane';

const say = (line: string) => console.log(`[setup] ${line}`);

async function main() {
  const started = Date.now();
  const cfg = config();
  const engine = docker();
  const swarm = await ensureSwarm(engine);
  say(swarm === 'initialised' ? 'Swarm: initialised a single-node swarm' : 'Swarm: active');
  const images = await ensurePlatformImages(engine, cfg.root, cfg.dataDir, say);
  await ensureControlPlane(engine, cfg.FAASLAB_PREFIX, images);
  say(`control plane: network ${cfg.FAASLAB_PREFIX}-control, NATS (async queue) and Prometheus services`);
  const index = await ensureWheelhouse(cfg.dataDir, say);
  say(`package index: ${index.files.length} wheels (requests and its dependencies, from Debian's packages)`);
  const npm = await ensureNpmRegistry(cfg.dataDir, say);
  say(`npm registry: ${npm.packages.length} packages (${NPM_SEEDS.join(', ')}, their dependencies, and npm for builds)`);
  say(`ready in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

main().catch((err) => {
  console.error(`[setup] ERROR: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
