import { expect, test, type Page } from '@playwright/test';
import { diagramOf, openFresh } from './helpers';
import { exercise, type Exercise } from '../../src/practice/exercises';

/** "New exercise": a fresh network in short decimals; its share link gives another page the same. */

const TITLE = /^Exercise, seed (\d+): 2-2-1 sigmoid, batch of two/;
/** A number as the page writes it, when it has at most two decimals: −0.65, 0.1, 1. */
const SHORT = /^−?\d(\.\d\d?)?$/;

/** What the page shows of the work: every weight and bias in the diagram, and the batch's fields. */
async function shownNumbers(page: Page) {
  const diagram = diagramOf(page);
  const weights: string[] = [];
  const biases: string[] = [];
  for (const [layer, from, to] of [
    [1, 0, 0],
    [1, 0, 1],
    [1, 1, 0],
    [1, 1, 1],
    [2, 0, 0],
    [2, 1, 0],
  ] as const) {
    weights.push((await diagram.getByTestId(`weight-${layer}-${from}-${to}`).textContent()) ?? '');
  }
  for (const [layer, unit] of [
    [1, 0],
    [1, 1],
    [2, 0],
  ] as const) {
    biases.push((await diagram.getByTestId(`bias-value-${layer}-${unit}`).textContent()) ?? '');
  }
  const samples: string[] = [];
  for (const sample of [1, 2]) {
    await page.getByRole('radio', { name: `Sample ${sample}` }).click();
    for (const label of ['Input x₁', 'Input x₂', 'Target y₁']) {
      samples.push(await page.getByRole('textbox', { name: label, exact: true }).inputValue());
    }
  }
  const learningRate = await page
    .getByRole('textbox', { name: 'Learning rate η', exact: true })
    .inputValue();
  return { weights, biases, samples, learningRate };
}

/** The same, as the exercise's numbers are written. */
function expectedNumbers(e: Exercise) {
  const text = (x: number) => String(x).replace('-', '−');
  const [hidden, output] = e.network.layers;
  return {
    weights: [...(hidden?.weights.flat() ?? []), ...(output?.weights.flat() ?? [])].map(text),
    biases: [...(hidden?.biases ?? []), ...(output?.biases ?? [])].map(text),
    samples: e.samples.flatMap((s) => [...s.x, ...s.y]).map(text),
    learningRate: text(e.learningRate),
  };
}

test('"New exercise" opens a 2-2-1 network in short decimals, and its link opens the same in another browser', async ({
  page,
  browser,
}) => {
  const errors = await openFresh(page);
  const panel = page.getByRole('group', { name: 'Exercise' });
  await panel.getByRole('combobox', { name: 'Exercise' }).selectOption({
    label: '2-2-1 sigmoid, binary cross-entropy',
  });
  await panel.getByRole('checkbox', { name: 'Batch of two' }).check();
  await panel.getByRole('button', { name: 'New exercise' }).click();

  const example = page.getByRole('combobox', { name: 'Example' });
  await expect(example.locator('option:checked')).toHaveText(TITLE);
  const seed = Number(TITLE.exec(await example.locator('option:checked').innerText())?.[1]);
  await expect(page.locator('.example-source')).toHaveText(TITLE);
  await expect(page.getByText('step 1 of 9 · pass 1')).toBeVisible();

  const shown = await shownNumbers(page);
  for (const number of [...shown.weights, ...shown.biases, ...shown.samples, shown.learningRate]) {
    expect(number).toMatch(SHORT);
  }
  expect(shown).toEqual(expectedNumbers(exercise('sigmoid-2-2-1', seed, true)));

  // Undo brings back the example it replaced.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(example.locator('option:checked')).toHaveText(/^Classic 2-2-2/);
  await page.getByRole('button', { name: 'Redo' }).click();
  await expect(example.locator('option:checked')).toHaveText(TITLE);

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = await page.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(/#work=/);

  // A classmate's browser: nothing saved, the link alone.
  const context = await browser.newContext({ serviceWorkers: 'block' });
  const student = await context.newPage();
  const studentErrors = await openFresh(student, link);
  const studentExample = student.getByRole('combobox', { name: 'Example' });
  await expect(studentExample.locator('option:checked')).toHaveText(
    `Exercise, seed ${seed}: 2-2-1 sigmoid, batch of two`,
  );
  expect(await shownNumbers(student)).toEqual(shown);
  // "Start over" opens the same exercise again (the same seed, the same numbers).
  await student.getByRole('textbox', { name: 'Learning rate η', exact: true }).fill('2');
  await student.getByRole('textbox', { name: 'Learning rate η', exact: true }).press('Enter');
  await student.getByRole('button', { name: 'Start over' }).click();
  expect(await shownNumbers(student)).toEqual(shown);
  await context.close();
  expect(studentErrors).toEqual([]);
  expect(errors).toEqual([]);
});

test('"New exercise" is beside the example picker, on screen without scrolling, at 1440×900, 1280×720 and 390×844', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const example = page.getByRole('combobox', { name: 'Example' });
  const group = page.getByRole('group', { name: 'Exercise' });
  const button = group.getByRole('button', { name: 'New exercise' });
  for (const [width, height] of [
    [1440, 900],
    [1280, 720],
    [390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    await page.evaluate(() => window.scrollTo(0, 0));
    for (const control of [
      example,
      group.getByRole('combobox', { name: 'Exercise' }),
      group.getByRole('checkbox', { name: 'Batch of two' }),
      button,
    ])
      await expect(control, `${width}×${height}`).toBeInViewport({ ratio: 1 });
    const picker = await example.boundingBox();
    const box = await button.boundingBox();
    // On the example's line or the next one (a phone's), in the header.
    expect(Math.abs((box?.y ?? 1e9) - (picker?.y ?? 0)), `${width}×${height}`).toBeLessThan(80);
  }
  expect(errors).toEqual([]);
});
