import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';
import LZString from 'lz-string';
import { diagramOf, openFresh, stepForward, typeInto } from './helpers';
import { DEFAULT_TRAINING } from '../../src/training/choices';
import { linkBomb } from './linkBomb';

/** What is saved can be read back, and a link is checked whole, within its size, before it opens. */

const stepCounter = (page: Page) => page.getByText(/^step \d+ of \d+ · pass \d+$/);
const notice = (page: Page) => page.getByRole('alert').filter({ hasText: 'share link' });

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#work=/);
  return field.inputValue();
}

async function editWeight(page: Page, value: string) {
  await diagramOf(page)
    .getByRole('button', { name: /^Weight w₂₁⁽²⁾ = / })
    .click({ force: true });
  await typeInto(page, 'Weight w₂₁⁽²⁾', value);
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText(value);
}

/** The page still works: a step forward moves the counter. */
async function expectAlive(page: Page) {
  await page.getByRole('button', { name: 'Reset pass' }).click();
  await expect(stepCounter(page)).toHaveText(/^step 1 of/);
  await stepForward(page);
  await expect(stepCounter(page)).toHaveText(/^step 2 of/);
}

/**
 * The classic network made linear, fed x = 1000 and y = −1000 at η = 10 (values the fields accept),
 * at the end of its first pass; the update would take weights to about −1.3·10⁷.
 */
async function divergeAndStop(page: Page) {
  for (const layer of ['hidden 1', 'output']) {
    await page
      .getByRole('combobox', { name: `Activation of ${layer} layer` })
      .selectOption({ label: 'linear (identity)' });
  }
  await typeInto(page, 'Input x₁', '1000');
  await typeInto(page, 'Input x₂', '1000');
  await typeInto(page, 'Target y₁', '-1000');
  await typeInto(page, 'Target y₂', '-1000');
  await typeInto(page, 'Learning rate η', '10');
  await page.getByRole('button', { name: 'Reset pass' }).click();
  await page.keyboard.press('End');
  await expect(stepCounter(page)).toHaveText('step 9 of 9 · pass 1');
  await stepForward(page);
  const stopped = page.getByRole('group', { name: 'Step through the pass' }).getByRole('alert');
  await expect(stopped).toContainText('Stopped before the update');
  await expect(stopped).toContainText('beyond ±1,000,000');
  await expect(stopped).toContainText('lower the learning rate η');
  await expect(stepCounter(page)).toHaveText('step 9 of 9 · pass 1');
}

test('a diverging update is stopped with a message; the work reloads and its link opens', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await divergeAndStop(page);
  const link = await shareLink(page);
  await page.reload();
  await expect(stepCounter(page)).toHaveText('step 9 of 9 · pass 1');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await page.goto('about:blank');
  await page.goto(link);
  await expect(stepCounter(page)).toHaveText('step 9 of 9 · pass 1');
  await expect(page.getByRole('alert')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('the work where a diverging update stopped exports, and the file imports', async ({
  page,
}) => {
  await openFresh(page);
  await divergeAndStop(page);
  const downloading = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const exported = await readFile(await (await downloading).path(), 'utf8');
  await page.getByLabel('Import JSON file').setInputFiles({
    name: 'backstep-network.json',
    mimeType: 'application/json',
    buffer: Buffer.from(exported),
  });
  // It opens as a new work beside the learner's (the page loads it afresh).
  await expect(page.getByRole('status').filter({ hasText: 'Imported' })).toContainText(
    'Imported backstep-network.json as a new work, “backstep-network”, beside your own.',
  );
  await expect(stepCounter(page)).toHaveText('step 9 of 9 · pass 1');
});

test('a link whose history has another shape is refused with a message; the page lives', async ({
  page,
}) => {
  await openFresh(page);
  const link = await shareLink(page);
  const saved = JSON.parse(
    LZString.decompressFromEncodedURIComponent(link.split('#work=')[1] as string) as string,
  );
  // The same network with a third input: stepping back to it could not run on 2-input samples.
  const network = saved.work.network;
  const wider = {
    ...network,
    inputSize: 3,
    layers: [
      { ...network.layers[0], weights: [...network.layers[0].weights, [0.1, 0.2]] },
      ...network.layers.slice(1),
    ],
  };
  const crafted = { ...saved, work: { ...saved.work, history: [wider] } };
  await page.goto('about:blank');
  await page.goto(`./#work=${LZString.compressToEncodedURIComponent(JSON.stringify(crafted))}`);
  await expect(notice(page)).toContainText(
    'This share link could not be opened: history[0]: its network has layers of 3–2–2 units',
  );
  await page.getByRole('button', { name: 'Step back' }).click();
  await expectAlive(page);
});

test('a 263 KB link bomb is refused at once, naming the limit; the tab lives', async ({ page }) => {
  const bomb = linkBomb(101_000);
  expect(bomb.length).toBeGreaterThan(263_000);
  await page.goto(`./#work=${bomb}`);
  await expect(notice(page)).toContainText(
    'The link unpacks to more than 2,000,000 characters, more than any Backstep work can hold',
  );
  await expectAlive(page);
});

test('a link whose + and $ a mail program percent-encoded opens', async ({ page }) => {
  await openFresh(page);
  await editWeight(page, '0.7');
  const link = await shareLink(page);
  const [address, fragment] = link.split('#work=') as [string, string];
  expect(fragment).toMatch(/[+$]/);
  const escaped = fragment.replace(/\+/g, '%2B').replace(/\$/g, '%24');
  await editWeight(page, '0.3');
  await page.goto('about:blank');
  await page.goto(`${address}#work=${escaped}`);
  await expect(diagramOf(page).getByTestId('weight-2-1-0')).toHaveText('0.7');
  await expect(notice(page)).toHaveCount(0);
});

test('training settings with one part out of range load the rest, and the work as saved is kept and said', async ({
  page,
}) => {
  const csv = `x1,x2,y\n${'0,0,0\n0,1,1\n1,0,1\n1,1,0\n'.repeat(3)}`;
  const saved = JSON.stringify({
    app: 'backstep-training',
    version: 1,
    choices: {
      ...DEFAULT_TRAINING,
      noise: 0.6,
      source: 'csv',
      csv: { name: 'mine.csv', text: csv, inputColumns: 2 },
    },
  });
  // An older build's save, there before the app's first start (it migrates into the works).
  await page.addInitScript((text) => {
    if (localStorage.getItem('backstep.migrated') === null)
      localStorage.setItem('backstep.training', text);
  }, saved);
  await openFresh(page);
  const alert = page.getByRole('alert').filter({ hasText: 'training settings' });
  await expect(alert).toContainText('noise: Too big');
  await expect(alert).toContainText('The rest was loaded');
  await expect(alert).toContainText('kept in “Saved work” as “Your work (copy)”');
  await expect(alert).not.toContainText('csv');
  const list = page.getByRole('list', { name: 'Saved work' });
  await expect(list.getByRole('listitem')).toHaveCount(2);
  // The pasted CSV was not lost with the part that could not be read.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('textbox', { name: 'CSV data' })).toHaveValue(csv);
});
