import { test } from 'node:test';
import assert from 'node:assert/strict';
import { RFC3339 } from '../go-time';
import { formatLogMessage, logQuery, ndjson, type LogPrintOptions } from './logs';

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

test('the logs query: follow always, since from --since or --since-time, tail unless 0', () => {
  const now = Date.parse('2024-05-01T10:00:00Z');
  assert.equal(logQuery('figlet', { tail: '-1', follow: true }, now), 'name=figlet&follow=true&tail=-1');
  assert.equal(logQuery('figlet', { tail: '5', follow: false, since: '5m' }, now), 'name=figlet&follow=false&since=2024-05-01T09%3A55%3A00Z&tail=5');
  assert.equal(logQuery('figlet', { tail: '0', follow: false, sinceTime: '2024-05-01T08:00:00Z' }, now), 'name=figlet&follow=false&since=2024-05-01T08%3A00%3A00Z');
  assert.throws(() => logQuery('figlet', { tail: '-1', follow: true, since: '5 minutes' }, now), /invalid argument "5 minutes" for "--since" flag/);
  assert.throws(() => logQuery('figlet', { tail: 'all', follow: true }, now), /"--tail" flag/);
  assert.throws(() => logQuery('figlet', { tail: '-1', follow: true, sinceTime: 'yesterday' }, now), /"--since-time" flag/);
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
