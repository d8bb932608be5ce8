import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import { diagramOf, stepForward } from './helpers';
import { storedWorks } from './stored';

/** The works database: tabs that agree, links beside the learner's work, full storage, the list. */

const savedList = (page: Page) => page.getByRole('list', { name: 'Saved work' });
const savedItem = (page: Page, name: string) =>
  savedList(page)
    .getByRole('listitem')
    .filter({ has: page.getByText(name, { exact: true }) });
const weight = (page: Page) => diagramOf(page).getByTestId('weight-2-1-0');

async function openApp(page: Page) {
  await page.goto('./');
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
}

/** Wait until the work called `name` is stored with `text` in it (a weight, say). */
async function expectStored(page: Page, name: string, text: string) {
  await expect.poll(async () => (await storedWorks(page))[name] ?? '').toContain(text);
}

async function editWeight(page: Page, value: string) {
  await diagramOf(page)
    .getByRole('button', { name: /^Weight w₂₁⁽²⁾ = / })
    .click({ force: true });
  const field = page.getByRole('textbox', { name: 'Weight w₂₁⁽²⁾' });
  await field.fill(value);
  await field.press('Enter');
  await expect(weight(page)).toHaveText(value);
}

test('two tabs: closing the untouched one loses nothing done in the other', async ({ context }) => {
  const first = await context.newPage();
  await openApp(first);
  await expectStored(first, 'Your work', '0.45');
  const second = await context.newPage();
  await openApp(second);
  await editWeight(first, '0.717');
  await expectStored(first, 'Your work', '0.717');
  // The other tab hears of the save and shows it.
  await expect(weight(second)).toHaveText('0.717');
  await second.close({ runBeforeUnload: true });

  const again = await context.newPage();
  await openApp(again);
  await expect(weight(again)).toHaveText('0.717');
  await expect(savedList(again).getByRole('listitem')).toHaveCount(1);
  // A reload straight after an edit keeps it (the page may close before IndexedDB has written).
  await editWeight(again, '0.555');
  await again.reload();
  await expect(weight(again)).toHaveText('0.555');
});

test('two tabs that both edited the same work: both versions are kept, and it is said', async ({
  context,
}) => {
  const other = await context.newPage();
  await openApp(other);
  await expectStored(other, 'Your work', '0.45');
  // This tab hears nothing from the others (as a tab asleep in the background).
  const mine = await context.newPage();
  await mine.addInitScript(() => {
    Reflect.deleteProperty(window, 'BroadcastChannel');
  });
  await openApp(mine);
  await editWeight(other, '0.717');
  await expectStored(other, 'Your work', '0.717');

  await editWeight(mine, '0.919');
  const notice = mine.getByRole('alert').filter({ hasText: 'was also changed in another tab' });
  await expect(notice).toContainText('“Your work (copy)”');
  await expect(savedItem(mine, 'Your work')).not.toContainText('Open here');
  await expectStored(mine, 'Your work (copy)', '0.919');
  expect((await storedWorks(mine))['Your work']).toContain('0.717');
  await expect(savedItem(mine, 'Your work (copy)')).toContainText('Open here');
  // The other tab sees the copy in its list; each tab keeps its own version.
  await expect(weight(other)).toHaveText('0.717');
  await notice.getByRole('button', { name: 'Open the other version' }).click();
  await expect(weight(mine)).toHaveText('0.717');
  await expect(savedItem(mine, 'Your work')).toContainText('Open here');
});

test('a share link opens as a new work beside the learner’s, with the way back', async ({
  page,
}) => {
  await openApp(page);
  await editWeight(page, '2.75');
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  await editWeight(page, '0.321');
  await expectStored(page, 'Your work', '0.321');

  await page.goto(url);
  await expect(weight(page)).toHaveText('2.75');
  const notice = page.getByRole('status').filter({ hasText: 'This link opened as a new work' });
  await expect(notice).toBeVisible();
  await expect(savedList(page).getByRole('listitem')).toHaveCount(2);
  await expect(savedItem(page, 'Shared work')).toContainText('Open here');
  expect(await storedWorks(page)).toMatchObject({
    'Your work': expect.stringContaining('0.321'),
    'Shared work': expect.stringContaining('2.75'),
  });
  await expect.poll(() => new URL(page.url()).hash).toBe('');

  await notice.getByRole('button', { name: 'Back to your work' }).click();
  await expect(weight(page)).toHaveText('0.321');
  await expect(savedItem(page, 'Your work')).toContainText('Open here');
  await expect(savedList(page).getByRole('listitem')).toHaveCount(2);
});

test('full storage: a persistent notice offers Export JSON, and the app goes on working', async ({
  page,
}) => {
  await page.addInitScript(() => {
    const put = IDBObjectStore.prototype.put;
    IDBObjectStore.prototype.put = function (...args: Parameters<typeof put>) {
      if ((window as { storageFull?: boolean }).storageFull)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      return put.apply(this, args);
    };
  });
  await openApp(page);
  await expectStored(page, 'Your work', '0.45');
  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = true));

  await editWeight(page, '0.818');
  const notice = page.getByRole('alert').filter({ hasText: 'could not be saved' });
  await expect(notice).toContainText('storage for the app is full');
  await stepForward(page, 2);
  await expect(page.getByText(/^step \d+ of \d+ · pass \d+$/)).toHaveText('step 3 of 9 · pass 1');
  await expect(notice).toBeVisible();

  const downloading = page.waitForEvent('download');
  await notice.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
  expect(exported).toMatchObject({ app: 'backstep', work: { stepIndex: 2 } });
  expect(JSON.stringify(exported.work.network)).toContain('0.818');

  // Room again: the next save succeeds and the notice goes.
  await page.evaluate(() => ((window as { storageFull?: boolean }).storageFull = false));
  await stepForward(page, 1);
  await expect(notice).toHaveCount(0);
  await expectStored(page, 'Your work', '"stepIndex":3');
});

test('the Saved work list renames, duplicates, opens, exports and deletes with undo', async ({
  page,
}) => {
  await openApp(page);
  const mine = savedItem(page, 'Your work');
  await mine.getByRole('button', { name: 'Rename' }).click();
  await page.getByRole('textbox', { name: 'New name' }).fill('Practice');
  await page.getByRole('button', { name: 'Save name' }).click();
  const practice = savedItem(page, 'Practice');
  await expect(practice).toContainText('Open here');

  await practice.getByRole('button', { name: 'Duplicate' }).click();
  const copy = savedItem(page, 'Practice (copy)');
  await expect(copy).toBeVisible();
  await editWeight(page, '1.515');
  await expectStored(page, 'Practice', '1.515');

  await copy.getByRole('button', { name: 'Open' }).click();
  await expect(savedItem(page, 'Practice (copy)')).toContainText('Open here');
  await expect(weight(page)).toHaveText('0.45');

  const downloading = page.waitForEvent('download');
  await savedItem(page, 'Practice').getByRole('button', { name: 'Export' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('backstep-practice.json');
  const exported = JSON.parse(await readFile(await download.path(), 'utf8'));
  expect(exported).toMatchObject({ app: 'backstep', name: 'Practice' });
  expect(JSON.stringify(exported.work.network)).toContain('1.515');

  await savedItem(page, 'Practice').getByRole('button', { name: 'Delete' }).click();
  await expect(savedItem(page, 'Practice')).toHaveCount(0);
  const deleted = page.getByRole('status').filter({ hasText: 'Deleted “Practice”.' });
  await deleted.getByRole('button', { name: 'Undo delete' }).click();
  await expect(deleted).toHaveCount(0);
  await savedItem(page, 'Practice').getByRole('button', { name: 'Open' }).click();
  await expect(weight(page)).toHaveText('1.515');
  await expect(savedList(page).getByRole('listitem')).toHaveCount(2);
});

test('an old localStorage save moves into Saved work once, losing nothing', async ({ page }) => {
  const work = {
    app: 'backstep',
    version: 1, // before "Train biases": migrations still apply
    work: {} as Record<string, unknown>,
  };
  await openApp(page);
  await editWeight(page, '0.77');
  await stepForward(page, 3);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = JSON.parse(await readFile(await (await downloading).path(), 'utf8'));
  work.work = exported.work;
  Reflect.deleteProperty(work.work, 'trainBiases');
  const training = JSON.stringify({
    ...exported.training,
    choices: { ...exported.training.choices, dataSeed: 77 },
  });

  const fresh = await page.context().browser()!.newContext();
  try {
    const old = await fresh.newPage();
    await old.addInitScript(
      ({ stepper, training }) => {
        if (!sessionStorage.getItem('seeded')) {
          localStorage.setItem('backstep.work', stepper);
          localStorage.setItem('backstep.training', training);
          sessionStorage.setItem('seeded', 'yes');
        }
      },
      { stepper: JSON.stringify(work), training },
    );
    await openApp(old);
    await expect(weight(old)).toHaveText('0.77');
    await expect(old.getByText(/^step \d+ of \d+ · pass \d+$/)).toHaveText('step 4 of 9 · pass 1');
    await expect(savedItem(old, 'Your work')).toContainText('Open here');
    await old.reload();
    await expect(weight(old)).toHaveText('0.77');
    await expect(savedList(old).getByRole('listitem')).toHaveCount(1);
    const kept = await old.evaluate(() => [
      localStorage.getItem('backstep.work') !== null,
      localStorage.getItem('backstep.migrated') !== null,
    ]);
    expect(kept).toEqual([true, true]);

    const exporting = old.waitForEvent('download');
    await savedItem(old, 'Your work').getByRole('button', { name: 'Export' }).click();
    const again = JSON.parse(await readFile(await (await exporting).path(), 'utf8'));
    expect(again.training.choices.dataSeed).toBe(77);
  } finally {
    await fresh.close();
  }
});

test('a crash in a view becomes a message with the way back to the saved work', async ({
  page,
}) => {
  // Number formatting fails while the flag is up: every view that shows a number crashes.
  await page.addInitScript(() => {
    for (const name of ['toFixed', 'toPrecision'] as const) {
      const format = Number.prototype[name];
      Number.prototype[name] = function (this: number, digits?: number) {
        if ((window as { crash?: boolean }).crash) throw new Error('simulated crash');
        return format.call(this, digits);
      };
    }
  });
  await openApp(page);
  await stepForward(page, 1);
  await page.evaluate(() => ((window as { crash?: boolean }).crash = true));
  await stepForward(page, 1);
  const stage = page.getByRole('region', { name: 'Network and current step' });
  await expect(stage.getByRole('alert')).toContainText(
    'The network and current step stopped working (simulated crash).',
  );
  await expect(page.getByRole('region', { name: 'Equations' }).getByRole('alert')).toContainText(
    'The equations stopped working',
  );
  // The rest of the page is there: the header and the side panel.
  await expect(page.getByRole('combobox', { name: 'Notation' })).toBeVisible();

  await page.evaluate(() => ((window as { crash?: boolean }).crash = false));
  await stage.getByRole('button', { name: 'Reload last saved work' }).click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);
});
