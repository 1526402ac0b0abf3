import { expect, test, type Page } from '@playwright/test';

const STEP = '/labs/03-functions/02-hello-openfaas';

/** Replace the editor's whole text the way a person would: click, select all, type. */
async function replaceHandler(page: Page, code: string) {
  const editor = page.locator('.runner .monaco-editor').first();
  await editor.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText sends the text as one input, so Monaco's auto-indent/auto-close don't alter it
  await page.keyboard.insertText(code);
  await expect(editor.locator('.view-lines')).toContainText(code.split('\n')[1].trim());
}

test('from the catalogue to a live function: run, edit, run again, and a syntax error that keeps the old version', async ({ page }) => {
  const offsite: string[] = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (!['localhost', '127.0.0.1'].includes(u.hostname)) offsite.push(r.url()); });

  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Labs' })).toBeVisible();
  await page.getByRole('link', { name: /hello-openfaas/i }).first().click();
  await expect(page).toHaveURL(new RegExp(`${STEP}$`));

  const runner = page.getByRole('region', { name: 'Function hello-openfaas' });
  await expect(runner.locator('.monaco-editor')).toBeVisible();

  await replaceHandler(page, 'def handle(req):\n    return "Hello OpenFaaS, " + req\n');
  await runner.getByRole('textbox', { name: 'Request body' }).fill('workshop');
  await runner.getByRole('button', { name: 'Run' }).click();
  await expect(runner.getByLabel('Build log')).toContainText('Step');
  await expect(runner.getByTestId('function-output')).toHaveText('Hello OpenFaaS, workshop');

  await replaceHandler(page, 'def handle(req):\n    return req[::-1]\n');
  await runner.getByRole('button', { name: 'Run' }).click();
  await expect(runner.getByTestId('function-output')).toHaveText('pohskrow');

  await replaceHandler(page, 'def handle(req):\n    return "oops\n');
  await runner.getByRole('button', { name: 'Run' }).click();
  await expect(runner.getByRole('alert')).toContainText('SyntaxError in handler.py line 2');
  await expect(runner.getByRole('alert')).toContainText('previous version keeps serving');

  // The edited handler was saved: a reload shows the participant's text, not the starter.
  await page.reload();
  await expect(runner.locator('.monaco-editor .view-lines')).toContainText('return "oops');

  expect(offsite, 'the page must work offline').toEqual([]);
});
