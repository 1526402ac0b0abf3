import { test } from 'node:test';
import assert from 'node:assert/strict';
import { projectPage, resolveRoute, rootPage } from './simple';
import type { IndexFile } from './wheels';

const files: IndexFile[] = [
  { project: 'requests', name: 'requests', version: '2.28.1', fileName: 'requests-2.28.1-py3-none-any.whl', sha256: 'a'.repeat(64), size: 1, requiresPython: '>=3.7, <4', source: 'python3-requests=2.28.1+dfsg-1' },
  { project: 'charset-normalizer', name: 'charset-normalizer', version: '3.0.1', fileName: 'charset_normalizer-3.0.1-py3-none-any.whl', sha256: 'b'.repeat(64), size: 1, source: 'x' },
];

test('the simple API routes: root, project, normalising redirects, files', () => {
  assert.deepEqual(resolveRoute('/simple/', files), { kind: 'root' });
  assert.deepEqual(resolveRoute('/simple', files), { kind: 'redirect', location: '/simple/' });
  assert.deepEqual(resolveRoute('/simple/requests/', files), { kind: 'project', project: 'requests' });
  assert.deepEqual(resolveRoute('/simple/requests', files), { kind: 'redirect', location: '/simple/requests/' });
  assert.deepEqual(resolveRoute('/simple/Charset_Normalizer/', files), { kind: 'redirect', location: '/simple/charset-normalizer/' });
  assert.equal(resolveRoute('/simple/no-such-thing/', files).kind, 'not-found');
  assert.deepEqual(resolveRoute('/files/requests-2.28.1-py3-none-any.whl', files), { kind: 'file', file: files[0] });
  assert.deepEqual(resolveRoute('/files/requests-2.28.1-py3-none-any.whl?x=1', files), { kind: 'file', file: files[0] });
});

test('traversal and odd paths never reach a file', () => {
  for (const p of [
    '/files/../index.json', '/files/..%2Findex.json', '/files/%2e%2e%2fetc%2fpasswd', '/files/index.json',
    '/files/x.whl', '/files/requests-2.28.1-py3-none-any.whl/', '/simple/..%2F/', '/simple/%00/', '/files/a%5Cb.whl',
    '/simple/%E0%A4%A/', '/../etc/passwd', '/simple/requests/../../x',
  ]) {
    const r = resolveRoute(p, files);
    assert.ok(r.kind === 'not-found' || r.kind === 'redirect', `${p} → ${r.kind}`);
    if (r.kind === 'redirect') assert.match(r.location, /^\/simple\/[a-z0-9-]*\/?$/);
  }
});

test('pages link each file with its sha256 and escaped Requires-Python', () => {
  const page = projectPage('requests', files);
  assert.match(page, /<a href="\/files\/requests-2\.28\.1-py3-none-any\.whl#sha256=a{64}" data-requires-python="&#62;=3\.7, &#60;4">/);
  assert.doesNotMatch(page, /charset/);
  const root = rootPage(files);
  assert.ok(root.indexOf('/simple/charset-normalizer/') < root.indexOf('/simple/requests/'));
});
