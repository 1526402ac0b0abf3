import { randomBytes } from 'node:crypto';
import os from 'node:os';
import path from 'node:path';
import { defineConfig } from '@playwright/test';

// One throw-away platform instance for the whole run: its own prefix (Docker labels) and data
// directory. Set once here; Playwright's workers inherit the environment.
process.env.FAASLAB_E2E_PREFIX ??= `teste2e${randomBytes(3).toString('hex')}`.slice(0, 16);
process.env.FAASLAB_E2E_DATA ??= path.join(os.tmpdir(), `faaslab-${process.env.FAASLAB_E2E_PREFIX}`);
const port = Number(process.env.FAASLAB_E2E_PORT ?? 3100);
// The run's first instructor (e2e/instructor-join.spec.ts logs in as them).
process.env.FAASLAB_E2E_INSTRUCTOR_EMAIL ??= 'instructor@example.org';
process.env.FAASLAB_E2E_INSTRUCTOR_PASSWORD ??= `e2e-${randomBytes(9).toString('hex')}`;

export default defineConfig({
  testDir: 'e2e',
  timeout: 240_000,
  expect: { timeout: 120_000 },
  workers: 1,
  reporter: [['list']],
  globalTeardown: './e2e/global-teardown.ts',
  use: {
    baseURL: `http://localhost:${port}`,
    launchOptions: {
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
    },
  },
  webServer: {
    command: 'npx tsx scripts/setup.ts && npx tsx server.ts',
    url: `http://localhost:${port}/`,
    timeout: 180_000,
    reuseExistingServer: false,
    env: {
      PORT: String(port),
      NODE_ENV: 'production',
      FAASLAB_PREFIX: process.env.FAASLAB_E2E_PREFIX,
      FAASLAB_DATA_DIR: process.env.FAASLAB_E2E_DATA,
      FAASLAB_INSTRUCTOR_EMAIL: process.env.FAASLAB_E2E_INSTRUCTOR_EMAIL,
      FAASLAB_INSTRUCTOR_PASSWORD: process.env.FAASLAB_E2E_INSTRUCTOR_PASSWORD,
    },
  },
});
