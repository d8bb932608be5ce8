import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { savedOpenWork, storedWorks } from './stored';

/** The learner's work survives reloads, travels in links and files, and bad copies change nothing. */

const STORAGE_KEY = 'backstep.work';

async function freshStart(page: Page) {
  await page.goto('./'); // a new context per test: nothing saved (see openFresh in helpers.ts)
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
}

const stepCounter = (page: Page) => page.getByText(/^step \d+ of \d+ · pass \d+$/);
const diagramOf = (page: Page) => page.getByRole('group', { name: 'Network diagram' });

/** Select weight w₂₁⁽²⁾ in the diagram and type a new value into the inspector. */
async function editWeight(page: Page, value: string, shown = value) {
  await diagramOf(page)
    .getByRole('button', { name: /^Weight w₂₁⁽²⁾ = / })
    .click({ force: true });
  const field = page.getByRole('textbox', { name: 'Weight w₂₁⁽²⁾' });
  await field.fill(value);
  await field.press('Enter');
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText(shown);
}

async function stepForward(page: Page, times: number) {
  const button = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < times; i++) await button.click();
}

/** The open work as the autosave last wrote it (in the works database). */
const savedWork = savedOpenWork;

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#work=/);
  return field.inputValue();
}

test('a reload brings back the same step, weight and notation', async ({ page }) => {
  await freshStart(page);
  await editWeight(page, '0.7');
  await stepForward(page, 3);
  await expect(stepCounter(page)).toHaveText('step 4 of 9 · pass 1');
  await page.getByRole('combobox', { name: 'Notation' }).selectOption({ index: 1 });
  await expect.poll(async () => (await savedWork(page))?.notation).toBe('lfd');

  await page.reload();
  await expect(stepCounter(page)).toHaveText('step 4 of 9 · pass 1');
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('0.7');
  await expect(page.getByRole('combobox', { name: 'Notation' })).toHaveValue('lfd');
  // The loss after step 3 depends on the edited weight: 0.2984 with 0.45, not with 0.7.
  await expect(diagramOf(page).getByTestId('loss')).not.toHaveText('0.2984');
  await expect(diagramOf(page).getByTestId('loss')).not.toHaveText('—');
});

test('a share link opens the same network and step in a fresh browser', async ({
  page,
  browser,
}) => {
  await freshStart(page);
  await editWeight(page, '-1.25', '−1.25');
  await stepForward(page, 5);
  await expect(stepCounter(page)).toHaveText('step 6 of 9 · pass 1');
  const loss = await diagramOf(page).getByTestId('loss').textContent();
  const url = await shareLink(page);
  expect(new URL(url).origin).toBe(new URL(page.url()).origin);

  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(url);
    await expect(stepCounter(other)).toHaveText('step 6 of 9 · pass 1');
    await expect(diagramOf(other).getByTestId('weight-2-1-0')).toHaveText('−1.25');
    await expect(diagramOf(other).getByTestId('loss')).toHaveText(loss ?? '');
    await expect(other.getByRole('alert')).toHaveCount(0);
    // The link has been read and dropped from the address, so a reload keeps later edits.
    await expect.poll(() => new URL(other.url()).hash).toBe('');
  } finally {
    await context.close();
  }
});

test('a share link pasted into a tab that already shows the app opens it', async ({ page }) => {
  await freshStart(page);
  await editWeight(page, '2.5');
  await stepForward(page, 2);
  const url = await shareLink(page);
  await page.getByRole('button', { name: 'Reset pass' }).click();
  await editWeight(page, '0.45');
  await expect(stepCounter(page)).toHaveText('step 1 of 9 · pass 1');

  // Only the fragment differs from the open page: the browser does not load the page again.
  await page.goto(url);
  await expect(stepCounter(page)).toHaveText('step 3 of 9 · pass 1');
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('2.5');
  // It opened as a new work beside the learner's, which is one click away.
  await page.getByRole('button', { name: 'Back to your work' }).click();
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('0.45');
  await expect(stepCounter(page)).toHaveText('step 1 of 9 · pass 1');
});

test('a damaged share link says so and opens the saved work instead', async ({ page }) => {
  await freshStart(page);
  await editWeight(page, '0.9');
  await expect.poll(async () => JSON.stringify(await savedWork(page))).toContain('0.9');
  await page.goto('about:blank');
  await page.goto('./#work=this-is-not-a-link');
  await expect(page.getByRole('alert')).toContainText('This share link could not be opened');
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('0.9');
});

test('a corrupted old save gives a message, the app starts fresh, and the bad copy is kept', async ({
  page,
}) => {
  const garbage = '{"app":"backstep","version":1,"work":{"network":"oops"';
  await page.addInitScript(
    ({ key, text }) => {
      // Only before the first load: later loads must see what the app itself saved.
      if (!sessionStorage.getItem('corrupted')) {
        localStorage.setItem(key, text);
        sessionStorage.setItem('corrupted', 'yes');
      }
    },
    { key: STORAGE_KEY, text: garbage },
  );
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');

  const notice = page.getByRole('alert').filter({ hasText: 'Your saved work could not be read' });
  await expect(notice).toBeVisible();
  await expect(notice).toContainText('It is kept unchanged in “Saved work” as “Your work”');
  await expect(notice).toContainText('a new work was started from the default example');
  // The old save moved into the works database as it was, beside the new work.
  await expect.poll(async () => (await storedWorks(page))['Your work']).toBe(garbage);

  // The app works: it steps, and saves the new work.
  await stepForward(page, 1);
  await expect(diagramOf(page).getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect.poll(async () => (await savedWork(page))?.stepIndex).toBe(1);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(notice).toHaveCount(0);
  await page.reload();
  await expect(stepCounter(page)).toHaveText('step 2 of 9 · pass 1');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('a malformed JSON file is refused with the problem named, and nothing changes', async ({
  page,
}) => {
  await freshStart(page);
  await editWeight(page, '0.6');
  await stepForward(page, 2);
  await expect.poll(async () => (await savedWork(page))?.stepIndex).toBe(2);
  const before = await savedWork(page);
  const fileInput = page.getByLabel('Import JSON file');
  const alert = page.getByRole('alert');

  await fileInput.setInputFiles({
    name: 'notes.json',
    mimeType: 'application/json',
    buffer: Buffer.from('{"app": "backstep", "version": 1, '),
  });
  await expect(alert).toContainText('notes.json could not be imported: It is not valid JSON');
  await expect(alert).toContainText('Nothing was changed.');

  await fileInput.setInputFiles({
    name: 'wrong-shape.json',
    mimeType: 'application/json',
    buffer: Buffer.from(
      JSON.stringify({ app: 'backstep', version: 1, work: { network: { layers: 'three' } } }),
    ),
  });
  await expect(alert).toContainText('wrong-shape.json could not be imported: work.network');

  await fileInput.setInputFiles({
    name: 'other-app.json',
    mimeType: 'application/json',
    buffer: Buffer.from(JSON.stringify({ hello: 'world' })),
  });
  await expect(alert).toContainText('It is not a Backstep save');

  await expect(stepCounter(page)).toHaveText('step 3 of 9 · pass 1');
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('0.6');
  expect(await savedWork(page)).toEqual(before);
});

test('an exported JSON file imports again as a new work, and the learner’s is one click away', async ({
  page,
}) => {
  await freshStart(page);
  await editWeight(page, '0.123');
  await stepForward(page, 4);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('backstep-network.json');
  const exported = await readFile(await download.path(), 'utf8');
  expect(JSON.parse(exported)).toMatchObject({ app: 'backstep', version: 2 });

  await page.getByRole('combobox', { name: 'Example' }).selectOption({ index: 1 });
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveCount(0);

  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'backstep-network.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  // It opens as a new work beside the learner's, never over it.
  const imported = page.getByRole('status').filter({ hasText: 'Imported' });
  await expect(imported).toContainText(
    'Imported backstep-network.json as a new work, “backstep-network”, beside your own.',
  );
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('0.123');
  await expect(stepCounter(page)).toHaveText('step 5 of 9 · pass 1');

  await imported.getByRole('button', { name: 'Back to your work' }).click();
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveCount(0);
});

test('undo and redo with the buttons and with Ctrl+Z / Ctrl+Shift+Z', async ({ page }) => {
  await freshStart(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  const redo = page.getByRole('button', { name: 'Redo' });
  const weight = diagramOf(page).getByTestId('weight-2-1-0');
  await expect(undo).toBeDisabled();
  await expect(redo).toBeDisabled();

  await editWeight(page, '1');
  await editWeight(page, '2');
  await undo.click();
  await expect(weight).toHaveText('1');
  await undo.click();
  await expect(weight).toHaveText('0.45');
  await expect(undo).toBeDisabled();
  await redo.click();
  await expect(weight).toHaveText('1');

  // The keys act anywhere but inside a text field (which keeps its own undo).
  await page.getByRole('heading', { name: 'Your work' }).click();
  await page.keyboard.press('Control+Shift+Z');
  await expect(weight).toHaveText('2');
  await expect(redo).toBeDisabled();
  await page.keyboard.press('Control+Z');
  await expect(weight).toHaveText('1');
  await page.keyboard.press('Control+Z');
  await expect(weight).toHaveText('0.45');
  await page.keyboard.press('Control+Shift+Z');
  await expect(weight).toHaveText('1');

  // An edit after an undo drops the redo branch.
  await editWeight(page, '3');
  await expect(redo).toBeDisabled();
});

test("the teacher's hidden panels stay hidden, also through a share link", async ({
  page,
  browser,
}) => {
  await freshStart(page);
  const side = page.getByRole('complementary', { name: 'Edit and save' });
  await expect(side.getByRole('heading', { name: 'Sample' })).toBeVisible();
  await expect(side.getByRole('heading', { name: 'Network' })).toBeVisible();
  await expect(page.getByRole('checkbox', { name: 'Matrix form', exact: true })).toBeVisible();

  await page.getByText('For class: hide parts of the app').click();
  await page.getByRole('checkbox', { name: 'Hide samples' }).check();
  await page.getByRole('checkbox', { name: 'Hide network editor' }).check();
  await page.getByRole('checkbox', { name: 'Hide matrix form' }).check();
  await expect(side.getByRole('heading', { name: 'Sample' })).toHaveCount(0);
  await expect(side.getByRole('heading', { name: 'Network' })).toHaveCount(0);
  await expect(page.getByRole('checkbox', { name: 'Matrix form', exact: true })).toHaveCount(0);
  await expect(side.getByRole('heading', { name: 'Selected parameter' })).toBeVisible();

  const url = await shareLink(page);
  const context = await browser.newContext();
  try {
    const student = await context.newPage();
    await student.goto(url);
    const studentSide = student.getByRole('complementary', { name: 'Edit and save' });
    await expect(student.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(studentSide.getByRole('heading', { name: 'Sample' })).toHaveCount(0);
    await expect(studentSide.getByRole('heading', { name: 'Network' })).toHaveCount(0);
    await expect(student.getByRole('checkbox', { name: 'Matrix form', exact: true })).toHaveCount(
      0,
    );
    await expect(studentSide.getByRole('heading', { name: 'Selected parameter' })).toBeVisible();
    // A student does not see the hiding options; the teacher gets back into them (teacher.spec).
    await expect(student.getByText('For class: hide parts of the app')).toHaveCount(0);
    await student.getByRole('button', { name: 'Edit this lesson' }).click();
    await expect(student.getByRole('checkbox', { name: 'Hide samples' })).toBeChecked();
    await expect(
      student.getByRole('checkbox', { name: 'Hide parameter editor' }),
    ).not.toBeChecked();
  } finally {
    await context.close();
  }
});
