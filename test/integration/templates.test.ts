import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { createJob, type JobEvent } from '../../lib/jobs/jobs';
import { ensureSandbox } from '../../lib/sandbox/provision';
import { runFunction } from '../../lib/runner/run-function';
import { participantWorkspace } from '../../lib/workspace/participant';
import { participant, removeTestInstance, testContext } from './helpers';

// Every shipped template, built from a participant's folder, deployed on the swarm and invoked
// through the sandbox gateway, as the lesson's Run does it.

let ctx: Awaited<ReturnType<typeof testContext>>;
const pid = participant();

before(async () => { ctx = await testContext(); });
after(() => removeTestInstance(ctx, [pid]));

type Run = { fn: string; lang: string; file: string; content: string; input?: string; files?: Record<string, string> };

async function run(r: Run): Promise<JobEvent[]> {
  const ws = participantWorkspace(ctx.cfg.dataDir, pid);
  for (const [rel, content] of Object.entries(r.files ?? {})) ws.write(`${r.fn}/${rel}`, content);
  const job = createJob(pid);
  await runFunction(ctx, job, { participantId: pid, fn: r.fn, lang: r.lang, file: r.file, content: r.content, input: r.input ?? '' });
  return job.events;
}

const result = (events: JobEvent[]) => events.find((e) => e.type === 'result') as Extract<JobEvent, { type: 'result' }> | undefined;
const error = (events: JobEvent[]) => (events.find((e) => e.type === 'error') as Extract<JobEvent, { type: 'error' }> | undefined)?.error;
const ok = (events: JobEvent[]) => assert.equal(error(events), undefined, JSON.stringify(error(events)));
const logs = (events: JobEvent[]) => events.flatMap((e) => (e.type === 'log' ? [e.line] : [])).join('\n');

test('python3: the handler transforms its input; a comment-only requirements.txt installs nothing', async () => {
  const events = await run({
    fn: 'py-echo', lang: 'python3', file: 'handler.py',
    content: 'import sys\n\ndef handle(req):\n    return "Hello " + req.strip().upper() + " from " + sys.version.split()[0]\n',
    files: { 'requirements.txt': '# no packages yet\n\n' },
    input: 'openfaas',
  });
  ok(events);
  assert.match(result(events)!.body, /^Hello OPENFAAS from 3\.\d+\.\d+\n$/);
  assert.doesNotMatch(logs(events), /Installing packages|No package index/);
});

test("python3: Lab 3's requirements step — requests installs from the offline index and works in the function", async () => {
  const events = await run({
    fn: 'py-requests', lang: 'python3', file: 'handler.py',
    content: 'import requests\n\ndef handle(req):\n    return "requests " + requests.__version__\n',
    files: { 'requirements.txt': 'requests\n' },
  });
  ok(events);
  assert.match(logs(events), /Successfully installed .*requests-2\.\d+\.\d+/);
  assert.match(result(events)!.body, /^requests 2\.\d+\.\d+\n$/);
});

test('python3: a package that is not in the index fails the build with pip\'s own words, naming the package', async () => {
  const events = await run({
    fn: 'py-deps', lang: 'python3', file: 'requirements.txt',
    content: 'faaslab-no-such-package\n',
    files: { 'handler.py': 'def handle(req):\n    return req\n' },
  });
  const err = error(events);
  assert.equal(err?.code, 'build_failed', JSON.stringify(err));
  assert.match(err!.message, /No matching distribution found for faaslab-no-such-package/);
  assert.match(err!.hint ?? '', /package index/);
  assert.equal(result(events), undefined);
});

test('python3-http: status code, headers, JSON body, method, path and query round-trip', async () => {
  const handler = [
    'import json',
    '',
    'def handle(event, context):',
    '    if event.path == "/bytes":',
    '        return {"statusCode": 200, "body": b"\\x00raw", "headers": {"Content-Type": "application/octet-stream"}}',
    '    return {',
    '        "statusCode": 201,',
    '        "headers": {"X-Faas-Lab": "yes"},',
    '        "body": {"method": event.method, "path": event.path, "q": event.query.get("q"),',
    '                 "echo": json.loads(event.body)["name"] if event.body else None,',
    '                 "ct": event.headers.get("content-type")},',
    '    }',
    '',
  ].join('\n');
  const events = await run({ fn: 'py-http', lang: 'python3-http', file: 'handler.py', content: handler, input: '{"name": "Ada"}' });
  ok(events);
  assert.equal(result(events)?.status, 201);
  assert.deepEqual(JSON.parse(result(events)!.body), { method: 'POST', path: '/', q: null, echo: 'Ada', ct: 'text/plain' });

  const sandbox = await ensureSandbox(ctx, pid);
  const res = await fetch(`${sandbox.gatewayUrl}/function/py-http/some/path?q=42`, { method: 'PUT', body: '{"name": "Grace"}', headers: { 'Content-Type': 'application/json' } });
  assert.equal(res.status, 201);
  assert.equal(res.headers.get('x-faas-lab'), 'yes');
  assert.match(res.headers.get('content-type') ?? '', /^application\/json/);
  assert.deepEqual(await res.json(), { method: 'PUT', path: '/some/path', q: '42', echo: 'Grace', ct: 'application/json' });

  const raw = await fetch(`${sandbox.gatewayUrl}/function/py-http/bytes`);
  assert.equal(raw.headers.get('content-type'), 'application/octet-stream');
  assert.deepEqual([...new Uint8Array(await raw.arrayBuffer())], [0, 114, 97, 119]);
});

test('python3-http: the default handler answers "Hello from OpenFaaS!"', async () => {
  const events = await run({
    fn: 'py-http-default', lang: 'python3-http', file: 'handler.py',
    content: 'def handle(event, context):\n    return {\n        "statusCode": 200,\n        "body": "Hello from OpenFaaS!"\n    }\n',
  });
  ok(events);
  assert.equal(result(events)?.status, 200);
  assert.equal(result(events)?.body, 'Hello from OpenFaaS!');
});

test('node: an object returned by the handler is sent as JSON; a string as it is', async () => {
  const events = await run({
    fn: 'node-json', lang: 'node', file: 'handler.js',
    content: "'use strict'\n\nmodule.exports = async (context, callback) => {\n  return { status: 'done', input: context, node: process.version.split('.')[0] }\n}\n",
    input: 'ping',
  });
  ok(events);
  assert.equal(result(events)?.status, 200);
  assert.deepEqual(JSON.parse(result(events)!.body), { status: 'done', input: 'ping', node: 'v18' });

  const cb = await run({
    fn: 'node-json', lang: 'node', file: 'handler.js',
    content: "'use strict'\n\nmodule.exports = (context, callback) => {\n  callback(undefined, context.split('').reverse().join(''))\n}\n",
    input: 'stressed',
  });
  ok(cb);
  assert.equal(result(cb)?.body, 'desserts');
});

// The npm registry itself (filled packages, a missing one, a bad range): test/integration/npm-deps.test.ts.
test('node: a broken package.json is refused before building; a dependency with an empty npm registry fails clearly', async () => {
  const broken = await run({ fn: 'node-deps', lang: 'node', file: 'package.json', content: '{"dependencies": ', files: { 'handler.js': 'module.exports = async () => "x"\n' } });
  assert.equal(error(broken)?.code, 'invalid');
  assert.match(error(broken)!.message, /package\.json is not valid JSON/);

  // This instance's registry was never filled (testContext fills only the Python index), so
  // not even npm can be fetched from it: the build says so and names the package.
  const missing = await run({ fn: 'node-deps', lang: 'node', file: 'package.json', content: '{"dependencies": {"left-pad": "^1.3.0"}}' });
  assert.equal(error(missing)?.code, 'build_failed', JSON.stringify(error(missing)));
  assert.match(error(missing)!.message, /Cannot install left-pad: npm could not be fetched from the workshop's npm registry/);
  assert.match(error(missing)!.hint ?? '', /ask your instructor/);
});

const sorterDockerfile = (fprocess: string, extra = '') => `ARG WATCHDOG_IMAGE
ARG BASE_IMAGE
FROM \${WATCHDOG_IMAGE} AS watchdog
FROM \${BASE_IMAGE}

COPY --from=watchdog /fwatchdog /usr/bin/fwatchdog
RUN groupadd --system app && useradd --system --gid app --home-dir /home/app --create-home app
WORKDIR /home/app
USER app
${extra}
ENV fprocess="${fprocess}"
ENV write_debug="false"

EXPOSE 8080
CMD ["fwatchdog"]
`;

test("dockerfile: the folder's own Dockerfile with fprocess=sort sorts lines (Lab 3's sorter)", async () => {
  const events = await run({ fn: 'sorter', lang: 'dockerfile', file: 'Dockerfile', content: sorterDockerfile('sort'), input: '\nelephant\nzebra\nhorse\naardvark\nmonkey' });
  ok(events);
  assert.equal(result(events)?.status, 200);
  assert.equal(result(events)?.body, '\naardvark\nelephant\nhorse\nmonkey\nzebra\n');
});

test('dockerfile: a failing step is named; a folder without a Dockerfile is refused', async () => {
  const failing = await run({ fn: 'sorter', lang: 'dockerfile', file: 'Dockerfile', content: sorterDockerfile('sort', 'RUN false') });
  assert.equal(error(failing)?.code, 'build_failed');
  assert.match(error(failing)!.message, /failed at step "RUN false"/);
  assert.equal(error(failing)?.detail?.step, 'RUN false');

  const none = await run({ fn: 'no-dockerfile', lang: 'dockerfile', file: 'README.md', content: 'nothing to build\n' });
  assert.equal(error(none)?.code, 'invalid');
  assert.match(error(none)!.message, /has no Dockerfile/);
});

test('an unknown template is refused, naming the available ones', async () => {
  const events = await run({ fn: 'cobol-fn', lang: 'cobol', file: 'handler.cob', content: 'x' });
  assert.equal(error(events)?.code, 'invalid');
  assert.match(error(events)!.message, /Unknown template "cobol"/);
  assert.equal(error(events)?.hint, 'Available templates: dockerfile, node, python3, python3-http.');
});
