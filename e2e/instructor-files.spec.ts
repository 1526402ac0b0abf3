import { expect, test } from '@playwright/test';
import { bench, offsiteRequests, run, shoot } from './workbench-kit';

const EMAIL = process.env.FAASLAB_E2E_INSTRUCTOR_EMAIL!;
const PASSWORD = process.env.FAASLAB_E2E_INSTRUCTOR_PASSWORD!;

test('an instructor reads a participant\'s file read-only (typing changes nothing; Refresh shows their next save) and watches the terminal they used last, then another', async ({ browser }) => {
  test.setTimeout(420_000);
  // an instructor of their own, added by the first one (so that e2e/instructor-join.spec.ts, after
  // this, still finds the first with no sessions)
  const first = await browser.newContext();
  const origin = { origin: new URL(test.info().project.use.baseURL!).origin };
  expect((await first.request.post('/api/instructor/login', { data: { email: EMAIL, password: PASSWORD }, headers: origin })).ok()).toBe(true);
  const own = { email: 'files-teacher@example.org', name: 'Files Teacher', password: `files-${Date.now()}-pw` };
  const added = await first.request.post('/api/instructor/instructors', { data: own, headers: origin });
  expect(added.ok(), await added.text()).toBe(true);
  await first.close();
  const teacher = await (await browser.newContext()).newPage();
  const offsite = offsiteRequests(teacher);
  await teacher.goto('/instructor/login');
  await teacher.getByLabel('Email').fill(own.email);
  await teacher.getByLabel('Password').fill(own.password);
  await teacher.getByRole('button', { name: 'Log in' }).click();
  const form = teacher.getByRole('form', { name: 'New workshop session' });
  await form.getByLabel('Title').fill('Files room');
  await form.getByLabel('Places').fill('5');
  await form.getByLabel('Sandboxes to make ahead').fill('1');
  await form.getByRole('button', { name: 'Create session' }).click();
  const card = teacher.getByRole('listitem', { name: 'Files room' });
  const href = (await card.getByTestId('join-link').getAttribute('href'))!;
  await card.getByTestId('open-room').click();
  await expect(teacher.getByTestId('room-title')).toContainText('Files room');

  // the participant joins, uses terminal 1, then opens terminal 2 and writes a file there
  const ada = await (await browser.newContext()).newPage();
  offsite.push(...offsiteRequests(ada));
  await ada.goto(href);
  await ada.getByLabel('Your name').fill('Ada');
  await ada.getByRole('button', { name: 'Join' }).click();
  await expect(ada).toHaveURL(/\/labs\/01-prepare$/);
  await ada.goto('/labs/01-prepare/01-welcome');
  await run(ada, 'echo one-$((1+1))');
  await expect(bench(ada).screen()).toContainText('one-2');
  await ada.getByRole('button', { name: 'New terminal' }).click();
  await expect(ada.getByRole('tab', { name: /Terminal 2/ })).toHaveAttribute('aria-selected', 'true');
  await run(ada, 'mkdir -p notes && printf \'def handle(req):\\n    return "plan-42"\\n\' > notes/plan.py && echo wrote-$((6*7))');
  await expect(bench(ada).screen()).toContainText('wrote-42');

  // the instructor opens it read-only
  await teacher.bringToFront();
  const row = teacher.locator('[data-testid="roster-row"][data-name="Ada"]');
  await row.getByRole('button', { name: 'Read Ada\'s files' }).click();
  const files = teacher.getByTestId('files-panel');
  await expect(files.getByTestId('files-note')).toContainText('Read-only');
  const tree = files.getByRole('tree', { name: 'Ada\'s files' });
  await tree.locator('[data-path="notes"]').click();
  await tree.locator('[data-path="notes/plan.py"]').click();
  await expect(files.getByTestId('files-path')).toHaveText('notes/plan.py');
  const code = files.getByTestId('files-code').locator('.monaco-editor');
  await expect(code).toContainText('plan-42');
  await expect(code).toContainText('handle(req)');
  // typing does nothing but say why
  await code.locator('.view-lines').click();
  await teacher.keyboard.type('XYZZY');
  await teacher.keyboard.press('Enter');
  await expect(files.getByText('Read-only: these are the participant\'s files.')).toBeVisible();
  await expect(code).not.toContainText('XYZZY');
  await shoot(teacher, 'files');

  // they change it; Refresh reads it again
  await ada.bringToFront();
  await run(ada, 'echo "# second-$((5*5))" >> notes/plan.py && echo appended');
  await expect(bench(ada).screen()).toContainText('appended');
  await teacher.bringToFront();
  await expect(code).not.toContainText('second-25');
  await files.getByRole('button', { name: 'Refresh' }).click();
  await expect(code).toContainText('second-25');
  await expect(code).not.toContainText('XYZZY');
  await files.getByRole('button', { name: 'Close' }).click();
  await expect(files).toHaveCount(0);

  // watching: the terminal they used last (2) first, then terminal 1 by choice
  await row.getByRole('button', { name: 'Watch Ada\'s terminal' }).click();
  const panel = teacher.getByTestId('watch-panel');
  const picker = panel.getByTestId('terminal-picker');
  await expect(picker).toHaveValue('2');
  await expect(picker.locator('option')).toHaveText(['Terminal 1', 'Terminal 2 · used last']);
  await expect(panel.getByTestId('watch-status')).toHaveText('Live');
  await expect(panel.getByTestId('watch-screen')).toContainText('wrote-42');
  await shoot(teacher, 'watch-terminal-2');
  await picker.selectOption('1');
  await expect(panel.getByTestId('watch-status')).toHaveText('Live');
  await expect(panel.getByTestId('watch-screen')).toContainText('one-2');
  await expect(panel.getByTestId('watch-screen')).not.toContainText('wrote-42');
  await panel.getByRole('button', { name: 'Close' }).click();
  expect(offsite).toEqual([]);
});
