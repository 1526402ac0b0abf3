import { test } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { fetchWithTimeout } from './fetch-timeout';

function serve(handler: http.RequestListener): Promise<{ url: string; close: () => void }> {
  const server = http.createServer(handler).listen(0, '127.0.0.1');
  return new Promise((r) => server.once('listening', () => r({ url: `http://127.0.0.1:${(server.address() as { port: number }).port}`, close: () => server.close() })));
}

test('bodies and empty (204) answers both come back', async () => {
  const s = await serve((req, res) => { if (req.url === '/empty') res.writeHead(204).end(); else res.end('hi'); });
  try {
    assert.equal(await (await fetchWithTimeout(`${s.url}/`, {}, 1000)).text(), 'hi');
    assert.equal((await fetchWithTimeout(`${s.url}/empty`, {}, 1000)).status, 204);
  } finally { s.close(); }
});

test('a server that never answers is abandoned at the deadline with a message naming the URL', async () => {
  const s = await serve(() => { /* never answers */ });
  try {
    await assert.rejects(fetchWithTimeout(`${s.url}/slow`, {}, 200), /no answer from .*\/slow within 200 ms/);
  } finally { s.close(); }
});
