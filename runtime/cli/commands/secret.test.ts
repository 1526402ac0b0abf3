import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatSecretList, validateSecretName } from './secret';

test('secret names follow DNS-1123, as faas-cli checks them', () => {
  assert.equal(validateSecretName('api-key.v2'), 'api-key.v2');
  assert.throws(() => validateSecretName('API_KEY'), /invalid secret name: API_KEY, secret name must consist of lower case alphanumeric characters/);
  assert.throws(() => validateSecretName('-key'), /invalid secret name/);
});

test('secret list: a NAME column, or a plain sentence when there are none', () => {
  assert.equal(formatSecretList(['a', 'b']), '\nNAME\na\nb\n\n');
  assert.equal(formatSecretList([]), 'No secrets found.\n');
});
