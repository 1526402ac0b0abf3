import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkNamespace, namespaceQuery } from './common-flags';

test('-n: none, "" and openfaas-fn are the sandbox\'s namespace; any other says which one there is', () => {
  assert.equal(checkNamespace(undefined), '');
  assert.equal(checkNamespace(''), '');
  assert.equal(checkNamespace('openfaas-fn'), 'openfaas-fn');
  assert.throws(() => checkNamespace('default'), /namespace "default" is not available: this sandbox's functions all live in the namespace openfaas-fn/);
  assert.equal(namespaceQuery(''), '');
  assert.equal(namespaceQuery('openfaas-fn'), 'namespace=openfaas-fn');
});
