import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { docker } from '../lib/docker/client';
import { ownedFilter } from '../lib/docker/labels';
import { listServiceTasks } from '../lib/docker/services';
import { removeInstance } from '../lib/sandbox/remove';
import { removeAllHomes } from '../lib/workspace/home';
import { bench, openFromTree, run } from './workbench-kit';

// A second platform instance of its own, so it can be stopped without touching the main one.
const prefix = `teste2es${randomBytes(3).toString('hex')}`;
const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `faaslab-${prefix}-`));
const port = 3101;
const env = { ...process.env, PORT: String(port), NODE_ENV: 'production' as const, FAASLAB_PREFIX: prefix, FAASLAB_DATA_DIR: dataDir,
  FAASLAB_POOL_SIZE: '0' }; // exactly the sandbox the run makes, no warm pool beside it
let server: ChildProcess | undefined;

test.afterAll(async () => {
  server?.kill('SIGKILL');
  await removeInstance(docker(), prefix);
  removeAllHomes(dataDir);
  fs.rmSync(dataDir, { recursive: true, force: true });
});

function startServer(): { srv: ChildProcess; out: () => string; exited: Promise<number | null> } {
  const srv = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = srv;
  let out = '';
  srv.stdout!.on('data', (d) => { out += d; });
  return { srv, out: () => out, exited: new Promise((r) => srv.on('exit', r)) };
}

test('stopping the platform mid-deploy finishes the deploy first and leaves nothing half-made; started again, the terminal comes back to the same session with nothing shown twice', async ({ page }) => {
  expect(spawnSync('npx', ['tsx', 'scripts/setup.ts'], { env, stdio: 'ignore' }).status).toBe(0);
  const first = startServer();
  await expect.poll(first.out, { timeout: 60_000 }).toContain('ready on');

  await page.goto(`http://localhost:${port}/labs/03-functions/03-build-deploy-invoke`);
  const b = bench(page);
  await run(page, 'clear; faas-cli new --lang python3 shut && echo "marker-$((6*7))"');
  await expect(b.screen()).toContainText('marker-42');
  await openFromTree(page, 'shut/handler.py');
  const fn = page.getByRole('region', { name: 'Function shut' });
  await fn.getByRole('button', { name: 'Deploy' }).click();
  await expect(fn.getByLabel('Progress').locator('.active')).toBeVisible();
  first.srv.kill('SIGTERM'); // while the function is being built

  await expect(fn.getByTestId('function-output')).toHaveText('shut is deployed: press Invoke to call it.', { timeout: 180_000 });
  expect(await first.exited).toBe(0);
  expect(first.out()).toContain('SIGTERM: stopping; waiting for 1 running job(s)');

  // Whatever exists is whole: every service of the instance has its task running.
  const services = await docker().listServices({ filters: ownedFilter(prefix) });
  expect(services.map((s) => s.Spec?.Labels?.['io.faaslab.component']).sort()).toEqual(['function', 'gateway', 'nats', 'prometheus', 'shell']);
  for (const s of services) {
    const tasks = await listServiceTasks(docker(), s.Spec!.Name!);
    expect(tasks.filter((t) => t.state === 'running'), s.Spec!.Name!).toHaveLength(1);
  }

  // The server dropped the terminal's socket; the page keeps retrying and finds the same shell.
  await b.terminalTab().click();
  await expect(b.status()).toHaveText('Disconnected — retrying…');
  const second = startServer();
  await expect.poll(second.out, { timeout: 60_000 }).toContain('ready on');
  await expect(b.status()).toHaveText('Connected', { timeout: 60_000 });
  await expect(b.screen()).toContainText('marker-42');
  const screen = (await b.screen().locator('.xterm-rows').innerText());
  expect(screen.match(/marker-42/g), 'the output is shown once').toHaveLength(1);
  await run(page, 'echo "still-$((40+2))"');
  await expect(b.screen()).toContainText('still-42');
});
