import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  debianUpstreamVersion, distInfoDir, isNormalizedProject, isProjectName, isServableFileName,
  normalizeProject, parseDebDepends, requirementFromDeb, requirementName, wheelFileName,
} from './names';

test('project names normalise per PEP 503', () => {
  assert.equal(normalizeProject('Charset_Normalizer'), 'charset-normalizer');
  assert.equal(normalizeProject('zope.interface'), 'zope-interface');
  assert.equal(normalizeProject('A-_.-b'), 'a-b');
  assert.equal(normalizeProject('requests'), 'requests');
});

test('wheel and dist-info names escape the distribution and version', () => {
  assert.equal(wheelFileName('charset-normalizer', '3.0.1'), 'charset_normalizer-3.0.1-py3-none-any.whl');
  assert.equal(wheelFileName('Zope.Interface', '5.0'), 'zope_interface-5.0-py3-none-any.whl');
  assert.equal(distInfoDir('charset-normalizer', '3.0.1'), 'charset_normalizer-3.0.1.dist-info');
  assert.equal(wheelFileName('x', '1.0-1'), 'x-1.0_1-py3-none-any.whl');
});

test('project and file names from requests are validated', () => {
  assert.ok(isProjectName('Charset_Normalizer'));
  assert.ok(isNormalizedProject('charset-normalizer'));
  assert.ok(!isNormalizedProject('Charset-Normalizer'));
  assert.ok(!isNormalizedProject('a--b'));
  for (const bad of ['..', '.', 'a/b', '-a', 'a-', '', 'a b', '%2e%2e', 'x'.repeat(101)]) assert.ok(!isProjectName(bad), bad);
  assert.ok(isServableFileName('requests-2.28.1-py3-none-any.whl'));
  assert.ok(isServableFileName('left-pad-1.3.0.tgz'));
  for (const bad of ['../index.json', 'index.json', '..whl', 'a/..b.whl', '.hidden.whl', 'a\\b.whl', 'x..y.whl', 'a.whl/']) {
    assert.ok(!isServableFileName(bad), bad);
  }
});

test('Debian Depends become PEP 508 requirements with lower bounds only', () => {
  const deps = parseDebDepends('python3-certifi, python3:any, python3-urllib3 (>= 1.21.1), ca-certificates, python3-chardet (>= 3.0.2) | python3-x, python3-foo (<< 2)');
  assert.deepEqual(deps.map((d) => d.pkg), ['python3-certifi', 'python3', 'python3-urllib3', 'ca-certificates', 'python3-chardet', 'python3-foo']);
  assert.equal(requirementFromDeb(deps[2], 'urllib3'), 'urllib3>=1.21.1');
  assert.equal(requirementFromDeb(deps[0], 'certifi'), 'certifi');
  assert.equal(requirementFromDeb(deps[5], 'foo'), 'foo');
  assert.equal(requirementFromDeb({ pkg: 'p', op: '>=', version: '1:2.28.1+dfsg-1~bpo1' }, 'p'), 'p>=2.28.1');
  assert.equal(debianUpstreamVersion('1.26.12-1+deb12u4'), '1.26.12');
  assert.equal(debianUpstreamVersion('2.28.1+dfsg-1'), '2.28.1');
  assert.equal(requirementName('urllib3>=1.21; extra == "x"'), 'urllib3');
});
