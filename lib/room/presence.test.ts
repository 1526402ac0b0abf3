import { test } from 'node:test';
import assert from 'node:assert/strict';
import { enterTerminal, presenceOf } from './presence';

test('a participant shows an instructor watching, then in their terminal while one controls it, and nothing once all left', () => {
  assert.equal(presenceOf('p'), null);
  const watch = enterTerminal('p', 'watch');
  assert.equal(presenceOf('p'), 'watching');
  const control = enterTerminal('p', 'control');
  assert.equal(presenceOf('p'), 'in-terminal');
  control();
  control(); // leaving twice counts once
  assert.equal(presenceOf('p'), 'watching');
  watch();
  assert.equal(presenceOf('p'), null);
  assert.equal(presenceOf('someone else'), null);
});
