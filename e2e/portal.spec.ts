import { expect, test } from '@playwright/test';
import { bench, offsiteRequests, run } from './workbench-kit';

const STEP = '/labs/02-test-things-out/01-the-portal';

test('Portal tab: deploy figlet from the store, see it Ready, invoke it, watch the count rise without reload, scale it, delete it', async ({ page }) => {
  const offsite = offsiteRequests(page);
  await page.goto(STEP);
  // a mark on the page's window: gone if anything reloads the page
  await page.evaluate(() => { (window as unknown as { portalMark: number }).portalMark = 1; });
  await page.getByRole('tab', { name: 'Portal', exact: true }).click();
  const portal = page.getByRole('tabpanel', { name: 'Portal' });
  await expect(portal.getByText('No functions yet.')).toBeVisible();

  await portal.getByRole('button', { name: 'Deploy New Function' }).click();
  const store = portal.getByRole('region', { name: 'Deploy a function from the store' });
  await store.getByRole('radio', { name: /^figlet/ }).check();
  await expect(store).toContainText('faas-cli store deploy figlet');
  await store.getByRole('button', { name: 'Deploy' }).click();
  await expect(store).toBeHidden();
  await expect(portal.getByRole('status')).toContainText('Deployed figlet');

  const row = portal.getByRole('table', { name: 'Your functions' }).locator('tr[data-function="figlet"]');
  await expect(row.getByText('Ready', { exact: true })).toBeVisible({ timeout: 60_000 });
  await expect(row.locator('td[data-label="Replicas"]')).toHaveText('1 / 1');
  await expect(row.locator('td[data-label="Image"]')).toContainText('figlet');
  await expect(row.locator('td[data-label="Invocations"]')).toHaveText('0');

  // The invoke panel opened on the function just deployed.
  const invoke = portal.getByRole('region', { name: 'Invoke figlet' });
  await invoke.getByLabel(/Request body/).fill('Hi');
  await invoke.getByRole('button', { name: 'Invoke', exact: true }).click();
  await expect(invoke.getByTestId('response-status')).toHaveText('200 OK');
  await expect(invoke.getByTestId('response-body')).toContainText('| |_| |');
  await expect(invoke.getByTestId('response-duration')).toHaveText(/^\d+ ms$/);
  await expect(row.locator('td[data-label="Invocations"]')).toHaveText('1');

  // A call from the terminal shows in the list too: the list is live, not only refreshed by the portal's own calls.
  await run(page, 'echo terminal | faas-cli invoke figlet');
  await expect(bench(page).screen()).toContainText('|_|');
  await page.getByRole('tab', { name: 'Portal', exact: true }).click();
  await expect(row.locator('td[data-label="Invocations"]')).toHaveText('2', { timeout: 15_000 });

  await row.getByRole('button', { name: 'Scale' }).click();
  await row.getByLabel('Replicas').fill('2');
  await row.getByRole('button', { name: 'Set' }).click();
  await expect(portal.getByRole('status')).toContainText('Scaled figlet to 2 replicas.');
  await expect(row.locator('td[data-label="Replicas"]')).toHaveText('2 / 2', { timeout: 60_000 });

  await row.getByRole('button', { name: 'Delete' }).click();
  await row.getByRole('group', { name: 'Delete figlet?' }).getByRole('button', { name: 'Delete' }).click();
  await expect(row).toHaveCount(0, { timeout: 60_000 });
  await expect(portal.getByText('No functions yet.')).toBeVisible();

  expect(await page.evaluate(() => (window as unknown as { portalMark?: number }).portalMark)).toBe(1);
  expect(offsite).toEqual([]);
});
