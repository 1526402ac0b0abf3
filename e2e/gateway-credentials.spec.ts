import { expect, test } from '@playwright/test';

test("Lab 1 shows the participant's own gateway URL and password, and they work from outside like an OpenFaaS gateway", async ({ page, request }) => {
  await page.goto('/labs/01-prepare/02-your-gateway');
  const url = (await page.getByTestId('gateway-url').textContent({ timeout: 60_000 }))!;
  const password = (await page.getByTestId('gateway-password').textContent())!;
  // its own port: the gateway at the root of a URL, as every OpenFaaS client needs it
  expect(url).toMatch(/^http:\/\/localhost:\d+$/);
  expect(url).not.toBe(new URL(page.url()).origin);
  await expect(page.getByLabel('Your gateway')).toContainText('faas-cli login --username admin --password-stdin');
  const secret = (await page.getByTestId('payload-secret').textContent())!;
  expect(secret).toMatch(/^[0-9a-f]{40}$/);
  await expect(page.getByTestId('laptop-commands')).toContainText('faas-cli up --remote-builder $OPENFAAS_URL --payload-secret payload-secret.txt');
  await expect(page.getByTestId('gateway-path-url')).toHaveText(/^http:\/\/localhost:\d+\/gateway\/[a-z0-9]{10}$/);

  // The same calls faas-cli makes: login checks GET /system/functions with basic auth.
  const basic = `Basic ${Buffer.from(`admin:${password}`).toString('base64')}`;
  expect((await request.get(`${url}/system/functions`)).status()).toBe(401);
  const list = await request.get(`${url}/system/functions`, { headers: { Authorization: basic } });
  expect(list.status()).toBe(200);
  expect(await list.json()).toEqual([]);
  const info = await request.get(`${url}/system/info`, { headers: { Authorization: basic } });
  expect((await info.json()).provider.orchestration).toBe('swarm');
  expect((await request.get(`${url}/healthz`)).status()).toBe(200);
  // the older path form reaches the same gateway
  const viaPath = await request.get(`${await page.getByTestId('gateway-path-url').textContent()}/system/functions`, { headers: { Authorization: basic } });
  expect(viaPath.status()).toBe(200);

  // Another participant (a fresh browser context) gets a different gateway and password.
  const other = await page.context().browser()!.newContext();
  const p2 = await other.newPage();
  await p2.goto('/labs/01-prepare/02-your-gateway');
  const url2 = await p2.getByTestId('gateway-url').textContent({ timeout: 60_000 });
  expect(url2).not.toBe(url);
  const pw2 = await p2.getByTestId('gateway-password').textContent();
  const cross = await request.get(`${url}/system/functions`, { headers: { Authorization: `Basic ${Buffer.from(`admin:${pw2}`).toString('base64')}` } });
  expect(cross.status()).toBe(401);
  await other.close();
});
