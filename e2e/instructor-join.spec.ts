import { expect, test } from '@playwright/test';
import { offsiteRequests, shoot } from './workbench-kit';

const EMAIL = process.env.FAASLAB_E2E_INSTRUCTOR_EMAIL!;
const PASSWORD = process.env.FAASLAB_E2E_INSTRUCTOR_PASSWORD!;

test('an instructor logs in and creates a session; a participant joins it by its link with a name; a wrong code and a full session say so', async ({ browser }) => {
  // the instructor, in a browser of their own
  const teacher = await (await browser.newContext()).newPage();
  const offsite = offsiteRequests(teacher);
  await teacher.goto('/instructor');
  await expect(teacher).toHaveURL(/\/instructor\/login$/);
  await teacher.getByLabel('Email').fill(EMAIL);
  await teacher.getByLabel('Password').fill('not the password');
  await teacher.getByRole('button', { name: 'Log in' }).click();
  await expect(teacher.locator('.form-error')).toContainText('That email and password do not match an instructor account.');
  await teacher.getByLabel('Password').fill(PASSWORD);
  await teacher.getByRole('button', { name: 'Log in' }).click();
  await expect(teacher.getByRole('heading', { name: 'Your workshop sessions' })).toBeVisible();
  await expect(teacher.getByTestId('no-workshops')).toBeVisible();

  // a session for one, Lab 2 only: its card shows the code and the link
  const form = teacher.getByRole('form', { name: 'New workshop session' });
  await form.getByLabel('Title').fill('E2E room');
  await form.getByLabel('Lab 1: Prepare for OpenFaaS').uncheck();
  await form.getByLabel('Lab 3: Introduction to functions').uncheck();
  await form.getByLabel('Places').fill('1');
  await form.getByLabel('Sandboxes to make ahead').fill('1');
  await form.getByRole('button', { name: 'Create session' }).click();
  await expect(form.getByRole('status')).toContainText('Created “E2E room”');
  const card = teacher.getByRole('listitem', { name: 'E2E room' });
  await expect(card.getByTestId('members')).toHaveText('0 of 1 places');
  const href = (await card.getByTestId('join-link').getAttribute('href'))!;
  expect(href).toMatch(/^\/join\/[A-HJKMNP-Z2-9]{6}$/);
  await expect(card.getByTestId('join-code')).toHaveText(`${href.slice(6, 9)} ${href.slice(9)}`);
  await shoot(teacher, 'dashboard');

  // a participant, in another browser: no account, a name, and they land on the session's first lab
  const alan = await (await browser.newContext()).newPage();
  offsite.push(...offsiteRequests(alan));
  await alan.goto(href);
  await expect(alan.getByTestId('workshop-title')).toHaveText('E2E room');
  await shoot(alan, 'join');
  await alan.getByLabel('Your name').fill('Alan');
  await alan.getByRole('button', { name: 'Join' }).click();
  await expect(alan).toHaveURL(/\/labs\/02-test-things-out$/);
  await expect(alan.getByTestId('header-workshop')).toContainText('E2E room');
  await expect(alan.getByTestId('header-workshop')).toContainText('Alan');
  await shoot(alan, 'first-lab');

  // someone else: a wrong code first, then the right one, but the one place is taken
  const barbara = await (await browser.newContext()).newPage();
  offsite.push(...offsiteRequests(barbara));
  await barbara.goto('/join');
  await barbara.getByLabel('Join code').fill('zzz-zzz');
  await barbara.getByRole('button', { name: 'Next' }).click();
  await expect(barbara.locator('.form-error')).toContainText('No workshop has the code ZZZ ZZZ. Check the code with your instructor.');
  await shoot(barbara, 'wrong-code');
  await barbara.getByLabel('Join code').fill(href.slice(6).toLowerCase());
  await barbara.getByRole('button', { name: 'Next' }).click();
  await expect(barbara.getByTestId('workshop-title')).toHaveText('E2E room');
  await barbara.getByLabel('Your name').fill('Barbara');
  await barbara.getByRole('button', { name: 'Join' }).click();
  await expect(barbara.locator('.form-error')).toContainText('“E2E room” is full: its one place is taken.');
  await shoot(barbara, 'full');

  // the instructor sees who came
  await teacher.reload();
  await expect(card.getByTestId('members')).toHaveText('1 of 1 places: Alan');
  expect(offsite).toEqual([]);
});
