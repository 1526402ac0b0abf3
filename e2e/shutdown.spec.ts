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

test('stopping the platform mid-run finishes the run first and leaves no half-made objects in the swarm', async ({ page }) => {
  expect(spawnSync('npx', ['tsx', 'scripts/setup.ts'], { env, stdio: 'ignore' }).status).toBe(0);
  const srv = spawn(process.execPath, ['--import', 'tsx', 'server.ts'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  server = srv;
  let out = '';
  srv.stdout!.on('data', (d) => { out += d; });
  await expect.poll(() => out, { timeout: 60_000 }).toContain('ready on');
  const exited = new Promise<number | null>((r) => srv.on('exit', r));

  await page.goto(`http://localhost:${port}/labs/03-functions/02-hello-openfaas`);
  const runner = page.getByRole('region', { name: 'Function hello-openfaas' });
  await runner.getByRole('textbox', { name: 'Request body' }).fill('before shutdown');
  await runner.getByRole('button', { name: 'Run' }).click();
  await expect(runner.getByLabel('Progress').locator('.active')).toBeVisible();
  srv.kill('SIGTERM'); // while the sandbox is being made

  await expect(runner.getByTestId('function-output')).toHaveText('before shutdown');
  expect(await exited).toBe(0);
  expect(out).toContain('SIGTERM: stopping; waiting for 1 running job(s)');

  // Whatever exists is whole: every service of the instance has its task running.
  const services = await docker().listServices({ filters: ownedFilter(prefix) });
  expect(services.map((s) => s.Spec?.Labels?.['io.faaslab.component']).sort()).toEqual(['function', 'gateway', 'nats', 'prometheus', 'shell']);
  for (const s of services) {
    const tasks = await listServiceTasks(docker(), s.Spec!.Name!);
    expect(tasks.filter((t) => t.state === 'running'), s.Spec!.Name!).toHaveLength(1);
  }
});
