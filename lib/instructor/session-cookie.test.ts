import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { sealData } from 'iron-session';
import { config } from '../config';
import { sessionSecret, SECRET_FILE } from './secret';
import { SESSION_SECONDS, isHttps, sealSession, sessionSetCookie, unsealSession } from './session-cookie';

const secret = 'a'.repeat(32);

test('a sealed session id opens with its secret only; forged, altered, foreign or pre-migration-9 cookies are no session', async () => {
  const sealed = await sealSession('sid1', secret);
  assert.deepEqual(await unsealSession(sealed, secret), { sid: 'sid1' });
  assert.equal(await unsealSession(sealed, 'b'.repeat(32)), null);
  const parts = sealed.split('*');
  parts[4] = parts[4].split('').reverse().join('');
  assert.equal(await unsealSession(parts.join('*'), secret), null);
  assert.equal(await unsealSession('{"iid":"inst1"}', secret), null);
  assert.equal(await unsealSession(undefined, secret), null);
  const before9 = await sealData({ iid: 'inst1', at: 42 }, { password: secret, ttl: SESSION_SECONDS });
  assert.equal(await unsealSession(before9, secret), null, 'a cookie of the instructor id alone (before server-side sessions) opens as no session');
});

test('the login cookie is httpOnly and SameSite=Lax, Secure only over https, and a logout expires it', () => {
  const http = sessionSetCookie('v', false);
  assert.match(http, /^faaslab_instructor=v; Max-Age=43200; Path=\/; HttpOnly; SameSite=Lax$/);
  assert.match(sessionSetCookie('v', true), /; Secure/);
  assert.match(sessionSetCookie(null, false), /^faaslab_instructor=; Max-Age=0;/);
  assert.equal(isHttps(new Request('http://lab.example/x')), false);
  assert.equal(isHttps(new Request('https://lab.example/x')), true);
  assert.equal(isHttps(new Request('http://internal:3000/x', { headers: { 'x-forwarded-proto': 'https' } })), true);
});

test('the cookie secret is made once and kept in the data directory, unless the environment gives one', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'faaslab-secret-'));
  try {
    const made = sessionSecret(dir, {});
    assert.equal(made.length, 64);
    assert.equal(sessionSecret(dir, {}), made, 'a restart reads the same one');
    assert.equal(fs.statSync(path.join(dir, SECRET_FILE)).mode & 0o777, 0o600);
    assert.equal(sessionSecret(dir, { FAASLAB_SESSION_SECRET: 'x'.repeat(40) }), 'x'.repeat(40));
    assert.throws(() => config({ ...process.env, FAASLAB_SESSION_SECRET: 'short' }), /FAASLAB_SESSION_SECRET: at least 32 characters/, 'a short one stops the start, naming the variable');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
