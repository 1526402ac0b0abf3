import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { buildFromFiles, type ContextFiles } from '../../lib/docker/build';
import { ownedLabels } from '../../lib/docker/labels';
import { pipBuildArgs, packageIndexUrl, startPackageIndex, stopPackageIndex } from '../../lib/pkgindex/server';
import { ensureWheelhouse, pypiDir, type IndexManifest } from '../../lib/pkgindex/wheels';
import { leftovers, nothingLeft, testContext } from './helpers';

/**
 * The offline Python index end to end: wheels made from Debian's packages, served on the
 * Docker bridge, and pip in a real `docker build` (the platform's python image, default
 * bridge network, no internet) installing requests and its dependencies from it.
 */

let ctx: Awaited<ReturnType<typeof testContext>>;
let manifest: IndexManifest;
const lines: string[] = [];
const tags: string[] = [];
const containers: string[] = [];
let firstBuildMs = 0;

before(async () => {
  ctx = await testContext();
  const started = Date.now();
  manifest = await ensureWheelhouse(ctx.cfg.dataDir, (l) => lines.push(l));
  firstBuildMs = Date.now() - started;
  await startPackageIndex({ dir: pypiDir(ctx.cfg.dataDir), engine: ctx.engine });
});

after(async () => {
  for (const id of containers) await ctx.engine.getContainer(id).remove({ force: true }).catch(() => {});
  for (const tag of tags) await ctx.engine.getImage(tag).remove({ force: true }).catch(() => {});
  await stopPackageIndex();
  // testContext may hold a server of its own (the provider API for gateways) to close
  (ctx as { close?: () => void }).close?.();
  assert.deepEqual(await leftovers(ctx.prefix), nothingLeft);
  fs.rmSync(ctx.cfg.dataDir, { recursive: true, force: true });
});

const labels = () => ownedLabels(ctx.prefix, 'function-image');
const tagFor = (what: string) => {
  const tag = `${ctx.prefix}-pkgindex-${what}:test`;
  tags.push(tag);
  return tag;
};

test('the wheelhouse holds requests and its dependencies, and a second run reuses it', async () => {
  const projects = manifest.files.map((f) => f.project).sort();
  for (const p of ['certifi', 'charset-normalizer', 'idna', 'requests', 'urllib3']) assert.ok(projects.includes(p), `${p} in ${projects}`);
  assert.ok(manifest.files.every((f) => f.fileName.endsWith('-py3-none-any.whl')));
  const dir = pypiDir(ctx.cfg.dataDir);
  const mtimes = manifest.files.map((f) => fs.statSync(path.join(dir, f.fileName)).mtimeMs);
  const started = Date.now();
  const again = await ensureWheelhouse(ctx.cfg.dataDir, (l) => lines.push(l));
  const secondMs = Date.now() - started;
  assert.deepEqual(JSON.parse(JSON.stringify(again)), JSON.parse(JSON.stringify(manifest)));
  assert.deepEqual(manifest.files.map((f) => fs.statSync(path.join(dir, f.fileName)).mtimeMs), mtimes, 'no wheel rewritten');
  assert.match(lines.at(-1)!, /up to date/);
  console.log(`# wheelhouse: first build ${(firstBuildMs / 1000).toFixed(1)} s, second run ${(secondMs / 1000).toFixed(1)} s`);
});

test('packageIndexUrl is the bridge gateway address, and the index answers there', async () => {
  const url = await packageIndexUrl();
  assert.match(url, /^http:\/\/\d+\.\d+\.\d+\.\d+:\d+\/simple\/$/);
  const page = await (await fetch(`${url}requests/`)).text();
  const file = manifest.files.find((f) => f.project === 'requests')!;
  assert.ok(page.includes(`${file.fileName}#sha256=${file.sha256}`));
});

test('pip in a docker build installs requests from the index, as the function templates would', async () => {
  const requests = manifest.files.find((f) => f.project === 'requests')!;
  const files: ContextFiles = new Map([
    ['requirements.txt', { content: 'requests\n' }],
    ['Dockerfile', { content: [
      'ARG PYTHON_IMAGE',
      'FROM ${PYTHON_IMAGE}',
      'RUN groupadd --system app && useradd --system --gid app --home-dir /home/app --create-home app',
      'WORKDIR /home/app/',
      'COPY requirements.txt ./',
      'USER app',
      'ARG PIP_INDEX_URL',
      'ARG PIP_TRUSTED_HOST',
      'ENV PIP_BREAK_SYSTEM_PACKAGES=1 PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1',
      'RUN pip install --user -r requirements.txt',
      'RUN python3 -W error -c "import requests, certifi; print(\'requests-version\', requests.__version__, certifi.where())"',
      'CMD ["python3", "-W", "error", "-c", "import requests; print(requests.__version__)"]',
      '',
    ].join('\n') }],
  ]);
  const log: string[] = [];
  const tag = tagFor('ok');
  const result = await buildFromFiles(ctx.engine, files, {
    tag, labels: labels(), nocache: true,
    buildargs: { PYTHON_IMAGE: ctx.images.python, ...(await pipBuildArgs()) },
  }, (l) => log.push(l));
  assert.ok(result.ok, result.ok ? '' : `${result.error}\n${result.log}`);
  const text = log.join('\n');
  assert.match(text, /Successfully installed .*requests-2\.28\.1/);
  for (const dep of ['urllib3', 'idna', 'certifi', 'charset-normalizer|charset_normalizer']) assert.match(text, new RegExp(`Successfully installed .*(${dep})-`), dep);
  assert.match(text, new RegExp(`requests-version ${requests.version.replace(/\./g, '\\.')} /etc/ssl/certs/ca-certificates.crt`));

  // and the image runs without any network at all
  const c = await ctx.engine.createContainer({ Image: tag, Labels: labels(), HostConfig: { NetworkMode: 'none' } });
  containers.push(c.id);
  await c.start();
  const exit = (await c.wait()) as { StatusCode: number };
  const out = (await c.logs({ stdout: true, stderr: true })).toString();
  assert.equal(exit.StatusCode, 0, out);
  assert.ok(out.includes(requests.version), out);
});

test('an unknown package fails with pip\'s "No matching distribution found"', async () => {
  const { PIP_INDEX_URL, PIP_TRUSTED_HOST } = await pipBuildArgs();
  // No ARG/ENV step before the failing RUN: a failed build then leaves no intermediate image.
  const files: ContextFiles = new Map([
    ['Dockerfile', { content: `FROM ${ctx.images.python}\nRUN pip install --no-cache-dir --disable-pip-version-check --index-url ${PIP_INDEX_URL} --trusted-host ${PIP_TRUSTED_HOST} --target /tmp/x faaslab-no-such-package\n` }],
  ]);
  const result = await buildFromFiles(ctx.engine, files, { tag: tagFor('missing'), labels: labels(), nocache: true });
  assert.equal(result.ok, false);
  assert.match(result.ok ? '' : result.log, /No matching distribution found for faaslab-no-such-package/);
});
