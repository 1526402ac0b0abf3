import { expect, test, type Browser } from '@playwright/test';
import { shoot } from './workbench-kit';

const EMAIL = process.env.FAASLAB_E2E_INSTRUCTOR_EMAIL!;
const PASSWORD = process.env.FAASLAB_E2E_INSTRUCTOR_PASSWORD!;

/** The instructor logged in, in a browser of their own. */
async function loggedIn(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto('/instructor/login');
  await page.getByLabel('Email').fill(EMAIL);
  await page.getByLabel('Password').fill(PASSWORD);
  await page.getByRole('button', { name: 'Log in', exact: true }).click();
  await expect(page.getByRole('heading', { name: 'Your workshop sessions' })).toBeVisible();
  return { context, page };
}

test('a copied instructor cookie stops working when its browser logs out; "Log out everywhere" logs out the other browsers too', async ({ browser }) => {
  // the instructor's cookie copied into another browser (a shared machine, a stolen cookie)
  const laptop = await loggedIn(browser);
  const copy = await (await browser.newContext()).newPage();
  await copy.context().addCookies(await laptop.context.cookies());
  await copy.goto('/instructor');
  await expect(copy.getByRole('heading', { name: 'Your workshop sessions' })).toBeVisible();
  await shoot(laptop.page, 'dashboard-logout-buttons');

  await laptop.page.getByRole('button', { name: 'Log out', exact: true }).click();
  await expect(laptop.page).toHaveURL(/\/instructor\/login$/);
  await copy.reload();
  await expect(copy).toHaveURL(/\/instructor\/login$/);
  await expect(copy.getByRole('heading', { name: 'Instructor log-in' })).toBeVisible();

  // two live logins; one ends both
  const desk = await loggedIn(browser);
  const phone = await loggedIn(browser);
  await desk.page.getByRole('button', { name: 'Log out everywhere' }).click();
  await expect(desk.page.getByTestId('logged-out-everywhere')).toHaveText('You are logged out everywhere: every browser and device that was logged in as you has to log in again.');
  await shoot(desk.page, 'logged-out-everywhere');
  await phone.page.reload();
  await expect(phone.page).toHaveURL(/\/instructor\/login$/);
});
