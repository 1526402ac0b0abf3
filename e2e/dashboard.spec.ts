import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { offsiteRequests } from './workbench-kit';

const STEP = '/labs/02-test-things-out/04-monitoring';

/** The participant's gateway URL and basic-auth header, as Lab 1 shows them (this makes the sandbox). */
async function gateway(page: Page) {
  await page.goto('/labs/01-prepare/02-your-gateway');
  const url = (await page.getByTestId('gateway-url').textContent({ timeout: 60_000 }))!;
  const password = (await page.getByTestId('gateway-password').textContent())!;
  return { url, auth: { Authorization: `Basic ${Buffer.from(`admin:${password}`).toString('base64')}` } };
}

const invoke = async (request: APIRequestContext, url: string, n: number) => {
  for (let i = 0; i < n; i++) expect((await request.post(`${url}/function/figlet`, { data: `hi ${i}` })).status()).toBe(200);
};

test('the Dashboard tab shows a newcomer what to do, then charts their calls live, without a reload', async ({ page, request }, info) => {
  const offsite = offsiteRequests(page);
  const gw = await gateway(page);
  // figlet from the store, deployed through the gateway as `faas-cli store deploy figlet` does
  const deployed = await request.post(`${gw.url}/system/functions`, { headers: gw.auth, data: { service: 'figlet', image: 'ghcr.io/openfaas/figlet:latest' } });
  expect(deployed.status()).toBe(202);

  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto(STEP);
  await page.getByRole('tab', { name: 'Dashboard', exact: true }).click();
  const pane = page.getByRole('tabpanel', { name: 'Dashboard' });
  await expect(pane.getByRole('note')).toContainText('No invocations yet');
  await expect(pane.getByRole('note')).toContainText('for i in $(seq 1 50); do echo hi | faas-cli invoke figlet; done');
  // Replicas come from the gateway's gateway_service_count, scraped every 15 s.
  const replicas = pane.locator('[data-panel="replicas"]');
  await expect(replicas.locator('[data-series="figlet"] .now')).toHaveText('1', { timeout: 90_000 });
  await page.screenshot({ path: info.outputPath('dashboard-empty-wide.png') });

  await invoke(request, gw.url, 10);
  const count = pane.locator('[data-panel="count"] [data-series="figlet 200"] .now');
  await expect(count).toHaveText('10', { timeout: 90_000 });
  await expect(pane.getByRole('note')).toHaveCount(0);
  await expect(pane.locator('[data-panel="count"] canvas')).toBeVisible();
  const rate = pane.locator('[data-panel="invocations"] [data-series="figlet 200"] .now');
  await expect(rate).toHaveText(/req\/s$/, { timeout: 90_000 });
  await expect(pane.locator('[data-panel="duration"] [data-series="figlet p95"] .now')).toHaveText(/\d+(\.\d+)? m?s$/);

  // More calls: the same chart moves on its own.
  await invoke(request, gw.url, 5);
  await expect(count).toHaveText('15', { timeout: 90_000 });
  await page.screenshot({ path: info.outputPath('dashboard-wide.png') });
  await pane.locator('[data-panel="replicas"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: info.outputPath('dashboard-wide-replicas.png') });

  // The 60 min window asks again at once; narrow, the panels stack and stay readable.
  await pane.getByRole('button', { name: '60 min' }).click();
  await expect(pane.getByRole('button', { name: '60 min' })).toHaveAttribute('aria-pressed', 'true');
  const hour = await page.request.get('/api/metrics?window=60');
  expect(hour.status()).toBe(200);
  const body = await hour.json();
  expect(body.step).toBe(24);
  expect(body.times.length).toBeLessThanOrEqual(151);
  // The browser picks a window and panels, never a query: anything else is refused, saying what to send.
  const badWindow = await page.request.get('/api/metrics?window=7');
  expect(badWindow.status()).toBe(400);
  expect((await badWindow.json()).error.message).toContain('window must be 5, 15, 60');
  const badPanel = await page.request.get(`/api/metrics?panels=${encodeURIComponent('up{sandbox=~".*"}')}`);
  expect(badPanel.status()).toBe(400);
  expect((await badPanel.json()).error).toMatchObject({ code: 'invalid', hint: expect.stringContaining('panels=invocations,count,duration,replicas') });
  // after the next poll, too: the hour's answer has the same calls
  const shown = await pane.locator('.live').textContent();
  await expect(pane.locator('.live')).not.toHaveText(shown!, { timeout: 15_000 });
  await expect(count).toHaveText('15');
  await expect(pane.getByRole('note')).toHaveCount(0);
  await page.setViewportSize({ width: 420, height: 860 });
  const box = await pane.locator('[data-panel="count"]').boundingBox();
  expect(box!.width).toBeLessThanOrEqual(420);
  await page.screenshot({ path: info.outputPath('dashboard-narrow.png'), fullPage: true });
  expect(offsite).toEqual([]);
});
