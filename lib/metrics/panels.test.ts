import { test } from 'node:test';
import assert from 'node:assert/strict';
import { MAX_POINTS, PANELS, WINDOWS, metricsRequestSchema, panelSpec, rateWithBirths, stepFor } from './panels';

test('every query of every panel selects only the sandbox it was built for', () => {
  for (const panel of PANELS) {
    for (const { query } of panelSpec(panel, 'abc123', 6).queries) {
      const selectors = [...query.matchAll(/\b(gateway_\w+)\{([^}]*)\}/g)];
      assert.ok(selectors.length > 0, query);
      for (const [, , matchers] of selectors) assert.equal(matchers, 'sandbox="abc123"', query);
    }
  }
});

test('the panels are Lab 2\'s: rate by function and code, p50 and p95 from the histogram, replicas', () => {
  assert.equal(panelSpec('invocations', 'a1', 5).queries[0].query, `sum by (function_name, code) ${rateWithBirths('gateway_function_invocation_total{sandbox="a1"}', 60)}`);
  const [p50, p95] = panelSpec('duration', 'a1', 24).queries;
  assert.equal(p50.query, `histogram_quantile(0.5, sum by (function_name, le) ${rateWithBirths('gateway_functions_seconds_bucket{sandbox="a1"}', 60)})`);
  assert.match(p95.query, /^histogram_quantile\(0\.95,/);
  assert.equal(p95.series({ function_name: 'figlet' }), 'figlet p95');
  assert.match(panelSpec('replicas', 'a1', 5).queries[0].query, /gateway_service_count\{sandbox="a1"\}/);
  assert.equal(panelSpec('invocations', 'a1', 5).queries[0].series({ function_name: 'figlet', code: '200' }), 'figlet 200');
  assert.equal(panelSpec('invocations', 'a1', 5).unit, 'req/s');
});

test('a rate counts a counter\'s birth (its first calls) as an increase from 0, over ranges of at least a minute', () => {
  assert.equal(rateWithBirths('c{sandbox="a1"}', 96),
    '((rate(c{sandbox="a1"}[96s]) + (min_over_time(c{sandbox="a1"}[96s]) unless c{sandbox="a1"} offset 96s) / 96) or rate(c{sandbox="a1"}[96s]) or (min_over_time(c{sandbox="a1"}[96s]) unless c{sandbox="a1"} offset 96s) / 96)');
  assert.match(panelSpec('invocations', 'a1', 24).queries[0].query, /\[60s\]/);
  assert.match(panelSpec('invocations', 'a1', 48).queries[0].query, /\[96s\]/);
});

test('a sandbox id that could change the matcher is refused, not quoted', () => {
  for (const bad of ['', 'a"}or{x="', 'A1', 'a b', 'x'.repeat(33)]) assert.throws(() => panelSpec('count', bad, 5), /Not a sandbox id/);
});

test('requests: a window of 5, 15 or 60 minutes and known panels; anything else is refused with what to send', () => {
  assert.deepEqual(metricsRequestSchema.parse({}), { window: 15, panels: [...PANELS] });
  assert.deepEqual(metricsRequestSchema.parse({ window: '60', panels: 'replicas,count' }), { window: 60, panels: ['replicas', 'count'] });
  const badWindow = metricsRequestSchema.safeParse({ window: '7' });
  assert.ok(!badWindow.success);
  assert.match(badWindow.error.issues[0].message, /window must be 5, 15, 60/);
  const badPanel = metricsRequestSchema.safeParse({ panels: 'count,up{sandbox=~".*"}' });
  assert.ok(!badPanel.success);
  assert.match(badPanel.error.issues[0].message, /no panel "up\{sandbox=~\\".\*\\"\}"; panels are invocations, count, duration, replicas/);
  assert.ok(!metricsRequestSchema.safeParse({ window: 'abc' }).success);
});

test('steps keep every window at most MAX_POINTS points and never finer than 5 s', () => {
  for (const w of WINDOWS) {
    const step = stepFor(w);
    assert.ok(step >= 5 && (w * 60) / step <= MAX_POINTS, `${w} min: step ${step}`);
  }
  assert.equal(stepFor(5), 5);
  assert.equal(stepFor(60), 24);
});
