/**
 * The offline package indexes by hand: `tsx scripts/pkgindex.ts` makes (or checks) the
 * wheelhouse in <data>/pkgindex/pypi and the npm registry in <data>/pkgindex/npm; `--serve`
 * then serves both on the Docker bridge until interrupted and prints the URLs (for trying
 * `pip install --index-url … requests` or `npm install --registry … dayjs`).
 */
import { config } from '../lib/config';
import { ensureNpmRegistry } from '../lib/pkgindex/npm-seed';
import { startPackageIndex } from '../lib/pkgindex/server';
import { ensureWheelhouse } from '../lib/pkgindex/wheels';

const say = (line: string) => console.log(`[pkgindex] ${line}`);

async function main() {
  const cfg = config();
  const manifest = await ensureWheelhouse(cfg.dataDir, say);
  for (const f of manifest.files) say(`  ${f.fileName}  sha256=${f.sha256.slice(0, 16)}…  from ${f.source}`);
  const npm = await ensureNpmRegistry(cfg.dataDir, say);
  for (const p of npm.packages) say(`  ${p.name}@${p.version}  ${p.integrity.slice(0, 23)}…  from ${npm.source}`);
  if (process.argv.includes('--serve')) {
    const index = await startPackageIndex();
    index.server.ref();
    say(`serving ${index.url} and ${index.npmUrl} (Ctrl-C to stop)`);
    say(`try: docker run --rm <python image> pip install --index-url ${index.url} --trusted-host ${index.host} --target /tmp/x requests`);
  }
}

main().catch((err) => {
  console.error(`[pkgindex] ERROR: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
