import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers';
import { savedOpenTraining } from './stored';

/**
 * The race (issue 16): the same network, data and seed trained with two optimizers at once, their
 * curves on one chart, each named with its settings; saved with the work, so a reload finds the
 * race and its curves again.
 */

const ADAM = 'Adam (β₁ 0.9, β₂ 0.999, ε 1e−8)';

/** The loss chart's legend entries, in order. */
const legend = (page: Page) =>
  page.getByRole('region', { name: 'Loss', exact: true }).locator('.legend-item').allTextContents();

/** The readouts of each run: training loss, test loss, training and test accuracy. */
async function readouts(page: Page) {
  const read = (id: string) => page.getByTestId(id).textContent();
  return {
    first: await Promise.all(
      ['train-loss', 'test-loss', 'train-accuracy', 'test-accuracy'].map(read),
    ),
    second: await Promise.all(
      ['race-train-loss', 'race-test-loss', 'race-train-accuracy', 'race-test-accuracy'].map(read),
    ),
  };
}

/** How many of the loss chart's curves are drawn as lines (at least two points each). */
const drawnCurves = (page: Page) =>
  page
    .getByTestId('loss-chart')
    .locator('path')
    .evaluateAll((paths) => paths.filter((p) => /L/.test(p.getAttribute('d') ?? '')).length);

test('SGD against Adam: two labelled curves and two readouts, found again after a reload', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'XOR (two classes)' });
  await expect(page.getByRole('combobox', { name: 'Optimizer', exact: true })).toHaveValue('sgd');

  const race = page.getByRole('checkbox', { name: 'Race two optimizers' });
  await race.check();
  await expect(race).toBeChecked();
  const second = page.getByRole('combobox', { name: 'Second optimizer' });
  await expect(second).toHaveValue('adam');
  await expect(page.getByRole('textbox', { name: "Second optimizer's epsilon ε" })).toHaveValue(
    '1e−8',
  );

  const oneEpoch = page.getByRole('button', { name: 'One epoch' });
  for (let epoch = 1; epoch <= 3; epoch++) {
    await oneEpoch.click();
    await expect(page.getByTestId('train-epoch')).toHaveText(String(epoch));
  }
  expect(await legend(page)).toEqual([
    'SGD: training',
    'SGD: test',
    `${ADAM}: training`,
    `${ADAM}: test`,
  ]);
  expect(await drawnCurves(page)).toBe(4);
  await expect(page.getByTestId('race-first')).toContainText('SGD');
  await expect(page.getByTestId('race-second')).toContainText(ADAM);
  const before = await readouts(page);
  for (const value of [...before.first, ...before.second]) expect(value).toMatch(/^\d/);
  // Another optimizer on the same batches: its losses are its own.
  expect(before.second[0]).not.toBe(before.first[0]);
  await expect(
    page.getByRole('img', { name: /Loss per epoch: SGD: training .*; Adam/ }),
  ).toBeVisible();

  // Saved: the race, the second run's network and Adam's state (t = 3 epochs of 25 batches).
  await expect
    .poll(async () => {
      const saved = (await savedOpenTraining(page)) as {
        choices: { race?: boolean };
        work?: {
          progress: { race?: { history: unknown[]; optimizerState: { t: number } | null } };
        };
      } | null;
      const run = saved?.work?.progress.race;
      // Saved while the race starts, its run has no optimizer state yet (null).
      return [saved?.choices.race, run?.history.length, run?.optimizerState?.t];
    })
    .toEqual([true, 4, 75]);

  await page.reload();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true', {
    timeout: 15_000,
  });
  await expect(page.getByRole('checkbox', { name: 'Race two optimizers' })).toBeChecked();
  await expect(page.getByRole('combobox', { name: 'Second optimizer' })).toHaveValue('adam');
  await expect(page.getByTestId('train-epoch')).toHaveText('3');
  await expect(page.getByTestId('race-train-loss')).toHaveText(before.second[0] as string);
  expect(await readouts(page)).toEqual(before);
  expect(await legend(page)).toEqual([
    'SGD: training',
    'SGD: test',
    `${ADAM}: training`,
    `${ADAM}: test`,
  ]);
  expect(await drawnCurves(page)).toBe(4);

  // The race goes on from where it was, both runs together.
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('4');
  await expect(page.getByTestId('race-train-loss')).not.toHaveText(before.second[0] as string);
  expect(errors).toEqual([]);
});

test('while racing, each optimizer’s own speed and gradient health, by name', async ({ page }) => {
  const errors = await openFresh(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'XOR (two classes)' });
  await page.getByRole('checkbox', { name: 'Race two optimizers' }).check();
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  const speed = /^[\d,]+ examples\/s of its own time$/;
  await expect(page.getByTestId('race-first').getByTestId('race-first-speed')).toHaveText(speed);
  await expect(page.getByTestId('race-second').getByTestId('race-second-speed')).toHaveText(speed);
  await expect(page.getByTestId('gradient-health')).toContainText('SGD:');
  await expect(page.getByTestId('race-gradient-health')).toContainText(`${ADAM}:`);
  await page.getByRole('button', { name: 'Pause training' }).click();
  // Paused: no speeds (nothing runs).
  await expect(page.getByTestId('race-first-speed')).toHaveCount(0);
  expect(errors).toEqual([]);
});
