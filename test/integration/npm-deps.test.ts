import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createJob, type JobEvent } from '../../lib/jobs/jobs';
import type { NpmManifest } from '../../lib/pkgindex/npm';
import { ensureNpmRegistry } from '../../lib/pkgindex/npm-seed';
import { runFunction } from '../../lib/runner/run-function';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

/**
 * The node template's package.json dependencies end to end, as the lesson's Run does it: the
 * offline npm registry filled on the host (from npm's cache after the first time), served by
 * the platform's package index on the Docker bridge; the function built by the engine, whose
 * build containers reach no TLS registry (so nothing but the workshop's registry can serve
 * them); deployed on the swarm and invoked through the sandbox gateway.
 */

let ctx: Awaited<ReturnType<typeof testContext>>;
let registry: NpmManifest;
const pid = participant();

before(async () => {
  ctx = await testContext();
  const started = Date.now();
  registry = await ensureNpmRegistry(ctx.cfg.dataDir);
  console.log(`# npm registry filled in ${((Date.now() - started) / 1000).toFixed(1)} s (${registry.packages.length} packages)`);
});
after(() => removeTestInstance(ctx, [pid]));

async function run(fn: string, file: string, content: string, files: Record<string, string> = {}, input = ''): Promise<JobEvent[]> {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  for (const [rel, text] of Object.entries(files)) ws.write(`${fn}/${rel}`, text);
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn, lang: 'node', file, content, input });
  return job.events;
}

const result = (events: JobEvent[]) => events.find((e) => e.type === 'result') as Extract<JobEvent, { type: 'result' }> | undefined;
const error = (events: JobEvent[]) => (events.find((e) => e.type === 'error') as Extract<JobEvent, { type: 'error' }> | undefined)?.error;
const logs = (events: JobEvent[]) => events.flatMap((e) => (e.type === 'log' ? [e.line] : [])).join('\n');

const handler = (greeting: string) => `'use strict'
const chalk = require('chalk')
const dayjs = require('dayjs')
const debug = require('debug')
const ms = require('ms')
const { v5: uuidv5 } = require('uuid')

module.exports = async (context, callback) => {
  const name = context.trim() || 'world'
  const lock = require('./node_modules/.package-lock.json')
  return {
    greeting: new chalk.Instance({ level: 1 }).green('${greeting} ' + name),
    leapDayPlusOneYear: dayjs('2024-02-29').add(1, 'year').format('YYYY-MM-DD'),
    id: uuidv5(name, uuidv5.URL),
    twoDaysInMs: ms('2 days'),
    debugLogger: typeof debug('fn'),
    installedFrom: [...new Set(Object.values(lock.packages).map((p) => new URL(p.resolved).origin))],
  }
}
`;
// chalk 4 brings ansi-styles → color-convert → color-name and supports-color → has-flag; debug brings ms.
const packageJson = JSON.stringify({ name: 'greeter', version: '1.0.0', main: 'handler.js', dependencies: { chalk: '^4.1.0', dayjs: '^1.11.0', debug: '^4.3.0', ms: '^2.1.0', uuid: '^11.0.0' } }, null, 2);

test('package.json dependencies (and theirs) install from the offline registry, and the function uses them', async () => {
  const events = await run('greeter', 'handler.js', handler('hello'), { 'package.json': packageJson }, 'openfaas');
  assert.equal(error(events), undefined, JSON.stringify(error(events)));
  const log = logs(events);
  const index = /^Installing chalk dayjs debug ms uuid from (http:\/\/[\d.]+:\d+\/npm\/)$/m.exec(log);
  assert.ok(index, log);
  assert.match(log, new RegExp(`^npm 10\\.9\\.9 from ${index[1]}$`, 'm'), 'npm itself came from the registry');
  assert.match(log, /^added 10 packages in /m);
  assert.doesNotMatch(log, /registry\.npmjs\.org|apt-get|Installing Debian's npm/);
  assert.deepEqual(JSON.parse(result(events)!.body), {
    greeting: '\u001b[32mhello openfaas\u001b[39m',
    leapDayPlusOneYear: '2025-02-28',
    id: '3456caf7-d2bf-59b3-b926-d7052a14774b',
    twoDaysInMs: 172_800_000,
    debugLogger: 'function',
    installedFrom: [new URL(index[1]).origin],
  });
  const cold = result(events)!.timings.build;

  // A handler-only edit reuses the dependency layer: no npm, no registry.
  const edited = await run('greeter', 'handler.js', handler('welcome'), {}, 'Ada');
  assert.equal(error(edited), undefined, JSON.stringify(error(edited)));
  assert.match(logs(edited), /RUN sh install-dependencies\.sh function\n ---> Using cache/);
  assert.doesNotMatch(logs(edited), /Installing chalk/);
  assert.equal(JSON.parse(result(edited)!.body).greeting, '\u001b[32mwelcome Ada\u001b[39m');
  console.log(`# node build with 5 dependencies: ${(cold / 1000).toFixed(1)} s; after a handler-only edit: ${(result(edited)!.timings.build / 1000).toFixed(1)} s`);
});

test('a package that is not in the registry fails the build, naming it and what the registry has', async () => {
  const events = await run('greeter-missing', 'package.json', JSON.stringify({ dependencies: { dayjs: '^1.11.0', 'faaslab-no-such-package': '^1.0.0' } }), {
    'handler.js': "module.exports = async () => require('faaslab-no-such-package')\n",
  });
  const err = error(events);
  assert.equal(err?.code, 'build_failed', JSON.stringify(err));
  assert.match(err!.message, /^Could not install the packages in package\.json: faaslab-no-such-package is not in this workshop's offline npm registry \(it has: .*\bdayjs\b.*\)$/);
  assert.equal(err!.hint, '"faaslab-no-such-package" is not in the workshop\'s package index: check its spelling in package.json, or ask your instructor to add it.');
  assert.equal(err!.detail?.package, 'faaslab-no-such-package');
  assert.equal(result(events), undefined);
});

test('a version range the registry cannot satisfy fails the build, saying which', async () => {
  const events = await run('greeter-old', 'package.json', JSON.stringify({ dependencies: { uuid: '^9.0.0' } }), {
    'handler.js': "module.exports = async () => require('uuid').v4()\n",
  });
  const err = error(events);
  assert.equal(err?.code, 'build_failed', JSON.stringify(err));
  assert.match(err!.message, /No matching version found for uuid@\^9\.0\.0\./);
  assert.match(err!.hint ?? '', /has "uuid", but no version in the range package\.json asks for/);
});
