/**
 * A room: BENCH_PARTICIPANTS (40) simulated participants join one workshop session at once, with
 * the session's own sandboxes made ahead for them beforehand (its "sandboxes to make ahead": N), and each does Lab 3's cycle through the same APIs the
 * browser uses (bench/room-client.ts): join with a name, open terminal 1, type `faas-cli new`,
 * save handler.py through the editor's file API, type `faas-cli up` and `faas-cli invoke`, and
 * press the step's Check, while the instructor's roster is polled. Reported: failures, lost files
 * (a saved handler that is not what was saved at the end), p50/p95 of each step, the roster's
 * delay (a passed check → the roster API shows it) and its answer time with the room at work,
 * and the machine's peak memory (MemTotal − MemAvailable).
 *
 *   npx tsx bench/room.ts        (BENCH_PARTICIPANTS=5 for a quick look)
 */
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { docker } from '../lib/docker/client';
import { removeInstance } from '../lib/sandbox/remove';
import { removeAllHomes } from '../lib/workspace/home';
import { Participant } from './room-client';
import { machine, median, pct, seconds, writeSection } from './report';

const N = Number(process.env.BENCH_PARTICIPANTS ?? 40);
const prefix = `benchroom${randomBytes(3).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `faaslab-${prefix}-`));
const port = Number(process.env.BENCH_PORT ?? 3103);
const base = `http://localhost:${port}`;
const instructor = { email: 'bench@example.org', password: `bench-${randomBytes(8).toString('hex')}` };
const env = {
  ...process.env, PORT: String(port), NODE_ENV: 'production' as const, FAASLAB_PREFIX: prefix, FAASLAB_DATA_DIR: dataDir,
  FAASLAB_POOL_SIZE: '0', FAASLAB_PKGINDEX_PORT: process.env.FAASLAB_PKGINDEX_PORT ?? '47060', FAASLAB_PUBLIC_PORTS: process.env.FAASLAB_PUBLIC_PORTS ?? '28600-28799', FAASLAB_INSTRUCTOR_EMAIL: instructor.email, FAASLAB_INSTRUCTOR_PASSWORD: instructor.password,
};
const HANDLER = 'def handle(req):\n    return "Hello OpenFaaS"\n';
const STEPS = ['join', 'terminal', 'new', 'save', 'up', 'invoke', 'check'] as const;
type Step = (typeof STEPS)[number];

/** The machine's memory in use now, MiB (what the kernel could not hand out at once). */
function memUsedMiB(): number {
  const info = fs.readFileSync('/proc/meminfo', 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(info)![1]);
  return (kb('MemTotal') - kb('MemAvailable')) / 1024;
}

/** When each participant's check passed (the answer came), by display name. */
const passedAt = new Map<string, number>();

/** One participant's whole cycle; each step's duration, or the step it failed at and why. */
async function cycle(p: Participant, code: string): Promise<{ times: Partial<Record<Step, number>>; failed?: { step: Step; why: string }; lost: boolean }> {
  const times: Partial<Record<Step, number>> = {};
  let step: Step = 'join';
  const timed = async <T>(s: Step, f: () => Promise<T>): Promise<T> => { step = s; const t0 = Date.now(); const r = await f(); times[s] = Date.now() - t0; return r; };
  const must = (ok: boolean, why: string) => { if (!ok) throw new Error(why); };
  try {
    await timed('join', async () => {
      await p.api('GET', '/'); // the participant cookie, as opening the site gives it
      const r = await p.api('POST', '/api/join', { code, name: p.name });
      must(r.status === 200, `join: ${r.status} ${JSON.stringify(r.json)}`);
    });
    await timed('terminal', () => p.openTerminal());
    await timed('new', async () => {
      const r = await p.run('mkdir -p ~/lab3 && cd ~/lab3 && faas-cli new --lang python3 hello-openfaas');
      must(r.code === 0, `faas-cli new exited ${r.code}: ${r.output.slice(-500)}`);
    });
    await timed('save', async () => {
      const file = 'lab3/hello-openfaas/handler.py';
      const open = await p.api('GET', `/api/workspace/file?path=${encodeURIComponent(file)}`);
      must(open.status === 200, `open: ${open.status} ${JSON.stringify(open.json)}`);
      const saved = await p.api('PUT', '/api/workspace/file', { path: file, content: HANDLER, baseVersion: open.json.version });
      must(saved.status === 200, `save: ${saved.status} ${JSON.stringify(saved.json)}`);
    });
    await timed('up', async () => {
      const r = await p.run('faas-cli up -f hello-openfaas.yml');
      must(r.code === 0, `faas-cli up exited ${r.code}: ${r.output.slice(-800)}`);
    });
    await timed('invoke', async () => {
      const r = await p.run('echo | faas-cli invoke hello-openfaas');
      must(r.code === 0 && r.output.includes('Hello OpenFaaS'), `invoke exited ${r.code}: ${r.output.slice(-500)}`);
    });
    await timed('check', async () => {
      const r = await p.api('POST', '/api/checks', { lab: '03-functions', step: '03-build-deploy-invoke', id: 'hello-answers' });
      must(r.status === 200 && r.json.passed === true, `check: ${r.status} ${JSON.stringify(r.json)}`);
      passedAt.set(p.name, Date.now());
    });
  } catch (err) {
    return { times, failed: { step, why: (err as Error).message }, lost: false };
  }
  const kept = await p.api('GET', `/api/workspace/file?path=${encodeURIComponent('lab3/hello-openfaas/handler.py')}`);
  return { times, lost: kept.json?.content !== HANDLER };
}

const setup = spawn('npx', ['tsx', 'scripts/setup.ts'], { env, stdio: 'inherit' });
if ((await new Promise((r) => setup.on('exit', r))) !== 0) throw new Error('set-up failed');
const server = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'pipe', 'inherit'] });
let out = '';
server.stdout!.on('data', (d) => { out += d; });
const people: Participant[] = [];
try {
  for (let i = 0; i < 120 && !out.includes('ready on'); i++) await new Promise((r) => setTimeout(r, 500));
  const host = new Participant(base, 'instructor');
  const login = await host.api('POST', '/api/instructor/login', instructor);
  if (login.status !== 200) throw new Error(`instructor login: ${login.status} ${JSON.stringify(login.json)}`);
  const made = await host.api('POST', '/api/instructor/workshops', {
    title: 'Bench room', labs: ['03-functions'], capacity: N, startsAt: new Date(Date.now() - 60_000).toISOString(),
    endsAt: new Date(Date.now() + 3 * 3600_000).toISOString(), sandboxLifetimeMinutes: 120, poolSize: N,
  });
  if (made.status !== 201) throw new Error(`new session: ${made.status} ${JSON.stringify(made.json)}`);
  const code: string = made.json.workshop.joinCode;
  const id: string = made.json.workshop.id;

  // The session's sandboxes made ahead, before anyone arrives, followed as the room page shows them.
  const t0 = Date.now();
  const pool = async () => (await host.api('GET', `/api/instructor/workshops/${id}/roster`)).json.pool as { wanted: number; ready: number };
  for (let last = -1, p = await pool(); p.ready < N; await new Promise((r) => setTimeout(r, 2000)), p = await pool()) {
    if (p.ready !== last) console.log(`[room] made ahead: ${(last = p.ready)} of ${p.wanted} ready (${seconds(Date.now() - t0)})`);
    if (Date.now() - t0 > N * 15_000) throw new Error(`the session's pool did not fill: ${p.ready} of ${N}`);
  }
  const fill = Date.now() - t0;
  await new Promise((r) => setTimeout(r, 5000)); // let the machine settle

  // The instructor's roster, polled as fast as it answers (the room page polls every 3 s): when
  // does each participant's passed check show, and how long does an answer take meanwhile?
  const seenAt = new Map<string, number>();
  const rosterMs: number[] = [];
  let polling = true;
  const poller = (async () => {
    while (polling) {
      const t = Date.now();
      const r = await host.api('GET', `/api/instructor/workshops/${id}/roster`);
      rosterMs.push(Date.now() - t);
      if (r.status !== 200) throw new Error(`roster: ${r.status} ${JSON.stringify(r.json)}`);
      for (const m of r.json.members as { displayName: string; labs: { lab: string; checksPassed: number }[] }[]) {
        if (!seenAt.has(m.displayName) && m.labs.some((l) => l.lab === '03-functions' && l.checksPassed > 0)) seenAt.set(m.displayName, Date.now());
      }
      await new Promise((res) => setTimeout(res, 250));
    }
  })();

  let peak = memUsedMiB();
  const before = peak;
  const sampler = setInterval(() => { peak = Math.max(peak, memUsedMiB()); }, 500);
  const start = Date.now();
  for (let i = 0; i < N; i++) people.push(new Participant(base, `Participant ${i + 1}`));
  const results = await Promise.all(people.map((p) => cycle(p, code)));
  const wall = Date.now() - start;
  clearInterval(sampler);
  await new Promise((res) => setTimeout(res, 1000));
  polling = false;
  await poller;
  const delays = [...passedAt].map(([name, at]) => (seenAt.get(name) ?? NaN) - at);
  const unseen = delays.filter((d) => Number.isNaN(d)).length;
  const seen = delays.filter((d) => !Number.isNaN(d));

  const failures = results.filter((r) => r.failed);
  for (const f of failures) console.log(`[room] failed at ${f.failed!.step}: ${f.failed!.why}`);
  // What the server logged as a warning or an error (pino levels 40, 50, 60), to tell why.
  if (failures.length) for (const line of out.split('\n').filter((l) => /"level":(4|5|6)0/.test(l))) console.log(`[room] server: ${line.slice(0, 1000)}`);
  const lost = results.filter((r) => r.lost).length;
  const row = (s: Step) => {
    const xs = results.map((r) => r.times[s]).filter((x): x is number => x !== undefined);
    return `| ${s} | ${xs.length} | ${seconds(median(xs))} | ${seconds(pct(xs, 0.95))} | ${seconds(Math.max(...xs))} |`;
  };
  const section = [
    `Measured ${new Date().toISOString().slice(0, 10)} on ${machine()}, ${Math.round(os.totalmem() / 2 ** 30)} GB (\`npx tsx bench/room.ts\`, ${N} participants at once, a platform instance of its own, loopback; the session's ${N} sandboxes made ahead in ${seconds(fill)}):`,
    '',
    `**${failures.length} failures** (target 0), **${lost} lost files** (target 0); all ${N} done in ${seconds(wall)}; peak memory in use ${(peak / 1024).toFixed(1)} GiB (${(before / 1024).toFixed(1)} GiB before they came).`,
    '',
    '| step (each participant, all at once) | done | p50 | p95 | max |',
    '| --- | --- | --- | --- | --- |',
    ...STEPS.map(row),
    '',
    `The instructor's roster meanwhile (GET …/roster polled every 250 ms after each answer): a passed check shows in it after p50 ${seconds(median(seen))}, p95 ${seconds(pct(seen, 0.95))}${unseen ? ` (${unseen} passed checks never showed)` : ''}; its answer takes p50 ${seconds(median(rosterMs))}, p95 ${seconds(pct(rosterMs, 0.95))}. The room page polls every 3 s, which an instructor sees on top.`,
  ].join('\n');
  console.log(section);
  if (process.env.BENCH_WRITE !== '0') writeSection(path.resolve(import.meta.dirname, '..'), 'room', section);
} finally {
  for (const p of people) p.close();
  server.kill('SIGTERM');
  await new Promise((r) => setTimeout(r, 3000));
  await removeInstance(docker(), prefix);
  removeAllHomes(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
}
