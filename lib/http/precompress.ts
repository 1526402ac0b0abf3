import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
/** What is worth compressing: text the browser fetches. Fonts and images are compressed already. */
const TEXT = /\.(js|css|map|json|svg|txt|html)$/;
const MIN_BYTES = 1024;

/**
 * Writes `<file>.br` and `<file>.gz` beside every text file under `dir` (Next's build output,
 * .next/static), once: a file whose compressed copies are newer than itself is skipped. The
 * server then sends them as they are (see static-assets.ts) instead of gzipping Monaco's 2.4 MB
 * chunk for every new browser (~90 ms of CPU each time on this machine, more under load).
 * Returns how many files it compressed.
 */
export async function precompress(dir: string): Promise<number> {
  let done = 0;
  for (const entry of fs.readdirSync(dir, { recursive: true, withFileTypes: true })) {
    const file = path.join(entry.parentPath, entry.name);
    if (!entry.isFile() || !TEXT.test(entry.name)) continue;
    const { size, mtimeMs } = fs.statSync(file);
    if (size < MIN_BYTES) continue;
    const fresh = (copy: string) => fs.existsSync(copy) && fs.statSync(copy).mtimeMs >= mtimeMs;
    if (fresh(`${file}.br`) && fresh(`${file}.gz`)) continue;
    const body = fs.readFileSync(file);
    const [br, gz] = await Promise.all([
      brotli(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: size } }),
      gzip(body, { level: 9 }),
    ]);
    // Written under another name first: a server reading the folder never sees half a file.
    for (const [ext, data] of [['.br', br], ['.gz', gz]] as const) {
      fs.writeFileSync(`${file}${ext}.tmp`, data);
      fs.renameSync(`${file}${ext}.tmp`, `${file}${ext}`);
    }
    done++;
  }
  return done;
}
