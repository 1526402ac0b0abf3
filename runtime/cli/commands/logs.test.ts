import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RFC3339 } from '../go-time';
import http from 'node:http';
import { stdio } from '../context';
import type { CliError } from '../errors';
import { program } from '../main';
import { checkOldFlags, formatLogMessage, logFormat, logQuery, ndjson, type LogPrintOptions } from './logs';

const msg = { name: 'figlet', namespace: '', instance: 'k2j3h4', timestamp: '2024-05-01T09:08:07.123456789Z', text: 'Forking fprocess.\n' };
const plain: LogPrintOptions = { format: 'plain', timeFormat: RFC3339, name: false, instance: false };

test('plain lines: RFC 3339 time and text; --name and --instance add "<name> (<instance>)"', () => {
  assert.equal(formatLogMessage(msg, plain), '2024-05-01T09:08:07Z Forking fprocess.');
  assert.equal(formatLogMessage(msg, { ...plain, name: true, instance: true }), '2024-05-01T09:08:07Z figlet (k2j3h4) Forking fprocess.');
  assert.equal(formatLogMessage(msg, { ...plain, timeFormat: '' }), 'Forking fprocess.');
});

test('key-value and json formats', () => {
  assert.equal(formatLogMessage(msg, { ...plain, format: 'key-value', name: true }), 'timestamp="2024-05-01T09:08:07Z" name="figlet" text="Forking fprocess." ');
  assert.deepEqual(JSON.parse(formatLogMessage(msg, { ...plain, format: 'json' })), msg);
});

test('the logs query, keys sorted as faas-cli sends them: follow from --tail, tail from --lines unless 0, since', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');
  const defaults = { tail: true, lines: -1, since: 0 };
  assert.equal(logQuery('figlet', defaults, now), 'follow=true&name=figlet&tail=-1');
  assert.equal(logQuery('figlet', { tail: false, lines: 5, since: 300_000 }, now), 'follow=false&name=figlet&since=2024-05-01T09%3A55%3A00Z&tail=5');
  assert.equal(logQuery('figlet', { tail: false, lines: 0, since: 300_000, sinceTime: '2024-05-01T08:00:00Z' }, now), 'follow=false&name=figlet&since=2024-05-01T08%3A00%3A00Z',
    '--since-time wins over --since');
  assert.equal(logQuery('figlet', { ...defaults, namespace: 'openfaas-fn' }, now), 'follow=true&name=figlet&namespace=openfaas-fn&tail=-1');
});

test('-o takes plain, keyvalue or json (empty is plain); anything else is faas-cli\'s error', () => {
  assert.equal(logFormat(''), 'plain');
  assert.equal(logFormat('keyvalue'), 'key-value');
  assert.equal(logFormat('json'), 'json');
  assert.throws(() => logFormat('key-value'), /unknown log format: 'key-value'/);
});

test('--follow, --format and --tail N say what faas-cli 0.17 uses instead', () => {
  assert.throws(() => checkOldFlags(['fn', '--follow=false']), (e: CliError) => e.message === 'unknown flag: --follow' && /--tail=false/.test(e.hint ?? ''));
  assert.throws(() => checkOldFlags(['fn', '--format', 'json']), /unknown flag: --format/);
  assert.throws(() => checkOldFlags(['fn', '--tail', '5']), (e: CliError) => /--lines 5/.test(e.hint ?? ''));
  assert.doesNotThrow(() => checkOldFlags(['fn', '--tail', '--lines', '5', '-t']));
});

test('faas-cli logs parses 0.17\'s flags: --lines, --tail=false, -o, --since duration; wrong values fail like pflag', async () => {
  const seen: string[] = [];
  const run = async (...args: string[]) => {
    const gateway = http.createServer((req, res) => { seen.push(req.url ?? ''); res.end(`${JSON.stringify(msg)}\n`); });
    await new Promise<void>((r) => gateway.listen(0, '127.0.0.1', r));
    const lines: string[] = [];
    const log = stdio.log;
    stdio.log = (l) => lines.push(l);
    try {
      const { port } = gateway.address() as { port: number };
      await program().parseAsync(['logs', 'figlet', '-g', `http://127.0.0.1:${port}`, ...args], { from: 'user' });
    } finally {
      stdio.log = log;
      gateway.close();
    }
    return lines;
  };
  assert.deepEqual(await run('--lines', '5', '--tail=false', '-o', 'keyvalue', '--name', '-n', 'openfaas-fn'), ['timestamp="2024-05-01T09:08:07Z" name="figlet" text="Forking fprocess." ']);
  assert.equal(seen[0], '/system/logs?follow=false&name=figlet&namespace=openfaas-fn&tail=5');
  assert.deepEqual(await run('--tail=false', '--time-format', ''), ['Forking fprocess.']);
  assert.equal(seen[1], '/system/logs?follow=false&name=figlet&tail=-1');
  await assert.rejects(run('--lines', 'all'), /invalid argument "all" for "--lines" flag/);
  await assert.rejects(run('--since', '5'), /invalid argument "5" for "--since" flag: time: missing unit/);
  await assert.rejects(run('--since-time', 'yesterday'), /invalid argument "yesterday" for "--since-time" flag/);
  await assert.rejects(run('-n', 'prod'), /namespace "prod" is not available/);
});

test('the ndjson log stream is read whole even when lines and characters are cut across chunks', async () => {
  const text = `${JSON.stringify({ ...msg, text: 'Grüße' })}\n${JSON.stringify({ ...msg, text: 'second' })}\n`;
  const bytes = Buffer.from(text);
  const cut = bytes.indexOf(Buffer.from('ü')) + 1; // inside the two bytes of ü
  async function* chunks() { yield bytes.subarray(0, cut); yield bytes.subarray(cut, cut + 40); yield bytes.subarray(cut + 40); }
  const seen: string[] = [];
  for await (const m of ndjson(chunks())) seen.push(m.text);
  assert.deepEqual(seen, ['Grüße', 'second']);
});
