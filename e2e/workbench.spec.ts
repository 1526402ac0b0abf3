import { expect, test } from '@playwright/test';
import { bench, offsiteRequests, openFromTree, replaceText, run } from './workbench-kit';

const STEP = '/labs/03-functions/03-build-deploy-invoke';

test('terminal, file tree and editor work on the same files: faas-cli new, edit and save, a change from the shell, Deploy then faas-cli invoke', async ({ page }) => {
  const offsite = offsiteRequests(page);
  const b = bench(page);
  await page.goto(STEP);
  // The lesson and the workbench sit side by side: nothing covers the lesson's text.
  const lesson = await page.getByLabel('Lesson', { exact: true }).boundingBox();
  const workbench = await page.getByRole('region', { name: 'Workbench' }).boundingBox();
  expect(lesson!.x + lesson!.width).toBeLessThanOrEqual(workbench!.x);

  await run(page, 'mkdir -p wb && cd wb && faas-cli new --lang python3 wbfn');
  await expect(b.screen()).toContainText('Function created in folder: wbfn');

  // The new folder is in the tree without a reload, and its handler opens in Monaco.
  await openFromTree(page, 'wb/wbfn/handler.py');
  await expect(b.code().locator('.view-lines')).toContainText('def handle(req):');
  await replaceText(page, 'def handle(req):\n    return "edited in the browser: " + req\n');
  await expect(page.getByRole('tab', { name: /handler\.py/ }).getByLabel('unsaved changes')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(page.getByRole('tab', { name: /handler\.py/ }).getByLabel('unsaved changes')).toHaveCount(0);
  await run(page, 'clear; cat wbfn/handler.py');
  await expect(b.screen()).toContainText('return "edited in the browser: " + req');

  // Changed in the shell while edited in the browser: nothing is overwritten; the participant chooses.
  await b.editorTab().click();
  await b.code().click();
  await page.keyboard.press('Control+End');
  await page.keyboard.insertText('# mine, not saved\n');
  await run(page, 'echo "# from the shell" >> wbfn/handler.py');
  await b.editorTab().click();
  const conflict = page.getByRole('alertdialog', { name: 'wb/wbfn/handler.py changed on disk' });
  await expect(conflict).toBeVisible();
  await conflict.getByRole('button', { name: 'Compare' }).click();
  await expect(conflict.getByLabel('Disk (left) and yours (right)')).toContainText('# from the shell');
  await conflict.getByRole('button', { name: 'Reload from disk' }).click();
  await expect(conflict).toBeHidden();
  await expect(b.code().locator('.view-lines')).toContainText('# from the shell');
  await expect(b.code().locator('.view-lines')).not.toContainText('# mine, not saved');

  // Deploy from the editor is faas-cli up in the shell: the terminal's faas-cli invoke answers with the edited code.
  await replaceText(page, 'def handle(req):\n    return "deployed from the editor"\n');
  const fn = page.getByRole('region', { name: 'Function wbfn' });
  await fn.getByRole('button', { name: 'Deploy' }).click();
  await expect(fn.getByLabel('Build log')).toContainText('faas-cli up -f wbfn.yml --filter wbfn');
  await expect(fn.getByTestId('function-output')).toHaveText('wbfn is deployed: press Invoke to call it.', { timeout: 180_000 });
  await fn.getByRole('button', { name: 'Invoke' }).click();
  await expect(fn.getByTestId('invoke-output')).toHaveText('deployed from the editor');
  await run(page, 'clear; echo | faas-cli invoke wbfn');
  await expect(b.screen()).toContainText('deployed from the editor');

  // A broken handler: Deploy says so with the CLI's own lines, and the deployed version keeps answering.
  await openFromTree(page, 'wb/wbfn/handler.py');
  await replaceText(page, 'def handle(req):\n    return "oops\n');
  await fn.getByRole('button', { name: 'Deploy' }).click();
  await expect(fn.getByRole('alert')).toContainText('faas-cli up failed', { timeout: 180_000 });
  await expect(fn.getByRole('alert')).toContainText('SyntaxError');
  await fn.getByRole('button', { name: 'Invoke' }).click();
  await expect(fn.getByTestId('invoke-output')).toHaveText('deployed from the editor');

  expect(offsite, 'the page must work offline').toEqual([]);
});

test('the file API refuses paths outside the workspace: .., absolute paths and symbolic links out', async ({ page }) => {
  await page.goto(STEP);
  await run(page, 'ln -sfn /etc ~/etc-link && echo linked');
  await expect(bench(page).screen()).toContainText('linked');
  const api = page.request;
  for (const path of ['../../etc/passwd', '/etc/passwd', 'etc-link/passwd']) {
    const read = await api.get(`/api/workspace/file?path=${encodeURIComponent(path)}`);
    expect(read.status(), path).toBe(400);
    expect((await read.json()).error.message, path).toMatch(/is not allowed/);
    const write = await api.put('/api/workspace/file', { data: { path, content: 'x', baseVersion: null } });
    expect(write.status(), path).toBe(400);
  }
  // The link itself is listed, and shown as a link; it is never followed.
  const tree = await (await api.get('/api/workspace/tree')).json();
  expect(tree.entries.find((e: { path: string }) => e.path === 'etc-link')?.type).toBe('symlink');
  expect(tree.entries.some((e: { path: string }) => e.path.startsWith('etc-link/'))).toBe(false);
});

test('several named terminals, each its own shell session; the layout and the open tab are remembered', async ({ page }) => {
  await page.goto(STEP);
  await run(page, 'export WHO=first');
  await page.getByRole('button', { name: 'New terminal' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveAttribute('aria-selected', 'true');
  const b = bench(page);
  await expect(b.status()).toHaveText('Connected');
  await b.screen().click();
  await page.keyboard.type('echo "who=${WHO:-nobody}"');
  await page.keyboard.press('Enter');
  await expect(b.screen()).toContainText('who=nobody');

  // Keyboard: Alt+Shift+L to the lesson, Alt+Shift+T back to the terminal.
  await page.keyboard.press('Alt+Shift+L');
  await expect(page.getByLabel('Lesson', { exact: true })).toBeFocused();
  await page.keyboard.press('Alt+Shift+E');
  await expect(b.editorTab()).toHaveAttribute('aria-selected', 'true');

  await page.reload();
  await expect(b.editorTab()).toHaveAttribute('aria-selected', 'true');
  await b.terminalTab().click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toBeVisible();
  await page.getByRole('button', { name: 'Close terminal 2' }).click();
  await expect(page.getByRole('tab', { name: 'Terminal 2' })).toHaveCount(0);

  // Collapsing the workbench gives the lesson the whole width; it comes back.
  await page.getByRole('button', { name: 'Hide workbench' }).click();
  await expect(page.getByRole('button', { name: 'Show workbench' })).toBeVisible();
  await page.getByRole('button', { name: 'Show workbench' }).click();
  await expect(b.terminalTab()).toBeVisible();
});
