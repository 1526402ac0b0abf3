import { test } from 'node:test';
import assert from 'node:assert/strict';
import { hashPassword, verifyPassword } from './password';

test('a password verifies against its own hash only, and each hash has its own salt', async () => {
  const a = await hashPassword('correct horse battery');
  const b = await hashPassword('correct horse battery');
  assert.match(a, /^scrypt\$32768\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
  assert.notEqual(a, b, 'the same password hashes differently (per-password salt)');
  assert.equal(await verifyPassword('correct horse battery', a), true);
  assert.equal(await verifyPassword('correct horse battery', b), true);
  assert.equal(await verifyPassword('Correct horse battery', a), false);
  assert.equal(await verifyPassword('', a), false);
});

test('a malformed or tampered hash is a failed login, not a crash or a costly derivation', async () => {
  const h = await hashPassword('some password');
  assert.equal(await verifyPassword('some password', 'plain-text'), false);
  assert.equal(await verifyPassword('some password', h.replace('$32768$', '$1073741824$')), false);
  const parts = h.split('$');
  parts[5] = parts[5].slice(0, 10);
  assert.equal(await verifyPassword('some password', parts.join('$')), false, 'a truncated hash never matches');
});
