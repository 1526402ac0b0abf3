import { expect, test, type Locator, type Page } from '@playwright/test';
import { bench, offsiteRequests } from './workbench-kit';

// Labs 1-3 from start to finish as one participant does them in the browser: from the
// catalogue, step after step through the pager, pressing every button of every lesson in the
// order of the page (Run in terminal, the editor actions, the tab switches) and typing into the
// terminal where the lesson says to type. Each check of a page is pressed when the page opens
// (it must fail: nothing is done yet) and again where it stands (it must pass). At the end the
// catalogue and every lab's overview show every step done.
// Server side, test/integration/lessons-walkthrough.test.ts walks the same blocks and asserts
// each command's exit code; here the terminal is what tells.

const SHOTS = new Set(['01-the-portal', '04-monitoring', '03-build-deploy-invoke', '09-custom-binary']);
let marks = 0;

/** The visible terminal's text. */
const screenText = async (page: Page) => (await bench(page).screen().locator('.xterm-rows').textContent()) ?? '';

/**
 * Wait until the command just sent to the terminal has finished: type `echo "walk-N-$?"` after
 * it (the shell reads it once the command is done, as it would read a participant's typing
 * ahead) and wait for its output; the exit status of the block's last command must be 0
 * (130 when it was stopped with Ctrl+C).
 */
async function waitForPrompt(page: Page, what: string, expected = '0', timeout = 300_000) {
  const n = ++marks;
  await page.keyboard.type(`echo "walk-${n}-$?"`);
  await page.keyboard.press('Enter');
  const status = new RegExp(`walk-${n}-(\\d+)`);
  await expect.poll(async () => status.exec(await screenText(page))?.[1], { message: `${what} did not finish`, timeout, intervals: [250, 500, 1000] }).toBeDefined();
  const code = status.exec(await screenText(page))![1];
  expect(code, `${what} exited with ${code}; the terminal shows:\n${await screenText(page)}`).toBe(expected);
}

/** Press a block's button and wait for its ✓ beside the block. */
async function press(block: Locator, timeout = 120_000) {
  await block.locator('.lesson-code__run').click();
  const status = block.getByRole('status');
  await expect(status).toHaveAttribute('data-ok', /true|false/, { timeout });
  expect(await status.getAttribute('data-ok'), `${await block.textContent()}\n→ ${await status.textContent()}`).toBe('true');
}

/** Press a check, and again while what it checks settles (a function takes seconds to be Ready). */
async function passCheck(block: Locator) {
  const status = block.getByRole('status');
  await expect(async () => {
    await block.locator('.lesson-code__run').click();
    await expect(status).toHaveAttribute('data-ok', /true|false/, { timeout: 60_000 });
    expect(await status.getAttribute('data-ok'), `${await block.getAttribute('data-check')}: ${await status.textContent()}`).toBe('true');
  }).toPass({ timeout: 120_000, intervals: [3_000] });
  await expect(status).toContainText('✓ Passed');
}

/** Every action block and check of the page, in the order of the lesson. */
async function doStep(page: Page, url: string) {
  const b = bench(page);
  const blocks = page.locator('.lesson-code[data-action]');
  const checks = page.locator('.lesson-check');
  // Every check fails while its step is not done yet, and says what it found. (Pressed again
  // if nothing came: a click before the page is live, or the sandbox still being made, is lost.)
  for (let i = 0; i < await checks.count(); i++) {
    const check = checks.nth(i);
    const status = check.getByRole('status');
    await expect(async () => {
      await check.locator('.lesson-code__run').click();
      await expect(status).toHaveAttribute('data-ok', /true|false/, { timeout: 45_000 });
    }).toPass({ timeout: 180_000 });
    expect(await status.getAttribute('data-ok'), `${url}: ${await check.getAttribute('data-check')} passes before its step is done: ${await status.textContent()}`).toBe('false');
    await expect(check.locator('.lesson-code__output')).not.toBeEmpty();
  }
  const following: string[] = [];
  for (let i = 0; i < await blocks.count(); i++) {
    const block = blocks.nth(i);
    const kind = (await block.getAttribute('data-action'))!;
    const where = `${url} block ${i + 1} (${kind})`;
    if (kind === 'check') {
      await passCheck(block);
      continue;
    }
    await press(block);
    if (kind === 'workbench:tab') {
      const tab = (await block.getByRole('status').textContent())!.match(/the (\w+) tab/)![1];
      await expect(page.getByRole('tablist', { name: 'Workbench' }).getByRole('tab', { name: new RegExp(`^${tab}$`, 'i') })).toHaveAttribute('aria-selected', 'true');
    } else if (kind === 'terminal:execute') {
      const command = (await block.locator('code').textContent())!.trim();
      await expect(b.status()).toHaveText('Connected');
      if (/^faas-cli logs [a-z][a-z0-9-]*$/.test(command)) {
        // follows the logs until Ctrl+C: the lesson goes on in terminal 1 meanwhile
        await expect(b.screen()).toContainText('Listening on port', { timeout: 60_000 });
        following.push((await block.locator('.lesson-code__caption').textContent())!.replace('Terminal ', ''));
        continue;
      }
      if (/^faas-cli invoke [a-z][a-z0-9-]*$/.test(command)) {
        // waits for a body: type it, Enter, then Ctrl+D, as the lesson says
        await page.keyboard.type('# Hello');
        await page.keyboard.press('Enter');
        await page.keyboard.press('Control+D');
        await expect(b.screen()).toContainText('<h1>Hello</h1>', { timeout: 60_000 });
      }
      await waitForPrompt(page, where);
    } else {
      await expect(page.getByRole('tab', { name: 'Editor', exact: true })).toHaveAttribute('aria-selected', 'true');
    }
  }
  // stop what still follows its logs, and the terminal is back at its prompt
  for (const n of following) {
    await page.getByRole('tablist', { name: 'Terminals' }).getByRole('tab').filter({ hasText: n }).first().click();
    await b.screen().click();
    await page.keyboard.press('Control+C');
    await waitForPrompt(page, `${url}: faas-cli logs, stopped with Ctrl+C`, '130');
  }
}

async function shoot(page: Page, name: string) {
  await page.screenshot({ path: test.info().outputPath(`${name}.png`) });
}

test('a participant does every step of Labs 1-3 in the browser, and every check ends green', async ({ page }) => {
  test.setTimeout(60 * 60_000);
  const offsite = offsiteRequests(page);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.goto('/');
  const labs = page.locator('.lab-card');
  const labCount = await labs.count();
  expect(labCount).toBe(3);
  const titles: string[] = [];
  for (let l = 0; l < labCount; l++) {
    await page.goto('/');
    const card = page.locator('.lab-card').nth(l);
    titles.push((await card.getByRole('heading').textContent())!.trim());
    // the lab's overview, then its first step
    await card.getByRole('heading').getByRole('link').click();
    await expect(page.locator('h1')).toHaveText(titles[l]);
    const first = page.locator('a.title').first();
    const firstTitle = (await first.textContent())!.replace(/^\d+\.\s*/, '');
    await first.click();
    await expect(page.locator('article.step h1')).toHaveText(firstTitle);
    for (;;) {
      const url = new URL(page.url()).pathname;
      await doStep(page, url);
      const slug = url.split('/').at(-1)!;
      if (SHOTS.has(slug)) await shoot(page, slug);
      const next = page.locator('.pager a').last();
      const label = (await next.textContent())!;
      if (label.includes('Back to all labs')) break;
      await next.click();
      // the next step's page is the one on show (its heading), not the last one still
      await expect(page.locator('article.step h1')).toHaveText(label.replace(/\s*→$/, ''));
    }
  }

  // Every lab done on the catalogue, every step done with all its checks on each overview.
  await page.goto('/');
  for (const title of titles) {
    const region = page.getByRole('region', { name: title });
    const bar = region.getByRole('progressbar');
    await expect(bar).toHaveAttribute('aria-valuenow', (await bar.getAttribute('aria-valuemax'))!);
    await expect(region.locator('li .step-mark:not(.done)')).toHaveCount(0);
  }
  await expect(page.getByRole('region', { name: 'Where you left off' })).toContainText('You have done every step of every lab.');
  await shoot(page, 'catalogue-all-done');
  for (let l = 0; l < labCount; l++) {
    await page.goto('/');
    await page.locator('.lab-card').nth(l).getByRole('heading').getByRole('link').click();
    const statuses = page.getByTestId('step-status');
    for (const s of await statuses.all()) await expect(s).toContainText(/^Done/);
  }
  expect(offsite, 'the labs must work offline').toEqual([]);
});
