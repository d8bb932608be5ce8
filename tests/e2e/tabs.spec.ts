import { expect, test, type Page } from '@playwright/test';
import { chooseExample, expectPhase, openFresh, stepForward, typeInto } from './helpers';
import { savedOpenTraining } from './stored';

/**
 * The stepper's work and the Train tab's are separate: opening a tab never changes the other, a
 * network moves between them only by "Train this network" and "Step through this network", each
 * undoable in the tab the learner is in, and training's whole context survives a reload and a link.
 */

const example = (page: Page) => page.getByRole('combobox', { name: 'Example' });
const shape = (page: Page) => page.getByTestId('network-shape');
const epoch = (page: Page) => page.getByTestId('train-epoch');
const lossChart = (page: Page) => page.getByRole('img', { name: /^Loss per epoch/ });
const seedField = (page: Page) => page.getByRole('textbox', { name: 'Weight seed', exact: true });

async function openTrainTab(page: Page) {
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  await expect(epoch(page)).toHaveText('0');
}

async function openStepper(page: Page) {
  await page.getByRole('tab', { name: 'Step through a pass' }).click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
}

test('the classic example stays the classic example after visiting Train and returning', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await stepForward(page, 2);
  await expectPhase(page, 'Forward pass — layer 2 of 2', 'step 3 of 9 · pass 1');
  await openTrainTab(page);
  await expect(shape(page)).toHaveText('2 → 8 → 1');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(page)).toHaveText('1');
  await openStepper(page);
  await expect(example(page)).toHaveValue('classic-2-2-2');
  await expectPhase(page, 'Forward pass — layer 2 of 2', 'step 3 of 9 · pass 1');
  await expect(page.getByRole('heading', { name: /Mini-batch/ })).toHaveCount(0);
  // And again: the second visit finds the training where it was.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(epoch(page)).toHaveText('1');
  await openStepper(page);
  await expect(example(page)).toHaveValue('classic-2-2-2');
  expect(errors).toEqual([]);
});

test('"Train this network" carries the stepper\'s network; Undo and Ctrl+Z in Train take it back', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, 'Softmax classifier with cross-entropy (2-3-3)');
  await page.getByRole('button', { name: 'Train this network' }).click();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  const dataset = page.getByRole('combobox', { name: 'Dataset' });
  // Three softmax outputs train on three classes: the data changes to fit, and the learner is told.
  await expect(shape(page)).toHaveText('2 → 3 → 3');
  await expect(dataset).toHaveValue('threeSpirals');
  await expect(
    page.getByRole('status').filter({ hasText: 'cannot train on Circle' }),
  ).toBeVisible();

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(shape(page)).toHaveText('2 → 8 → 1');
  await expect(dataset).toHaveValue('circle');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(shape(page)).toHaveText('2 → 3 → 3');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(page)).toHaveText('1');
  await page.keyboard.press('Control+z');
  await expect(shape(page)).toHaveText('2 → 8 → 1');
  await expect(dataset).toHaveValue('circle');
  await expect(epoch(page)).toHaveText('0');

  // The stepper was never touched.
  await openStepper(page);
  await expect(example(page)).toHaveValue('softmax-classifier');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('"Step through this network" opens its next mini-batch; Undo and Ctrl+Z in the stepper take it back', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await openTrainTab(page);
  await typeInto(page, 'Batch size', '4');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(page)).toHaveText('1');
  await page.getByRole('button', { name: 'Step through this network' }).click();
  await expect(page.getByRole('tab', { name: 'Step through a pass' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'Mini-batch of 4 samples' })).toBeVisible();
  await expect(example(page)).toHaveValue('');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(example(page)).toHaveValue('classic-2-2-2');
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(page.getByRole('heading', { name: 'Mini-batch of 4 samples' })).toBeVisible();
  await page.keyboard.press('Control+z');
  await expect(example(page)).toHaveValue('classic-2-2-2');

  // Training kept its own network and run.
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(epoch(page)).toHaveText('1');
  await expect(page.getByRole('button', { name: 'Undo' })).toBeEnabled();
  expect(errors).toEqual([]);
});

test('a trained XOR run comes back on XOR with its epoch count and curves, reloaded and linked', async ({
  page,
  browser,
}) => {
  const errors = await openFresh(page);
  await openTrainTab(page);
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption('xor');
  await typeInto(page, 'Batch size', '5');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(page)).toHaveText('1');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(page)).toHaveText('2');
  const curves = await lossChart(page).getAttribute('aria-label');
  const loss = await page.getByTestId('train-loss').textContent();
  await expect
    .poll(async () => JSON.stringify(await savedOpenTraining(page)))
    .toContain('"examplesSeen":500');

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
  await expect(page.getByRole('textbox', { name: 'Batch size', exact: true })).toHaveValue('5');
  await expect(epoch(page)).toHaveText('2');
  await expect(lossChart(page)).toHaveAttribute('aria-label', curves ?? '');
  await expect(page.getByTestId('train-loss')).toHaveText(loss ?? '');

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const url = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  const fresh = await browser.newContext();
  const other = await fresh.newPage();
  await other.goto(url);
  await expect(other.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  await expect(other.getByRole('combobox', { name: 'Dataset' })).toHaveValue('xor');
  await expect(epoch(other)).toHaveText('2');
  await expect(lossChart(other)).toHaveAttribute('aria-label', curves ?? '');
  await expect(other.getByTestId('train-loss')).toHaveText(loss ?? '');
  // It goes on from epoch 2.
  await other.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(other)).toHaveText('3');
  await fresh.close();
  expect(errors).toEqual([]);
});

test('"New seed" is undoable, and a weight seed can be typed (checked beside the field)', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await openTrainTab(page);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch(page)).toHaveText('1');
  const trainedLoss = await page.getByTestId('train-loss').textContent();
  await page.getByRole('button', { name: 'New seed' }).click();
  await expect(seedField(page)).toHaveValue('2');
  await expect(epoch(page)).toHaveText('0');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(seedField(page)).toHaveValue('1');
  await expect(epoch(page)).toHaveText('1');
  await expect(page.getByTestId('train-loss')).toHaveText(trainedLoss ?? '');
  await page.keyboard.press('Control+Shift+z');
  await expect(seedField(page)).toHaveValue('2');
  await expect(epoch(page)).toHaveText('0');

  const seed2Loss = await page.getByTestId('train-loss').textContent();
  await typeInto(page, 'Weight seed', '7');
  await expect(seedField(page)).toHaveValue('7');
  await expect(page.getByTestId('train-loss')).not.toHaveText(seed2Loss ?? '');
  for (const [typed, reason] of [
    ['1.5', 'A whole number, please.'],
    ['seven', '"seven" is not a number.'],
    ['-3', 'Must be between 0 and 2147483647.'],
  ] as const) {
    await typeInto(page, 'Weight seed', typed);
    await expect(page.getByText(reason)).toBeVisible();
  }
  await seedField(page).press('Escape');
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(seedField(page)).toHaveValue('2');
  expect(errors).toEqual([]);
});
