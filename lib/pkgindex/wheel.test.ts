import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { buildMetadata, buildWheel, checkWheelPath, metadataField, metadataFields, parseRequiresTxt, recordDigest, recordFile } from './wheel';
import { readZip } from './zip';

test('RECORD digests are url-safe base64 sha256 without padding', () => {
  // sha256("") = e3b0c442…; its base64url form is the well-known wheel digest of an empty file
  assert.equal(recordDigest(Buffer.alloc(0)), 'sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU');
  const text = recordFile([{ name: 'a.py', data: Buffer.from('x') }, { name: 'we,ird"name.py', data: Buffer.alloc(0) }], 'p-1.dist-info/RECORD');
  assert.equal(text, [
    `a.py,${recordDigest(Buffer.from('x'))},1`,
    `"we,ird""name.py",sha256=47DEQpj8HBSa-_TImW-5JCeuQeRkm5NMpJWZG3hSuFU,0`,
    'p-1.dist-info/RECORD,,',
    '',
  ].join('\n'));
});

test('requires.txt sections become Requires-Dist with markers', () => {
  const { requires, extras } = parseRequiresTxt('six\n\n[socks]\nPySocks!=1.5.7,>=1.5.6\n\n[brotli:platform_python_implementation == "CPython"]\nbrotli>=1.0.9\n\n[:python_version < "3.8"]\nimportlib-metadata\n[security]\n');
  assert.deepEqual(requires, [
    'six',
    'PySocks!=1.5.7,>=1.5.6; extra == "socks"',
    'brotli>=1.0.9; (platform_python_implementation == "CPython") and extra == "brotli"',
    'importlib-metadata; python_version < "3.8"',
  ]);
  assert.deepEqual(extras, ['socks', 'brotli', 'security']);
});

const PKG_INFO = 'Metadata-Version: 1.1\nName: requests\nVersion: 2.28.1\nRequires-Python: >=3.7, <4\nDescription-Content-Type: text/markdown\n\n# Requests\n\nbody: with a colon\n';

test('METADATA from PKG-INFO keeps the body and adds extras and Debian requirements once', () => {
  const m = buildMetadata(PKG_INFO, '[socks]\nPySocks\n', ['certifi', 'urllib3>=1.21.1', 'Certifi']);
  assert.equal(metadataField(m, 'Metadata-Version'), '2.1');
  assert.deepEqual(metadataFields(m, 'Requires-Dist'), ['PySocks; extra == "socks"', 'certifi', 'urllib3>=1.21.1']);
  assert.deepEqual(metadataFields(m, 'Provides-Extra'), ['socks']);
  assert.ok(m.endsWith('\n\n# Requests\n\nbody: with a colon\n'));
  assert.deepEqual(metadataFields(m, 'body'), []);
  // a requirement already unconditional in the metadata is not added again
  const again = buildMetadata(`Metadata-Version: 2.1\nName: x\nVersion: 1\nRequires-Dist: six\n\n`, undefined, ['six']);
  assert.deepEqual(metadataFields(again, 'Requires-Dist'), ['six']);
});

test('a wheel holds the files, METADATA, WHEEL and a RECORD that hashes every other entry', () => {
  const wheel = buildWheel({
    name: 'charset_normalizer', version: '3.0.1',
    files: [{ path: 'charset_normalizer/__init__.py', data: Buffer.from('x=1\n') }, { path: 'charset_normalizer/cli/tool.py', data: Buffer.from('#!\n'), mode: 0o755 }],
    metadata: 'Metadata-Version: 2.1\nName: charset-normalizer\nVersion: 3.0.1\n\n',
    infoFiles: { 'entry_points.txt': '[console_scripts]\nnormalizer = charset_normalizer.cli:main\n', RECORD: 'stale' },
  });
  assert.equal(wheel.fileName, 'charset_normalizer-3.0.1-py3-none-any.whl');
  assert.equal(wheel.sha256, createHash('sha256').update(wheel.data).digest('hex'));
  const entries = readZip(wheel.data);
  const info = 'charset_normalizer-3.0.1.dist-info';
  assert.deepEqual(entries.map((e) => e.name), [
    'charset_normalizer/__init__.py', 'charset_normalizer/cli/tool.py',
    `${info}/METADATA`, `${info}/WHEEL`, `${info}/entry_points.txt`, `${info}/RECORD`,
  ]);
  assert.match(entries[3].data.toString(), /^Wheel-Version: 1\.0\n.*Root-Is-Purelib: true\nTag: py3-none-any\n$/s);
  const record = entries[5].data.toString().trim().split('\n').map((l) => l.split(','));
  assert.equal(record.length, entries.length);
  for (const [name, hash, size] of record) {
    const e = entries.find((x) => x.name === name)!;
    if (name === `${info}/RECORD`) { assert.equal(hash, ''); continue; }
    assert.equal(hash, recordDigest(e.data));
    assert.equal(Number(size), e.data.length);
  }
  assert.equal(entries[1].mode, 0o755);
});

test('unsafe paths and compiled extensions are refused', () => {
  for (const p of ['../x.py', '/abs.py', 'a//b.py', 'a\\b.py', 'pkg/./x.py']) assert.throws(() => checkWheelPath(p), /unsafe/, p);
  assert.throws(() => checkWheelPath('pkg/_speedups.cpython-311-x86_64-linux-gnu.so'), /not pure Python/);
  assert.doesNotThrow(() => checkWheelPath('pkg/data/cacert.pem'));
});
