import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { WebSocket, WebSocketServer } from 'ws';
import { startHeartbeat } from './heartbeat';

test('a client that stops answering pings is dropped; one that answers stays', async () => {
  const wss = new WebSocketServer({ port: 0, host: '127.0.0.1' });
  const stop = startHeartbeat(wss, 50);
  await new Promise((r) => wss.once('listening', r));
  const url = `ws://127.0.0.1:${(wss.address() as AddressInfo).port}`;
  // autoPong: false is a laptop gone to sleep: the connection is there, nobody answers.
  const asleep = new WebSocket(url, { autoPong: false });
  const awake = new WebSocket(url);
  const closed = new Promise<number>((r) => asleep.on('close', r));
  assert.equal(await closed, 1006);
  await new Promise((r) => setTimeout(r, 200));
  assert.equal(awake.readyState, WebSocket.OPEN);
  awake.close();
  stop();
  wss.close();
});
