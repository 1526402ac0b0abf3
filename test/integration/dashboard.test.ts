import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { participantDashboard, type DashboardData, type PanelData } from '../../lib/metrics/dashboard';
import { PANELS, type Panel } from '../../lib/metrics/panels';
import { ensureSandbox, type Sandbox } from '../../lib/sandbox/provision';
import { deployFunction, participant, removeTestInstance, testContext } from './helpers';

// The Dashboard tab's data, from the platform's real Prometheus scraping two real sandboxes'
// gateways: each participant sees their own functions' calls, durations and replicas, and
// nothing of the other's.
let ctx: Awaited<ReturnType<typeof testContext>>;
const alice = participant();
const bob = participant();
let a: Sandbox;
let b: Sandbox;

before(async () => {
  ctx = await testContext();
  a = await ensureSandbox(ctx, alice);
  b = await ensureSandbox(ctx, bob);
  await deployFunction(ctx, a, alice, 'shout', { 'handler.py': 'def handle(req):\n    return req.upper()\n' });
  await deployFunction(ctx, b, bob, 'whisper', { 'handler.py': 'def handle(req):\n    return req.lower()\n' });
});

after(() => removeTestInstance(ctx, [alice, bob]));

const request = { window: 5 as const, panels: [...PANELS] };
const panel = (d: DashboardData, p: Panel): PanelData => {
  assert.ok(d.sandbox, 'the participant has a sandbox');
  return d.panels.find((x) => x.panel === p)!;
};
const last = (values: (number | null)[]) => values.filter((v): v is number => v !== null).at(-1) ?? null;
/** The highest point of a series in the window: a burst of calls is a bump in the rate that falls back to 0 a minute later. */
const peak = (values: (number | null)[]) => Math.max(0, ...values.filter((v): v is number => v !== null));
const seriesNames = (d: DashboardData) => (d.sandbox ? d.panels.flatMap((p) => p.series.map((s) => s.name)) : []);
const latest = (d: DashboardData) => (d.sandbox ? d.panels.flatMap((p) => p.series.map((s) => `${p.panel}: ${s.name} = ${last(s.values)}`)) : []);

/** Poll the dashboard until `ok` holds (Prometheus scrapes every 15 s; rate() needs two scrapes). */
async function until(pid: string, ok: (d: DashboardData) => boolean, what: string, ms = 90_000): Promise<DashboardData> {
  const end = Date.now() + ms;
  let d: DashboardData = { sandbox: false };
  while (Date.now() < end) {
    d = await participantDashboard(ctx, pid, request);
    if (ok(d)) return d;
    await new Promise((r) => setTimeout(r, 2000));
  }
  assert.fail(`${what} within ${ms / 1000} s; last answer: ${JSON.stringify(latest(d))}`);
}

const invoke = async (sb: Sandbox, fn: string, n: number) => {
  for (let i = 0; i < n; i++) {
    const res = await fetch(`${sb.gatewayUrl}/function/${fn}`, { method: 'POST', body: `call ${i}` });
    assert.equal(res.status, 200, await res.text());
  }
};

test('no sandbox yet: the dashboard says so instead of failing', async () => {
  assert.deepEqual(await participantDashboard(ctx, participant(), request), { sandbox: false });
});

test('invocations show up as a count, a rate in req/s per function and code, a p50 and p95 duration, and one replica', async () => {
  await invoke(a, 'shout', 12);
  const d = await until(alice, (x) => last(panel(x, 'count').series.find((s) => s.name === 'shout 200')?.values ?? []) === 12
    && peak(panel(x, 'invocations').series.find((s) => s.name === 'shout 200')?.values ?? []) > 0
    && peak(panel(x, 'duration').series.find((s) => s.name === 'shout p95')?.values ?? []) > 0, 'Prometheus saw 12 calls, a rate and a duration');
  assert.ok(d.sandbox);
  assert.equal(d.times.length, panel(d, 'count').series[0].values.length, 'series are aligned on the time axis');
  assert.equal(panel(d, 'invocations').unit, 'req/s');
  // 12 calls in ~1 s spread over a 60 s rate() range: about 0.2 req/s at the peak
  const rate = peak(panel(d, 'invocations').series.find((s) => s.name === 'shout 200')!.values);
  assert.ok(rate > 0.1 && rate < 1, `peak rate ${rate} req/s`);
  const p50 = peak(panel(d, 'duration').series.find((s) => s.name === 'shout p50')?.values ?? []);
  const p95 = peak(panel(d, 'duration').series.find((s) => s.name === 'shout p95')?.values ?? []);
  assert.ok(p50 > 0 && p95 >= p50 && p95 < 10, `p50 ${p50} s, p95 ${p95} s`);
  const replicas = await until(alice, (x) => last(panel(x, 'replicas').series.find((s) => s.name === 'shout')?.values ?? []) === 1, 'the replica count');
  assert.deepEqual(panel(replicas, 'replicas').series.map((s) => s.name), ['shout']);
});

test('a second sandbox sees only its own function, and the first never sees the second\'s', async () => {
  await invoke(b, 'whisper', 3);
  const bobs = await until(bob, (x) => last(panel(x, 'count').series.find((s) => s.name === 'whisper 200')?.values ?? []) === 3, 'Bob\'s 3 calls');
  assert.ok(seriesNames(bobs).length > 0);
  assert.deepEqual(seriesNames(bobs).filter((n) => n.startsWith('shout')), [], 'Bob sees none of Alice\'s series');
  const alices = await participantDashboard(ctx, alice, request);
  assert.ok(seriesNames(alices).some((n) => n.startsWith('shout')));
  assert.deepEqual(seriesNames(alices).filter((n) => n.startsWith('whisper')), [], 'Alice sees none of Bob\'s series');
});
