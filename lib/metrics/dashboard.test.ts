import { test } from 'node:test';
import assert from 'node:assert/strict';
import { alignSeries, timeGrid } from './dashboard';
import { queryRange } from './prometheus';

test('the time grid ends now (the newest calls are on it) and spans the window in steps', () => {
  const a = timeGrid(1_000_007_400, 60, 24);
  assert.equal(a.length, 151);
  assert.equal(a[150], 1_000_007);
  assert.equal(a[150] - a[0], 3600);
  assert.equal(a[1] - a[0], 24);
});

test('series are aligned on the grid, null where they have no sample, sorted by name', () => {
  const times = [100, 105, 110];
  const out = alignSeries(times, [
    { name: 'markdown 200', series: { labels: {}, samples: [[110, 2]] } },
    { name: 'figlet 200', series: { labels: {}, samples: [[100, 1], [105, null], [999, 5]] } },
  ]);
  assert.deepEqual(out, [{ name: 'figlet 200', values: [1, null, null] }, { name: 'markdown 200', values: [null, null, 2] }]);
});

const answer = (body: unknown, status = 200) => (async () => new Response(JSON.stringify(body), { status })) as unknown as typeof fetch;

test('query_range answers become series; NaN (no calls in range) becomes a gap', async () => {
  const series = await queryRange('http://p', { query: 'x', start: 0, end: 10, step: 5 }, {
    fetch: answer({ status: 'success', data: { resultType: 'matrix', result: [{ metric: { function_name: 'figlet' }, values: [[0, '1.5'], [5, 'NaN']] }] } }),
  });
  assert.deepEqual(series, [{ labels: { function_name: 'figlet' }, samples: [[0, 1.5], [5, null]] }]);
});

test('a Prometheus that is down or answers nonsense is "unavailable"; a refused query says why', async () => {
  const down = (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch;
  await assert.rejects(queryRange('http://p', { query: 'x', start: 0, end: 1, step: 1 }, { fetch: down }), { code: 'unavailable', message: /did not answer/ });
  await assert.rejects(queryRange('http://p', { query: 'x', start: 0, end: 1, step: 1 }, { fetch: answer('<html>', 502) }), { code: 'unavailable', message: /HTTP 502/ });
  await assert.rejects(queryRange('http://p', { query: 'x', start: 0, end: 1, step: 1 }, { fetch: answer({ status: 'error', errorType: 'bad_data', error: 'parse error' }, 400) }), { code: 'internal', message: /parse error/ });
});
