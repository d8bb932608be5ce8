import { readFileSync } from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import { prepareData, readCsv } from '../../src/data';
import { savedOpenWork } from './stored';
import {
  DIGITS,
  axeScan,
  diagramOf,
  drawASeven,
  oneEpochs,
  openTraining,
  stepThroughTheSeven,
} from './helpers';

/** Pictures as inputs (issue 15): the digits as thumbnails, weights as pictures, a drawing pad. */

async function openDigits(page: Page): Promise<string[]> {
  const errors = await openTraining(page, DIGITS);
  await expect(page.getByTestId('data-summary')).toHaveText(
    '899 training and 898 test points · 64 inputs · 10 classes',
  );
  return errors;
}

test('the digits: examples as thumbnails, and first-layer weights as pictures that training changes', async ({
  page,
}) => {
  const errors = await openDigits(page);
  const examples = page.getByTestId('picture-examples');
  await expect(examples).toContainText(
    'Each point is a picture of 8×8 pixels (the inputs are named by their pixels), the inputs row by row: 0 white, 16 black.',
  );
  const thumbnails = examples.getByRole('img');
  await expect(thumbnails).toHaveCount(20);
  await expect(thumbnails.first()).toHaveAccessibleName(/^Training point \d+: class 0$/);
  await expect(thumbnails.nth(15)).toHaveAccessibleName(/^Training point \d+: class 7$/);
  // Painted: an 8 × 8 canvas, not a blank 300 × 150 one.
  await expect(thumbnails.first()).toHaveJSProperty('width', 8);

  const weights = page.getByRole('region', { name: 'First-layer weights' });
  const pictures = weights.getByRole('img');
  await expect(pictures).toHaveCount(8);
  const first = weights.getByRole('img', { name: 'Weights into unit 1 of layer 1, one per pixel' });
  await expect(first).toHaveJSProperty('width', 8);
  const scale = page.getByTestId('weight-scale-1');
  await expect(scale).toHaveText(/^±\d/);
  const before = await scale.textContent();
  await oneEpochs(page, 1);
  await expect(scale).not.toHaveText(before ?? '');
  await expect(scale).toHaveText(/^±\d/);

  const results = await axeScan(page);
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test('draw a digit and step through it', async ({ page }) => {
  const errors = await openDigits(page);
  await oneEpochs(page, 3);
  await expect(page.getByTestId('pad-answer')).toContainText('Draw in the box');
  await expect(page.getByRole('button', { name: 'Step through this drawing' })).toBeDisabled();
  await drawASeven(page);

  // The network's answer, live: after 3 epochs it reads the 7.
  await expect(page.getByTestId('pad-best')).toHaveText('7');
  await expect(
    page.getByRole('list', { name: 'Probability of each class' }).getByRole('listitem'),
  ).toHaveCount(10);
  await expect(page.getByTestId('drawing-picture')).toHaveJSProperty('width', 8);

  // The picture as the network sees it, before scaling: 64 numbers of 0…16.
  await page.getByText('The picture as numbers').click();
  const raw = (await page.getByTestId('drawing-numbers').locator('td').allTextContents()).map(
    Number,
  );
  expect(raw).toHaveLength(64);
  expect(raw.every((v) => Number.isInteger(v) && v >= 0 && v <= 16)).toBe(true);
  expect(Math.max(...raw)).toBe(16);
  // The picture's edge columns stay blank, as the digits' do.
  expect(raw.filter((_, k) => k % 8 === 0 || k % 8 === 7).every((v) => v === 0)).toBe(true);

  await stepThroughTheSeven(page);

  // Its one sample: the drawing scaled as training scaled the digits (the training split's mean
  // and deviation of each pixel, seed 1, half for training), with the target 7.
  const read = readCsv(readFileSync('src/data/datasets/digits.csv', 'utf8'));
  if (!read.ok) throw new Error(read.error);
  const scale = prepareData(read.dataset, [], 0.5, 1, 'standard').scale;
  if (!scale) throw new Error('standardised');
  const expected = raw.map(
    (v, i) => (v - (scale.offset[i] as number)) / (scale.factor[i] as number),
  );
  const inputs = page.getByRole('textbox', { name: /^Input x/ });
  await expect(inputs).toHaveCount(64);
  const shown = (
    await inputs.evaluateAll((fields) => fields.map((field) => (field as HTMLInputElement).value))
  ).map((text) => Number(text.replace('−', '-')));
  shown.forEach((value, i) => expect(value).toBeCloseTo(expected[i] as number, 5));
  const targets = page.getByRole('textbox', { name: /^Target y/ });
  await expect(targets).toHaveCount(10);
  await expect(targets.nth(7)).toHaveValue('1');
  await expect(targets.nth(0)).toHaveValue('0');

  // The stepper draws the inputs as the 8×8 picture; a reload (the saved work) still does, and a
  // first-layer unit's weights are shown on it.
  const grid = diagramOf(page).getByTestId('input-grid');
  const caption = grid.getByTestId('input-grid-caption');
  await expect(grid).toHaveAttribute('data-picture', '8×8');
  await expect(caption).toHaveText('Picture 8×8, darker is larger');
  await expect
    .poll(async () => (await savedOpenWork(page))?.picture)
    .toEqual({ width: 8, height: 8 });
  await page.reload();
  await expect(page.getByRole('textbox', { name: /^Input x/ })).toHaveCount(64);
  await expect(grid).toHaveAttribute('data-picture', '8×8');
  await expect(caption).toHaveText('Picture 8×8, darker is larger');
  await diagramOf(page).getByTestId('unit-1-0').dispatchEvent('click');
  await expect(caption).toHaveText(/^Weights into a\S+: blue \+, red −$/);
  await expect(grid).toHaveAttribute('data-picture', '8×8');
  expect(errors).toEqual([]);
});
