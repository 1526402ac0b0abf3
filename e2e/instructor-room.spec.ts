import fs from 'node:fs';
import { expect, test, type Browser, type Page } from '@playwright/test';
import { bench, offsiteRequests, run, shoot } from './workbench-kit';

const EMAIL = process.env.FAASLAB_E2E_INSTRUCTOR_EMAIL!;
const PASSWORD = process.env.FAASLAB_E2E_INSTRUCTOR_PASSWORD!;
const WELCOME = '/labs/01-prepare/01-welcome';

/** A participant in a browser of their own joins by the link with a name. */
async function joinAs(browser: Browser, href: string, name: string, offsite: string[]): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  offsite.push(...offsiteRequests(page));
  await page.goto(href);
  await page.getByLabel('Your name').fill(name);
  await page.getByRole('button', { name: 'Join' }).click();
  await expect(page).toHaveURL(/\/labs\/01-prepare$/);
  return page;
}

/** Press a check of the welcome step and wait for its answer. */
async function pressCheck(page: Page, ok: boolean) {
  const check = page.locator('.lesson-check[data-check="gateway-noted"]');
  await check.scrollIntoViewIfNeeded();
  const status = check.getByRole('status');
  // wait for this press's own answer (the status already shows the previous press's)
  const answered = page.waitForResponse((r) => r.url().endsWith('/api/checks') && r.request().method() === 'POST', { timeout: 90_000 });
  await check.getByRole('button', { name: 'Check', exact: true }).click();
  await answered;
  await expect(status).toHaveAttribute('data-ok', String(ok));
  await expect(check.getByRole('button', { name: 'Check', exact: true })).toBeEnabled();
}

test('an instructor runs a room: two participants join, the roster follows their checks live, sandboxes are made ahead for the room, the instructor watches then takes over a terminal, resets one sandbox, a message reaches both and is taken down, the CSV has both, the session ends', async ({ browser }) => {
  test.setTimeout(600_000);
  const teacher = await (await browser.newContext({ acceptDownloads: true })).newPage();
  const offsite = offsiteRequests(teacher);
  await teacher.goto('/instructor/login');
  await teacher.getByLabel('Email').fill(EMAIL);
  await teacher.getByLabel('Password').fill(PASSWORD);
  await teacher.getByRole('button', { name: 'Log in' }).click();
  const form = teacher.getByRole('form', { name: 'New workshop session' });
  await form.getByLabel('Title').fill('Room of two');
  await form.getByLabel('Places').fill('5');
  await form.getByLabel('Sandboxes to make ahead').fill('2');
  await form.getByRole('button', { name: 'Create session' }).click();
  const card = teacher.getByRole('listitem', { name: 'Room of two' });
  const href = (await card.getByTestId('join-link').getAttribute('href'))!;
  await card.getByTestId('open-room').click();
  await expect(teacher.getByTestId('room-title')).toContainText('Room of two');
  await expect(teacher.getByTestId('roster-empty')).toBeVisible();
  // the room's own sandboxes are made ahead, with progress, before anyone joins
  await expect(teacher.getByTestId('pool-status')).toContainText(/of 2 sandboxes made ahead/);
  await expect(teacher.getByTestId('pool-status')).toContainText('2 of 2 sandboxes made ahead ready', { timeout: 180_000 });

  const alan = await joinAs(browser, href, 'Alan', offsite);
  const bea = await joinAs(browser, href, 'O\'Brien, Bea', offsite);
  const row = (name: string) => teacher.locator(`[data-testid="roster-row"][data-name="${name}"]`);
  await expect(teacher.getByTestId('roster-row')).toHaveCount(2); // no reload: the roster polls
  await expect(row('Alan').locator('.step-cell')).toHaveText('Not started');

  // Alan does the welcome step's work and passes its check: the roster shows it
  await alan.goto(WELCOME);
  await run(alan, 'mkdir -p ~/lab1 && echo $OPENFAAS_URL > ~/lab1/gateway.txt && echo noted-$((6*7))');
  await expect(bench(alan).screen()).toContainText('noted-42');
  await pressCheck(alan, true);
  await expect(row('Alan').locator('.step-cell')).toHaveText(/^Lab 1 · 1\. /);
  await expect(row('Alan').locator('.lab-cell .count').first()).toHaveText('1/4');
  await expect(row('Alan').locator('.sandbox-state')).toHaveText('Ready');

  // Bea's check fails three times in a row: she needs help, and is listed first
  await bea.goto(WELCOME);
  await run(bea, 'rm -rf ~/lab1; echo removed-$((6*7))');
  await expect(bench(bea).screen()).toContainText('removed-42');
  for (let i = 0; i < 3; i++) await pressCheck(bea, false);
  await expect(row('O\'Brien, Bea')).toHaveClass(/stuck/);
  await expect(row('O\'Brien, Bea').locator('.why')).toHaveText('Check “~/lab1/gateway.txt holds your gateway\'s address” failed 3 times in a row (Lab 1, step 1)');
  await expect(teacher.getByTestId('roster-row').first()).toHaveAttribute('data-name', 'O\'Brien, Bea');

  // the instructor watches Alan's terminal (read-only: their keys do nothing), then takes over
  await row('Alan').getByRole('button', { name: 'Watch Alan\'s terminal' }).click();
  const panel = teacher.getByTestId('watch-panel');
  await expect(panel.getByTestId('watch-status')).toHaveText('Live');
  await expect(panel.getByTestId('watch-screen')).toContainText('noted-42');
  await alan.bringToFront();
  await expect(alan.getByTestId('instructor-presence')).toContainText('Your instructor is looking at your terminal', { timeout: 20_000 });
  await teacher.bringToFront();
  await panel.getByTestId('watch-screen').click();
  await teacher.keyboard.type('echo watcher-$((2*21))');
  await teacher.keyboard.press('Enter');
  await panel.getByRole('button', { name: 'Take over' }).click();
  await expect(panel).toHaveAttribute('data-mode', 'control');
  await expect(panel.getByTestId('watch-status')).toHaveText('Live');
  await panel.getByTestId('watch-screen').click();
  await teacher.keyboard.type('echo teacher-$((3*3))');
  await teacher.keyboard.press('Enter');
  await expect(bench(alan).screen()).toContainText('teacher-9');
  await expect(bench(alan).screen()).not.toContainText('watcher-42');
  // (a page in a background window may poll less often: look at it as its participant would)
  await alan.bringToFront();
  await expect(alan.getByTestId('instructor-presence')).toContainText('Your instructor is in your terminal', { timeout: 20_000 });
  await shoot(teacher, 'watch');
  await shoot(alan, 'taken-over');
  await teacher.bringToFront();
  await panel.getByRole('button', { name: 'Close' }).click();
  await alan.bringToFront();
  await expect(alan.getByTestId('instructor-presence')).toHaveCount(0, { timeout: 20_000 });

  // Bea's sandbox is reset from the room: a fresh stack, and her terminal works again
  await teacher.bringToFront();
  await row('O\'Brien, Bea').getByRole('button', { name: 'Reset O\'Brien, Bea\'s sandbox' }).click();
  await row('O\'Brien, Bea').getByRole('button', { name: 'Reset', exact: true }).click();
  await expect(row('O\'Brien, Bea').getByRole('button', { name: 'Reset O\'Brien, Bea\'s sandbox' })).toBeVisible({ timeout: 180_000 });
  await expect(row('O\'Brien, Bea').locator('.sandbox-state')).toHaveText('Ready');
  await expect(row('O\'Brien, Bea').locator('.form-error')).toHaveCount(0);
  await bea.bringToFront();
  await run(bea, 'echo back-$((5*5))');
  await expect(bench(bea).screen()).toContainText('back-25', { timeout: 60_000 });

  // a message for everyone shows on both participants' pages; one closes it
  await teacher.getByLabel('Message', { exact: true }).fill('Break until 11:00, then Lab 2');
  await teacher.getByRole('button', { name: 'Send' }).click();
  await expect(teacher.getByTestId('broadcast-current')).toContainText('Break until 11:00, then Lab 2');
  for (const p of [alan, bea]) { await p.bringToFront(); await expect(p.getByTestId('notice-message')).toHaveText('Break until 11:00, then Lab 2', { timeout: 20_000 }); }
  await teacher.bringToFront();
  await shoot(teacher, 'room');
  await shoot(bea, 'banner');
  await alan.getByRole('button', { name: 'Close the message' }).click();
  await expect(alan.getByTestId('notice-banner')).toHaveCount(0);
  await alan.reload();
  await expect(alan.getByTestId('header-workshop')).toContainText('Room of two');
  await expect(alan.getByTestId('notice-banner')).toHaveCount(0, { timeout: 8000 }); // closed stays closed
  // the instructor takes the message down: it goes from Bea's page too
  await teacher.bringToFront();
  await teacher.getByRole('button', { name: 'Take it down' }).click();
  await expect(teacher.getByTestId('broadcast-current')).toContainText('Shown as a banner on every participant');
  await bea.bringToFront();
  await expect(bea.getByTestId('notice-banner')).toHaveCount(0, { timeout: 20_000 });
  await teacher.bringToFront();

  // the progress as CSV: one row each, Bea's name quoted
  const [download] = await Promise.all([teacher.waitForEvent('download'), teacher.getByTestId('csv-link').click()]);
  expect(download.suggestedFilename()).toMatch(/^room-of-two-\d{4}-\d\d-\d\d-progress\.csv$/);
  const csv = fs.readFileSync((await download.path())!, 'utf8').replace(/^\uFEFF/, '').split('\r\n');
  expect(csv[0]).toMatch(/^Name,Joined \(UTC\),Last activity \(UTC\),Current step,Steps done,Steps,Lab 1 steps done,/);
  expect(csv.filter((l) => l.startsWith('Alan,'))).toHaveLength(1);
  expect(csv.filter((l) => l.startsWith('"O\'Brien, Bea",'))).toHaveLength(1);

  // end the session: sandboxes go, both pages say so, joining is refused
  await teacher.getByRole('button', { name: 'End session…' }).click();
  await teacher.getByRole('button', { name: 'End session now' }).click();
  await expect(teacher.getByTestId('end-done')).toContainText('2 sandboxes removed', { timeout: 120_000 });
  await expect(teacher.getByTestId('room-state')).toHaveText('Ended');
  await expect(row('Alan').locator('.sandbox-state')).toHaveText('None');
  await expect(row('Alan').locator('.lab-cell .count').first()).toHaveText('1/4');
  for (const p of [alan, bea]) { await p.bringToFront(); await expect(p.getByTestId('notice-banner')).toContainText('Your instructor has ended “Room of two”', { timeout: 20_000 }); }
  const late = await (await browser.newContext()).newPage();
  await late.goto(href);
  await expect(late.locator('.form-error')).toContainText('“Room of two” ended at');
  expect(offsite).toEqual([]);
});
