import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQuery, parseHeaders, signature } from './invoke';

test('-H key=value become headers; the value may contain =', () => {
  assert.deepEqual(parseHeaders(['X-Trace=on', 'Authorization=Bearer a=b']), { 'X-Trace': 'on', Authorization: 'Bearer a=b' });
  assert.deepEqual(parseHeaders([]), {});
});

test('malformed -H flags get faas-cli\'s messages', () => {
  assert.throws(() => parseHeaders(['X-Trace']), /the --header or -H flag must take the form of key=value$/);
  assert.throws(() => parseHeaders(['=on']), /\(empty key given\)/);
  assert.throws(() => parseHeaders(['X-Trace=']), /\(empty value given\)/);
});

test('--query flags become an encoded query string', () => {
  assert.equal(buildQuery([]), '');
  assert.equal(buildQuery(['workshop=1', 'name=open faas']), '?workshop=1&name=open%20faas');
  assert.throws(() => buildQuery(['workshop']), /the --query flags must take the form of key=value \(= not found\)/);
  assert.throws(() => buildQuery(['workshop=']), /empty value given, or value ends in =/);
});

test('--sign/--key put an HMAC-SHA1 of the body in the header', () => {
  assert.equal(signature(Buffer.from('hello'), 'key'), 'sha1=b34ceac4516ff23a143e61d79d0fa7a4fbe5f266');
});
