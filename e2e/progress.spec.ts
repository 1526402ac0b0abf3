import { expect, test, type Page } from '@playwright/test';
import { offsiteRequests, run, shoot } from './workbench-kit';

const PORTAL = '/labs/02-test-things-out/01-the-portal';
const LAB2 = '/labs/02-test-things-out';

/** Press the step's check until it passes (markdown takes a few seconds to be Ready). */
async function passCheck(page: Page) {
  const check = page.locator('.lesson-code[data-action="check"]').first();
  await check.scrollIntoViewIfNeeded();
  await expect(async () => {
    await check.locator('.lesson-code__run').click();
    await expect(check.getByRole('status')).toHaveAttribute('data-ok', 'true', { timeout: 20_000 });
  }).toPass({ timeout: 120_000, intervals: [2_000] });
}

test('a passed check shows on the catalogue and the lab overview; Continue goes back to the step; a reset says which checks to redo', async ({ page }) => {
  const offsite = offsiteRequests(page);
  // a newcomer: no Continue, every lab at 0
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Lab 2: Test things out' })).toContainText('0 of 4 steps done');
  await expect(page.getByTestId('continue')).toHaveCount(0);

  // the lesson's step 1 in the terminal, then its check
  await page.goto(PORTAL);
  await run(page, 'faas-cli store deploy markdown');
  await passCheck(page);
  // the step list is drawn by the server: opened again, it counts the step done
  await page.reload();
  await expect(page.locator('nav.steps summary')).toContainText('1 done');
  await page.locator('nav.steps summary').click();
  await expect(page.locator('nav.steps li .step-mark').first()).toHaveClass(/done/);
  await shoot(page, 'step-nav');

  // the next step opened but its check not passed (opened, not done), then the catalogue: Lab 2
  // has 1 of 4 done, and Continue is the step opened last
  await page.goto(`${LAB2}/02-the-function-store`);
  await page.goto(PORTAL);
  await page.goto('/');
  const lab2 = page.getByRole('region', { name: 'Lab 2: Test things out' });
  await expect(lab2).toContainText('1 of 4 steps done');
  await expect(lab2.getByRole('progressbar')).toHaveAttribute('aria-valuenow', '1');
  await expect(lab2.locator('li .step-mark')).toHaveClass([/done/, /started/, /not-started/, /not-started/]);
  const portalTitle = (await page.locator(`.lab-card a[href="${PORTAL}"]`).first().textContent())!;
  await expect(page.getByTestId('continue')).toHaveText(`Continue: ${portalTitle} →`);
  await shoot(page, 'catalogue');

  // the lab's overview: the first step done with its check, the second opened, the others not started
  await lab2.getByRole('heading').getByRole('link').click();
  await expect(page).toHaveURL(LAB2);
  const statuses = page.getByTestId('step-status');
  await expect(statuses).toHaveText(['Done: its check passed', 'Opened · 0 of 1 check passed', /^Not started/, /^Not started/]);
  await shoot(page, 'lab-overview');

  // Continue lands on the step, and that step's check is recorded as passed
  await page.goto('/');
  await page.getByTestId('continue').click();
  await expect(page).toHaveURL(PORTAL);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(portalTitle);
  const recorded = await page.evaluate(async () => (await fetch('/api/checks?lab=02-test-things-out&step=01-the-portal')).json());
  expect(recorded.checks['markdown-ready']).toMatchObject({ passed: true, redo: false });
  const bad = await page.evaluate(async () => { const r = await fetch('/api/checks?lab=02-test-things-out'); return { status: r.status, body: await r.json() }; });
  expect(bad.status).toBe(400);
  expect(bad.body.error.message).toContain('step');

  // a reset keeps the progress and lists the check to run again, with a link to its step
  await page.getByRole('button', { name: 'Reset…' }).click();
  await page.getByRole('button', { name: 'Reset now' }).click();
  const redo = page.getByTestId('sandbox-redo');
  await expect(redo).toContainText('1 check passed in your old sandbox', { timeout: 180_000 });
  await expect(redo.getByRole('link')).toContainText('markdown-ready (Lab 2 step 1');
  await shoot(page, 'after-reset');
  await expect(page.locator('.step-redo')).toContainText('markdown-ready');
  const again = await page.evaluate(async () => (await fetch('/api/checks?lab=02-test-things-out&step=01-the-portal')).json());
  expect(again.checks['markdown-ready']).toMatchObject({ passed: true, redo: true });
  await redo.getByRole('link').click();
  await expect(redo).toHaveCount(0);
  await page.goto('/');
  await expect(page.getByRole('region', { name: 'Lab 2: Test things out' })).toContainText('1 of 4 steps done');
  await expect(page.locator('.continue-card .redo-list')).toContainText('markdown-ready');
  expect(offsite).toEqual([]);
});
