import { test } from 'node:test';
import assert from 'node:assert/strict';
import { buildQuery, KEY_VALUE_WARNING, parseHeaders, signature } from './invoke';

test('-H "Key: Value" become headers, split at the first colon and trimmed; a repeated header keeps both values', () => {
  assert.deepEqual(parseHeaders(['X-Trace: on', 'Authorization:Bearer a:b', 'X-Trace: again']), { 'X-Trace': 'on, again', Authorization: 'Bearer a:b' });
  assert.deepEqual(parseHeaders([]), {});
});

test('the older -H key=value still works, with one warning; a colon is looked for first', () => {
  const warnings: string[] = [];
  assert.deepEqual(parseHeaders(['X-Trace=on', 'X-Id=a=b'], (w) => warnings.push(w)), { 'X-Trace': 'on', 'X-Id': 'a=b' });
  assert.deepEqual(warnings, [KEY_VALUE_WARNING]);
  assert.deepEqual(parseHeaders(['k=http://x']), { 'k=http': '//x' }, 'as faas-cli splits it');
});

test('malformed -H flags say which form to use', () => {
  assert.throws(() => parseHeaders(['X-Trace']), /the --header or -H flag must take the form of "Key: Value"$/);
  assert.throws(() => parseHeaders([': on']), /\(empty key given\)/);
  assert.throws(() => parseHeaders(['X-Trace:']), /\(empty value given\)/);
});

test('--query flags become a query string encoded as Go does: keys sorted, spaces as +', () => {
  assert.equal(buildQuery([]), '');
  assert.equal(buildQuery(['workshop=1', 'name=open faas']), '?name=open+faas&workshop=1');
  assert.throws(() => buildQuery(['workshop']), /the --query flags must take the form of key=value \(= not found\)/);
  assert.throws(() => buildQuery(['workshop=']), /empty value given, or value ends in =/);
  assert.throws(() => buildQuery(['=1']), /empty key given/);
});

test('--sign/--key put an HMAC-SHA256 of the body in the header', () => {
  assert.equal(signature(Buffer.from('hello'), 'key'), 'sha256=9307b3b915efb5171ff14d8cb55fbcc798c6c0ef1456d66ded1a6aa723a58b7b');
});
