import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { AddressInfo } from 'node:net';
import { extractUpload } from '../../lib/builder/upload';
import type { Stack } from '../../lib/stack';
import { buildStack, type BuildFlags } from './builds';
import { Gateway } from './gateway';

// buildStack against a stand-in for the gateway's /system/builds: it unpacks each upload as the
// platform does and answers ndjson, slowly, so that parallel builds overlap.
process.env.FAASLAB_TEMPLATES = fileURLToPath(new URL('../../templates', import.meta.url));
let server: http.Server;
let gateway: Gateway;
const received: unknown[] = [];

before(async () => {
  server = http.createServer(async (req, res) => {
    const settings = await extractUpload(req, fs.mkdtempSync(path.join(os.tmpdir(), 'cli-builds-srv-'))) as { name: string; image: string };
    received.push(settings);
    res.writeHead(200, { 'Content-Type': 'application/x-ndjson' });
    const send = (e: unknown) => res.write(`${JSON.stringify(e)}\n`);
    const pause = () => new Promise((r) => setTimeout(r, 30));
    if (settings.name === 'broken') {
      send({ type: 'error', message: 'SyntaxError in handler.py line 2: invalid syntax', hint: 'Fix handler.py line 2 and run again.', detail: { excerpt: '  File "handler.py", line 2\n    return (\n           ^\nSyntaxError: invalid syntax' } });
      return res.end();
    }
    for (const step of ['Step 1/2 : FROM base', 'Step 2/2 : COPY function function']) {
      send({ type: 'log', line: step });
      await pause();
    }
    send({ type: 'result', image: settings.image, seconds: 0.06 });
    res.end();
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  gateway = new Gateway(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
});
after(() => server.close());

function stackOf(names: string[], extra: Stack['functions'] = {}): Stack {
  const functions: Stack['functions'] = {};
  for (const name of names) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), `cli-builds-${name}-`));
    fs.writeFileSync(path.join(dir, 'handler.py'), 'def handle(req):\n    return req\n');
    functions[name] = { lang: 'python3', handler: dir, image: `${name}` };
  }
  return { version: '1.0', provider: { name: 'openfaas' }, functions: { ...functions, ...extra } };
}

const flags = (parallel: number): BuildFlags => ({ parallel, noCache: false, buildArgs: {}, buildOptions: [], quiet: false, shrinkwrap: false, tag: 'latest' });

async function run(stack: Stack, f: BuildFlags): Promise<{ lines: string[]; error?: Error & { hint?: string } }> {
  const lines: string[] = [];
  const out = { log: (l: string) => lines.push(l), error: (l: string) => lines.push(l), write: (c: string | Buffer) => lines.push(String(c)) };
  try {
    await buildStack(gateway, stack, f, out);
    return { lines };
  } catch (error) {
    return { lines, error: error as Error };
  }
}

test("one worker: faas-cli's lines around the platform's log, no prefix on the log lines; skip_build is skipped", async () => {
  received.length = 0;
  const { lines, error } = await run(stackOf(['hello-openfaas'], { figlet: { image: 'functions/figlet:latest', skip_build: true } }), flags(1));
  assert.equal(error, undefined);
  assert.deepEqual(lines.map((l) => l.replace(/\d+\.\d\ds/, 'N.NNs')).filter((l) => !l.startsWith('Uploading')), [
    'Skipping build of: figlet.',
    '[0] > Building hello-openfaas.',
    'Building: hello-openfaas:latest with python3 template. Please wait..',
    'Step 1/2 : FROM base',
    'Step 2/2 : COPY function function',
    'Image: hello-openfaas:latest built.',
    '[0] < Building hello-openfaas done in N.NNs.',
    '[0] Worker done.',
    '',
    'Total build time: N.NNs',
  ]);
  assert.deepEqual(received, [{ name: 'hello-openfaas', lang: 'python3', image: 'hello-openfaas:latest' }]);
});

test('--parallel=2: both builds run at once, every line of a build carries its worker', async () => {
  const { lines, error } = await run(stackOf(['first', 'second']), flags(2));
  assert.equal(error, undefined);
  const body = lines.filter((l) => l.startsWith('['));
  assert.ok(body.every((l) => /^\[[01]\] /.test(l)), body.join('\n'));
  const steps = lines.filter((l) => l.includes('Step'));
  assert.notDeepEqual(steps.map((l) => l.slice(0, 3)), ['[0]', '[0]', '[1]', '[1]'], 'the two builds interleave');
  for (const w of ['0', '1']) assert.ok(lines.includes(`[${w}] Worker done.`));
  assert.ok(lines.includes('[0] Image: first:latest built.') && lines.includes('[1] Image: second:latest built.'), lines.join('\n'));
});

test("a failed build shows the platform's excerpt with the handler's path; the others still build; the summary fails the command", async () => {
  const stack = stackOf(['broken', 'fine']);
  const { lines, error } = await run(stack, flags(1));
  const handler = stack.functions.broken.handler!;
  assert.ok(lines.includes(`  File "${handler}/handler.py", line 2`), lines.join('\n'));
  assert.ok(lines.includes('SyntaxError: invalid syntax'));
  assert.ok(lines.some((l) => /^\[0\] < Building broken failed in/.test(l)));
  assert.ok(lines.includes('Image: fine:latest built.'));
  assert.equal(error?.message, 'Errors received during build:\n- broken: SyntaxError in handler.py line 2: invalid syntax');
  assert.equal(error?.hint, 'Fix handler.py line 2 and run again.');
});

test('a handler folder that does not exist, or an unknown template, fails before any upload', async () => {
  const stack: Stack = { version: '1.0', provider: { name: 'openfaas' }, functions: {
    gone: { lang: 'python3', handler: '/nonexistent/gone', image: 'gone' },
    odd: { lang: 'cobol', handler: '/tmp', image: 'odd' },
  } };
  received.length = 0;
  const { error } = await run(stack, flags(1));
  assert.match(error?.message ?? '', /- gone: building gone, \/nonexistent\/gone is an invalid path\n- odd: cobol is unavailable or not supported/);
  assert.deepEqual(received, []);
});
