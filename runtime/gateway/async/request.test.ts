import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkCallbackUrl, decodeRequest, encodeRequest, replayableHeaders, type QueuedRequest } from './request';

test('callback URLs: absolute http(s) only; none is fine', () => {
  assert.equal(checkCallbackUrl(undefined), null);
  assert.equal(checkCallbackUrl(''), null);
  assert.deepEqual(checkCallbackUrl('http://gateway:8080/function/receiver'), { ok: true, url: 'http://gateway:8080/function/receiver' });
  for (const bad of ['gateway:8080/function/receiver', '/function/receiver', 'ftp://x/y', 'file:///etc/passwd']) {
    const r = checkCallbackUrl(bad);
    assert.equal(r?.ok, false, bad);
    assert.match((r as { reason: string }).reason, /not an absolute http\(s\) URL/);
  }
});

test('only the headers worth replaying are queued: no credentials, no framing, no gateway-set ones', () => {
  const h = replayableHeaders({ 'content-type': 'application/json', authorization: 'Basic x', 'x-callback-url': 'http://a/', host: 'h', 'content-length': '3', 'x-custom': 'v', accept: ['a', 'b'] as unknown as string });
  assert.deepEqual(h, { 'content-type': 'application/json', 'x-custom': 'v', accept: 'a, b' });
});

test('queued requests round-trip; foreign or broken messages decode to null', () => {
  const r: QueuedRequest = { fn: 'sleepy', path: '/a?b=1', method: 'POST', headers: { 'x-a': '1' }, callId: 'id', callbackUrl: null, queuedAt: 5 };
  assert.deepEqual(decodeRequest(encodeRequest(r)), r);
  assert.equal(decodeRequest(undefined), null);
  assert.equal(decodeRequest('{'), null);
  assert.equal(decodeRequest('{"fn": 1}'), null);
});
