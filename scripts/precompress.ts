/** Brotli and gzip copies of the web app's static files (run by build-if-needed.sh after `next build`). */
import path from 'node:path';
import { precompress } from '../lib/http/precompress';

const dir = path.resolve(import.meta.dirname, '..', '.next', 'static');
const t0 = Date.now();
const n = await precompress(dir);
console.log(n ? `[setup] web app build: compressed ${n} static files ahead (${((Date.now() - t0) / 1000).toFixed(1)} s)` : '[setup] web app build: static files compressed already');
