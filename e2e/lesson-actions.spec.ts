import { expect, test, type Page } from '@playwright/test';
import { bench, offsiteRequests, run } from './workbench-kit';

const LAB3 = '/labs/03-functions';

/** Press the button of the n-th block with this action on the page, and wait for its ✓. */
async function act(page: Page, action: string, n = 0, done: RegExp | string = /./) {
  const block = page.locator(`.lesson-code[data-action="${action}"]`).nth(n);
  await block.scrollIntoViewIfNeeded();
  await block.locator('.lesson-code__run').click();
  await expect(block.getByRole('status')).toHaveAttribute('data-ok', 'true', { timeout: 180_000 });
  await expect(block.getByRole('status')).toContainText(done);
  return block;
}

test('every kind of lesson action does what it says: switch tab, run in a terminal, open a file at a line, replace, write, append, check', async ({ page }) => {
  const offsite = offsiteRequests(page);
  const b = bench(page);
  // workbench:tab switches the workbench's tab.
  await page.goto('/labs/01-prepare/01-welcome');
  await expect(b.terminalTab()).toHaveAttribute('aria-selected', 'true');
  await act(page, 'workbench:tab', 0);
  await expect(b.editorTab()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('complementary', { name: 'Files' })).toBeVisible();

  await page.goto(`${LAB3}/02-hello-openfaas`);
  await run(page, 'mkdir -p ~/lab3 && clear');

  // terminal:execute types the block into terminal 1, Enter included.
  await act(page, 'terminal:execute', 0, 'Sent to terminal 1');
  await expect(b.terminalTab()).toHaveAttribute('aria-selected', 'true');
  await expect(b.screen()).toContainText('faas-cli new --lang python3 hello-openfaas');
  await expect(b.screen()).toContainText('Function created in folder: hello-openfaas');

  // editor:open-file opens the file in the editor (at its line).
  await act(page, 'editor:open-file', 0, 'Opened lab3/hello-openfaas.yml');
  await expect(b.editorTab()).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tab', { name: 'hello-openfaas.yml' })).toHaveAttribute('aria-selected', 'true');
  await expect(b.code().locator('.view-lines')).toContainText('lang: python3');
  await act(page, 'editor:open-file', 1, 'Opened lab3/hello-openfaas/handler.py at line 7');
  await expect(b.code().locator('.view-lines')).toContainText('return req');

  // editor:replace changes the file in the editor, saved: the shell sees it.
  await act(page, 'editor:replace', 0, /Changed lab3\/hello-openfaas\/handler.py: saved/);
  await expect(b.code().locator('.view-lines')).toContainText('return "Hello OpenFaaS"');
  await run(page, 'clear; echo "count=$(grep -c "Hello OpenFaaS" ~/lab3/hello-openfaas/handler.py)"');
  await expect(b.screen()).toContainText('count=1');

  // check runs the step's check in the sandbox: it fails before the function is up, then passes.
  await page.goto(`${LAB3}/03-build-deploy-invoke`);
  const check = page.locator('.lesson-code[data-action="check"]').first();
  await expect(check).toContainText('hello-openfaas answers "Hello OpenFaaS"');
  await check.locator('.lesson-code__run').click();
  await expect(check.getByRole('status')).toHaveAttribute('data-ok', 'false', { timeout: 60_000 });
  await expect(check.getByRole('status')).toContainText('hello-openfaas does not answer yet');
  // the hint of the step's checks.yaml says what to do
  await expect(check.locator('.lesson-code__hint')).toContainText('run faas-cli up -f hello-openfaas.yml in ~/lab3 again');
  await act(page, 'terminal:execute', 0);
  await expect(b.screen()).toContainText(/Deployed\. 20[02]/, { timeout: 180_000 });
  await check.locator('.lesson-code__run').click();
  await expect(check.getByRole('status')).toHaveAttribute('data-ok', 'true', { timeout: 60_000 });

  // editor:write-file makes or replaces a whole file; editor:append-lines adds to the end.
  await page.goto(`${LAB3}/04-astronaut-finder`);
  const newFn = page.locator('.lesson-code[data-action="terminal:execute"]').filter({ hasText: 'faas-cli new --lang python3 astronaut-finder' });
  await newFn.locator('.lesson-code__run').click();
  await expect(b.screen()).toContainText('Function created in folder: astronaut-finder');
  await act(page, 'editor:write-file', 0, /Wrote lab3\/astronaut-finder\/requirements.txt: saved/);
  await expect(page.getByRole('tab', { name: 'requirements.txt' })).toHaveAttribute('aria-selected', 'true');
  await page.goto(`${LAB3}/05-logs-and-debugging`);
  await act(page, 'editor:append-lines', 0, /Added 2 line\(s\) to lab3\/astronaut-finder.yml: saved/);
  await run(page, 'clear; tail -2 ~/lab3/astronaut-finder.yml');
  await expect(b.screen()).toContainText('write_debug: true');
  await run(page, 'clear; cat ~/lab3/astronaut-finder/requirements.txt');
  await expect(b.screen()).toContainText('requests');

  expect(offsite, 'the page must work offline').toEqual([]);
});
