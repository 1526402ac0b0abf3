import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import zlib from 'node:zlib';
import { precompress } from './precompress';
import { staticAssets } from './static-assets';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-static-'));
const body = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;
let server: http.Server;
let base = '';

before(async () => {
  fs.mkdirSync(path.join(dir, 'chunks'));
  fs.writeFileSync(path.join(dir, 'chunks', 'a.js'), body);
  fs.writeFileSync(path.join(dir, 'chunks', 'tiny.js'), '1');
  fs.writeFileSync(path.join(os.tmpdir(), 'faaslab-static-secret.txt'), 'secret');
  assert.equal(await precompress(dir), 1, 'a.js compressed, tiny.js (under 1 kB) left as it is');
  assert.equal(await precompress(dir), 0, 'nothing to do the second time');
  const serve = staticAssets(dir)!;
  server = http.createServer((req, res) => serve(req, res, () => res.writeHead(418).end('to next')));
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
});
after(() => { server.close(); fs.rmSync(dir, { recursive: true, force: true }); fs.rmSync(path.join(os.tmpdir(), 'faaslab-static-secret.txt'), { force: true }); });

const get = (p: string, enc?: string) => new Promise<{ status: number; headers: http.IncomingHttpHeaders; body: Buffer }>((resolve, reject) => {
  http.get(`${base}${p}`, { headers: enc ? { 'accept-encoding': enc } : {} }, (res) => {
    const parts: Buffer[] = [];
    res.on('data', (d) => parts.push(d)).on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body: Buffer.concat(parts) }));
  }).on('error', reject);
});

test('a browser that accepts brotli gets the brotli copy, one that accepts gzip the gzip copy, others the file', async () => {
  const br = await get('/_next/static/chunks/a.js', 'gzip, deflate, br');
  assert.equal(br.headers['content-encoding'], 'br');
  assert.equal(zlib.brotliDecompressSync(br.body).toString(), body);
  assert.match(String(br.headers['cache-control']), /immutable/);
  assert.equal(br.headers.vary, 'Accept-Encoding');
  const gz = await get('/_next/static/chunks/a.js', 'gzip');
  assert.equal(gz.headers['content-encoding'], 'gzip');
  assert.equal(zlib.gunzipSync(gz.body).toString(), body);
  const plain = await get('/_next/static/chunks/a.js');
  assert.equal(plain.headers['content-encoding'], undefined);
  assert.equal(plain.body.toString(), body);
  assert.match(String(plain.headers['content-type']), /javascript/);
});

test('what the folder does not hold, or what lies outside it, goes on to Next', async () => {
  assert.equal((await get('/_next/static/chunks/none.js', 'br')).status, 418);
  assert.equal((await get('/_next/static/../faaslab-static-secret.txt')).status, 418);
  assert.equal((await get('/_next/static/%2e%2e/%2e%2e/faaslab-static-secret.txt')).status, 418);
  assert.equal((await get('/_next/static/chunks/tiny.js', 'br')).body.toString(), '1');
});
