import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isSameOrigin, participantOfRequest } from './request';
import { newParticipantId } from './participant';

test('the participant comes from the httpOnly cookie, among others, and only when well-formed', () => {
  const id = newParticipantId();
  assert.equal(participantOfRequest({ headers: { cookie: `theme=dark; faaslab_pid=${id}; x=1` } }), id);
  assert.equal(participantOfRequest({ headers: {} }), null);
  assert.equal(participantOfRequest({ headers: { cookie: 'faaslab_pid=short' } }), null);
  assert.equal(participantOfRequest({ headers: { cookie: 'faaslab_pid=../../etc/passwd-aaaaaaaaaaaaaaaaaaa' } }), null);
});

test("a browser page of another origin is refused; same origin and non-browser clients are not", () => {
  assert.equal(isSameOrigin({ headers: { host: 'localhost:3000', origin: 'http://localhost:3000' } }), true);
  assert.equal(isSameOrigin({ headers: { host: 'localhost:3000' } }), true);
  assert.equal(isSameOrigin({ headers: { host: 'localhost:3000', origin: 'http://localhost:4000' } }), false);
  assert.equal(isSameOrigin({ headers: { host: 'localhost:3000', origin: 'https://evil.example' } }), false);
  assert.equal(isSameOrigin({ headers: { host: 'localhost:3000', origin: 'null' } }), false);
  assert.equal(isSameOrigin({ headers: { host: 'internal:3000', 'x-forwarded-host': 'lab.example.org', origin: 'https://lab.example.org' } }), true);
});
