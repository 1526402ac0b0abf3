import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyRoutesHeader, Routes } from './routes';

test('an override applies until it expires, then DNS is used again', () => {
  const r = new Routes();
  r.set('hello', ['10.0.1.7'], 1000, 0);
  assert.deepEqual(r.get('hello', 999), ['10.0.1.7']);
  assert.equal(r.get('hello', 1000), null);
  assert.equal(r.get('other', 0), null);
});

test('dropping an override falls back at once', () => {
  const r = new Routes();
  r.set('hello', ['10.0.1.7'], 1000, 0);
  r.drop('hello');
  assert.equal(r.get('hello', 1), null);
});

test("the provider's routes header sets or clears a function's addresses; anything else is ignored", () => {
  const r = new Routes();
  applyRoutesHeader('hello=10.0.1.7,10.0.1.8', r);
  assert.deepEqual(r.get('hello'), ['10.0.1.7', '10.0.1.8']);
  applyRoutesHeader('hello=', r);
  assert.deepEqual(r.get('hello'), []);
  applyRoutesHeader('Bad Name=198.51.100.4', r);
  applyRoutesHeader(undefined, r);
  assert.equal(r.get('bad'), null);
});
