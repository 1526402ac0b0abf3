import { expect, test } from '@playwright/test';
import { bench } from './workbench-kit';

const STEP = '/labs/02-test-things-out/03-the-cli';

test("the lesson page's terminal is a shell in the participant's sandbox, with faas-cli talking to their gateway, and it survives a reload", async ({ page }) => {
  const offsite: string[] = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (!['localhost', '127.0.0.1'].includes(u.hostname)) offsite.push(r.url()); });

  await page.goto(STEP);
  const b = bench(page);
  const screen = b.screen();
  await expect(b.status()).toHaveText('Connected');
  await expect(screen).toContainText('root@workshop:~#');
  // The header shows the sandbox the terminal just made at once, not at its next poll (30 s).
  await expect(page.getByTestId('sandbox-status')).toContainText(/Sandbox: .+ left/, { timeout: 5_000 });

  // tmux fills the whole terminal (its status line is the last row), not its 80x24 default.
  const rows = await screen.locator('.xterm-rows > div').count();
  expect(rows).toBeGreaterThan(24);
  await screen.click();
  await page.keyboard.type('echo "lines=$(tput lines)"');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText(`lines=${rows - 1}`);

  await page.keyboard.type('faas-cli version');
  await page.keyboard.press('Enter');
  await expect(screen).toContainText(/version:\s+0\.1\.0/);
  await expect(screen).toContainText(/orchestration:\s+swarm/);

  // A reload reconnects to the same tmux session: what was on the screen is still there.
  await page.reload();
  await expect(b.status()).toHaveText('Connected');
  await expect(screen).toContainText(/orchestration:\s+swarm/);

  expect(offsite, 'the page must work offline').toEqual([]);
});
