import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseLogQuery, parseServiceLogLine } from './logs';

test('a detailed service log line gives timestamp, task id and text', () => {
  const line = '2026-11-27T05:00:00.123456789Z com.docker.swarm.node.id=n1,com.docker.swarm.service.id=s1,com.docker.swarm.task.id=t42 2026/11/27 05:00:00 Forking fprocess.';
  assert.deepEqual(parseServiceLogLine(line), { timestamp: '2026-11-27T05:00:00.123456789Z', instance: 't42', text: '2026/11/27 05:00:00 Forking fprocess.' });
});

test('log queries are checked with messages a CLI user understands', () => {
  assert.deepEqual(parseLogQuery(new URLSearchParams('name=fn&tail=5&follow=true')), { name: 'fn', tail: 5, since: undefined, follow: true });
  assert.equal(parseLogQuery(new URLSearchParams('name=fn&tail=-1')).tail, undefined);
  assert.throws(() => parseLogQuery(new URLSearchParams('tail=5')), /name is required/);
  assert.throws(() => parseLogQuery(new URLSearchParams('name=fn&tail=abc')), /tail must be a whole number/);
  assert.throws(() => parseLogQuery(new URLSearchParams('name=fn&since=yesterday')), /RFC 3339/);
});
