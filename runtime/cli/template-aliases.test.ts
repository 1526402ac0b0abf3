import { test } from 'node:test';
import assert from 'node:assert/strict';
import { aliasOf, knownRepository, listedAliases, normaliseRepository, refusalOf, templateFor } from './template-aliases';

test('the workshop\'s lang python and python3-debian are built with the python3 template, with a note saying so', () => {
  assert.equal(templateFor('python'), 'python3');
  assert.equal(templateFor('python3-debian'), 'python3');
  assert.match(aliasOf('python')!.note, /^lang python is served by the python3 template here: /);
  assert.equal(templateFor('python3'), 'python3');
  assert.equal(aliasOf('python3'), null);
  // Object prototype names are not languages.
  assert.equal(aliasOf('constructor'), null);
  assert.equal(templateFor('toString'), 'toString');
});

test('faas-cli new --list shows python without a pull; python3-debian only once pulled', () => {
  assert.deepEqual(listedAliases(), ['python']);
});

test('node10-express is refused, naming the template to use instead', () => {
  assert.equal(refusalOf('node10-express')!.instead, 'node');
  assert.equal(refusalOf('node'), null);
});

test('template repository URLs in the forms faas-cli takes are recognised', () => {
  for (const url of ['https://github.com/openfaas/templates', 'https://github.com/openfaas/templates.git', 'https://github.com/OpenFaaS/templates/', 'git@github.com:openfaas/templates.git', 'https://github.com/openfaas/templates#master']) {
    assert.equal(normaliseRepository(url), 'github.com/openfaas/templates', url);
    assert.equal(knownRepository(url), 'all', url);
  }
  assert.deepEqual(knownRepository('https://github.com/openfaas-incubator/python3-debian'), ['python3-debian']);
  assert.equal(knownRepository('https://github.com/openfaas/templates-extra'), null);
  assert.equal(knownRepository('https://example.com/openfaas/templates'), null);
});
