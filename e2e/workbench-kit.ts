import { expect, test, type Locator, type Page } from '@playwright/test';

/** What e2e tests do on the workbench, the way a participant does it. */
export const bench = (page: Page) => ({
  terminalTab: () => page.getByRole('tab', { name: 'Terminal', exact: true }),
  editorTab: () => page.getByRole('tab', { name: 'Editor', exact: true }),
  /** The terminal on show. */
  screen: (): Locator => page.getByRole('tabpanel', { name: 'Terminal' }).locator('.terminal-view:not([hidden])').getByTestId('terminal'),
  status: (): Locator => page.getByRole('tabpanel', { name: 'Terminal' }).locator('.terminal-view:not([hidden])').getByTestId('terminal-status'),
  tree: () => page.getByRole('tree', { name: 'Your files' }),
  code: () => page.locator('.editor-pane .monaco-editor').first(),
});

/** Show the terminal, type a command line and press Enter. */
export async function run(page: Page, command: string): Promise<void> {
  const b = bench(page);
  await b.terminalTab().click();
  await expect(b.status()).toHaveText('Connected');
  await b.screen().click();
  await page.keyboard.type(command);
  await page.keyboard.press('Enter');
}

/** Open a file from the tree, unfolding the folders on the way. */
export async function openFromTree(page: Page, path: string): Promise<void> {
  const b = bench(page);
  await b.editorTab().click();
  const parts = path.split('/');
  for (let i = 1; i < parts.length; i++) {
    const dir = b.tree().locator(`[data-path="${parts.slice(0, i).join('/')}"]`);
    await expect(dir).toBeVisible();
    if ((await dir.getAttribute('aria-expanded')) !== 'true') await dir.click();
  }
  await b.tree().locator(`[data-path="${path}"]`).click();
  await expect(page.getByRole('tab', { name: parts.at(-1) })).toHaveAttribute('aria-selected', 'true');
}

/** Replace the open file's whole text the way a person would: click, select all, type. */
export async function replaceText(page: Page, text: string): Promise<void> {
  const code = bench(page).code();
  await code.click();
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  // insertText sends the text as one input, so Monaco's auto-indent/auto-close don't alter it
  await page.keyboard.insertText(text);
}

/** Watch for requests to anything but this machine: the product must work offline. */
export function offsiteRequests(page: Page): string[] {
  const offsite: string[] = [];
  page.on('request', (r) => { const u = new URL(r.url()); if (!['localhost', '127.0.0.1'].includes(u.hostname)) offsite.push(r.url()); });
  return offsite;
}

/** Pictures to look at, wide and narrow, in the test's output folder. */
export async function shoot(page: Page, name: string) {
  for (const [w, h, size] of [[1400, 900, 'wide'], [420, 860, 'narrow']] as const) {
    await page.setViewportSize({ width: w, height: h });
    await page.screenshot({ path: test.info().outputPath(`${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1400, height: 900 });
}
