import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatLanguages } from './new';
import { formatTemplateStore } from './template';

test('faas-cli new --list: the languages, sorted and once each, in faas-cli\'s format', () => {
  assert.equal(formatLanguages(['python3', 'dockerfile', 'python3', 'node']), 'Languages available as templates:\n- dockerfile\n- node\n- python3\n\n');
});

test('template store list: faas-cli\'s columns, a blank line before and after', () => {
  const templates = [
    { name: 'dockerfile', language: 'dockerfile', description: 'Classic Dockerfile template' },
    { name: 'python3-http', language: 'python3', description: 'Python 3 HTTP template' },
  ];
  assert.equal(formatTemplateStore(templates), [
    '',
    'NAME         SOURCE  DESCRIPTION',
    'dockerfile   faaslab Classic Dockerfile template',
    'python3-http faaslab Python 3 HTTP template',
    '',
    '',
  ].join('\n'));
  assert.equal(formatTemplateStore(templates, true).split('\n')[2], 'dockerfile   dockerfile x86_64   faaslab Classic Dockerfile template');
});
