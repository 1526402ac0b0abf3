import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withoutNamespace } from './namespace';

test('the one namespace is taken out of function routes, whichever way it is named; the function still gets its query', () => {
  assert.deepEqual(withoutNamespace('/function/figlet.openfaas-fn'), { url: '/function/figlet' });
  assert.deepEqual(withoutNamespace('/function/api.openfaas-fn/users/1?x=1&y=%20'), { url: '/function/api/users/1?x=1&y=%20' });
  assert.deepEqual(withoutNamespace('/async-function/sleep.openfaas-fn'), { url: '/async-function/sleep' });
  assert.deepEqual(withoutNamespace('/function/env?namespace=openfaas-fn&workshop=1'), { url: '/function/env?workshop=1' });
  assert.deepEqual(withoutNamespace('/function/env?x=namespace'), { url: '/function/env?x=namespace' });
  assert.deepEqual(withoutNamespace('/function/figlet'), { url: '/function/figlet' });
});

test('on the API: ?namespace= and <name>.<namespace> on /system/function and /system/scale-function', () => {
  assert.deepEqual(withoutNamespace('/system/functions?namespace=openfaas-fn'), { url: '/system/functions' });
  assert.deepEqual(withoutNamespace('/system/function/figlet?namespace=openfaas-fn&usage=1'), { url: '/system/function/figlet?usage=1' });
  assert.deepEqual(withoutNamespace('/system/function/figlet.openfaas-fn'), { url: '/system/function/figlet' });
  assert.deepEqual(withoutNamespace('/system/scale-function/figlet.openfaas-fn'), { url: '/system/scale-function/figlet' });
  assert.deepEqual(withoutNamespace('/system/logs?follow=false&name=figlet&namespace=openfaas-fn&tail=5'), { url: '/system/logs?follow=false&name=figlet&tail=5' });
  assert.deepEqual(withoutNamespace('/system/logs?name=figlet&namespace='), { url: '/system/logs?name=figlet' });
  assert.deepEqual(withoutNamespace('/healthz'), { url: '/healthz' });
});

test("another namespace gets OpenFaaS's answer: 503 no endpoints on a function, 400 not allowed on the API", () => {
  const fn = withoutNamespace('/function/figlet.dev');
  assert.ok('status' in fn && fn.status === 503 && fn.text.startsWith('No endpoints available for: figlet.dev.'));
  const q = withoutNamespace('/async-function/figlet?namespace=dev');
  assert.ok('status' in q && q.status === 503);
  const api = withoutNamespace('/system/functions?namespace=kube-system');
  assert.ok('status' in api && api.status === 400 && api.text.startsWith('namespace kube-system is not allowed'));
  const named = withoutNamespace('/system/function/figlet.staging');
  assert.ok('status' in named && named.status === 400 && named.text.includes('staging'));
});
