/**
 * The floor under the workbench's "editable editor" time: Monaco alone, as the editor chunk
 * has it (components/editor/monaco-slim.ts, bundled here by esbuild, minified, served gzipped
 * from loopback), on an otherwise empty page: no Next, no React, no file tree, no request
 * but its own files. From the navigation's start to the text drawn in Monaco, in a fresh
 * Chromium context each time (no cache), BENCH_RUNS times.
 * Writes its section of docs/benchmarks.md.   npx tsx bench/monaco-floor.ts
 */
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { CHROMIUM, machine, median, seconds, writeSection } from './report';

const RUNS = Number(process.env.BENCH_RUNS ?? 7);
const root = path.resolve(import.meta.dirname, '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-monaco-floor-'));
fs.writeFileSync(path.join(dir, 'entry.ts'), [
  `import { monaco } from ${JSON.stringify(path.join(root, 'components/editor/monaco-slim'))};`,
  // No language worker: the workbench's starts after the editor is drawn anyway.
  `(self as any).MonacoEnvironment = { getWorker: () => new Worker(URL.createObjectURL(new Blob([''], { type: 'text/javascript' }))) };`,
  `monaco.editor.create(document.getElementById('ed')!, { value: 'def handle(req):\\n    return req\\n', language: 'python', minimap: { enabled: false } });`,
].join('\n'));
await build({ entryPoints: [path.join(dir, 'entry.ts')], bundle: true, minify: true, format: 'esm', outdir: path.join(dir, 'out'), loader: { '.ttf': 'file' }, logLevel: 'warning' });
fs.writeFileSync(path.join(dir, 'out', 'index.html'), '<!doctype html><link rel="stylesheet" href="entry.css"><div id="ed" style="width:800px;height:400px"></div><script type="module" src="entry.js"></script>');
const js = fs.statSync(path.join(dir, 'out', 'entry.js')).size;

const TYPES: Record<string, string> = { '.js': 'text/javascript', '.css': 'text/css', '.html': 'text/html', '.ttf': 'font/ttf' };
const server = http.createServer((req, res) => {
  const file = path.join(dir, 'out', req.url === '/' ? 'index.html' : path.basename(req.url ?? ''));
  if (!fs.existsSync(file)) { res.writeHead(404).end(); return; }
  res.writeHead(200, { 'Content-Type': TYPES[path.extname(file)] ?? 'application/octet-stream', 'Content-Encoding': 'gzip' }).end(gzipSync(fs.readFileSync(file)));
});
await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${(server.address() as { port: number }).port}/`;
const browser = await chromium.launch(CHROMIUM);
try {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const ctx = await browser.newContext();
    await ctx.addInitScript(`new MutationObserver(() => {
      const lines = document.querySelector('.monaco-editor .view-lines');
      if (!window.__seenAt && lines && lines.textContent.replace(/\\u00a0/g, ' ').includes('def handle(req):')) window.__seenAt = performance.now();
    }).observe(document, { subtree: true, childList: true, characterData: true });`);
    const page = await ctx.newPage();
    await page.goto(base);
    times.push((await (await page.waitForFunction('window.__seenAt', undefined, { timeout: 60_000 })).jsonValue()) as number);
    await ctx.close();
  }
  const section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()} (\`npx tsx bench/monaco-floor.ts\`, Debian's Chromium, loopback): Monaco as the editor chunk has it (${(js / 1024 / 1024).toFixed(1)} MB of script, esbuild-minified), alone on an empty page, from the navigation's start to its text drawn, fresh context each time (${RUNS} runs): p50 **${seconds(median(times))}** (min ${seconds(Math.min(...times))}, max ${seconds(Math.max(...times))}).`,
  ].join('\n');
  console.log(section);
  writeSection(root, 'monaco-floor', section);
} finally {
  await browser.close();
  server.close();
  fs.rmSync(dir, { recursive: true, force: true });
}
