import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isConflict, isNotFound, orNull } from './not-found';

test('a 404, or an image gone between listing and removing it, is "not found"; other errors are not', async () => {
  assert.equal(isNotFound({ statusCode: 404 }), true);
  assert.equal(isNotFound({ statusCode: 500, json: { message: 'unrecognized image ID sha256:8dfa05fd062e' } }), true);
  assert.equal(isNotFound({ statusCode: 500, json: { message: 'driver failed' } }), false);
  assert.equal(isNotFound({ statusCode: 409 }), false);
  assert.equal(isNotFound(null), false);
  assert.equal(isConflict({ statusCode: 409 }), true);
  assert.equal(await orNull(Promise.reject({ statusCode: 404 })), null);
  await assert.rejects(orNull(Promise.reject({ statusCode: 500, json: { message: 'driver failed' } })));
});
