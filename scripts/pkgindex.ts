/**
 * The offline package index by hand: `tsx scripts/pkgindex.ts` makes (or checks) the
 * wheelhouse in <data>/pkgindex/pypi; `--serve` then serves it on the Docker bridge until
 * interrupted and prints the URL (for trying `pip install --index-url … requests`).
 */
import { config } from '../lib/config';
import { startPackageIndex } from '../lib/pkgindex/server';
import { ensureWheelhouse } from '../lib/pkgindex/wheels';

const say = (line: string) => console.log(`[pkgindex] ${line}`);

async function main() {
  const cfg = config();
  const manifest = await ensureWheelhouse(cfg.dataDir, say);
  for (const f of manifest.files) say(`  ${f.fileName}  sha256=${f.sha256.slice(0, 16)}…  from ${f.source}`);
  if (process.argv.includes('--serve')) {
    const index = await startPackageIndex();
    index.server.ref();
    say(`serving ${index.url} (Ctrl-C to stop)`);
    say(`try: docker run --rm <python image> pip install --index-url ${index.url} --trusted-host ${index.host} --target /tmp/x requests`);
  }
}

main().catch((err) => {
  console.error(`[pkgindex] ERROR: ${err instanceof Error ? err.message : err}`);
  process.exit(1);
});
