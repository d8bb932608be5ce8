import { expect, test, type Page } from '@playwright/test';
import {
  DIGITS,
  axeScan,
  diagramOf,
  drawASeven,
  oneEpochs,
  openTraining,
  stepThroughTheSeven,
  typeInto,
} from './helpers';

/**
 * The stepper at 64 inputs (issue 15): a drawing stepped through shows its 64 inputs as an 8×8
 * grid of cells, its first layer's edges as a bundle with a unit's weights on the grid on demand,
 * and its z equations collapsed.
 */

async function stepThroughASeven(page: Page): Promise<string[]> {
  const errors = await openTraining(page, DIGITS);
  await oneEpochs(page, 1);
  await drawASeven(page);
  await stepThroughTheSeven(page);
  return errors;
}

/** Select a diagram element by the keyboard, as a learner may (it may be out of the view). */
async function pressOn(page: Page, testId: string): Promise<void> {
  const target = diagramOf(page).getByTestId(testId);
  await target.focus();
  await target.press('Enter');
  await expect(target).toHaveAttribute('aria-pressed', 'true');
}

/** The number at the end of an accessible name "… = −0.1234". */
const numberIn = (name: string | null) => Number((name ?? '').split(' = ')[1]?.replace('−', '-'));

test('a drawing stepped through: its 64 inputs as an 8×8 grid, weights on demand, equations collapsed', async ({
  page,
}) => {
  // Training an epoch and stepping a 64-8-10 pass on a shared two-core machine takes a while.
  test.setTimeout(120_000);
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await stepThroughASeven(page);
  const diagram = diagramOf(page);
  const grid = diagram.getByTestId('input-grid');
  await expect(grid).toBeVisible();

  // 64 cells in 8 columns and 8 rows, the whole grid on screen; no circle for an input.
  const cells = grid.getByRole('button');
  await expect(cells).toHaveCount(64);
  await expect(diagram.locator('.unit-column[data-layer="0"] .unit-circle')).toHaveCount(0);
  await page.getByRole('button', { name: 'Fit', exact: true }).click();
  await grid.scrollIntoViewIfNeeded();
  const boxes = await cells.evaluateAll((nodes) =>
    nodes.map((node) => {
      const r = node.getBoundingClientRect();
      return { x: Math.round(r.x + r.width / 2), y: Math.round(r.y + r.height / 2) };
    }),
  );
  expect(new Set(boxes.map((b) => b.x)).size).toBe(8);
  expect(new Set(boxes.map((b) => b.y)).size).toBe(8);
  // Row by row: cell 9 is right of cell 8 and under cell 1.
  expect(boxes[9]?.x).toBeGreaterThan(boxes[8]?.x ?? Infinity);
  expect(boxes[9]?.y).toBeGreaterThan(boxes[1]?.y ?? Infinity);
  const gridBox = await grid.boundingBox();
  if (!gridBox) throw new Error('no grid');
  expect(gridBox.x).toBeGreaterThanOrEqual(0);
  expect(gridBox.y).toBeGreaterThanOrEqual(0);
  expect(gridBox.x + gridBox.width).toBeLessThanOrEqual(1440);
  expect(gridBox.y + gridBox.height).toBeLessThanOrEqual(900);
  if (process.env.SHOTS) await page.screenshot({ path: '/tmp/wide15-picture-1440.png' });

  // A cell is the input unit: selecting it selects x₂₇ (pixel 26), whose value is the drawing's.
  const field = page.getByRole('textbox', { name: 'Input x₂₇', exact: true });
  const value = Number((await field.inputValue()).replace('−', '-'));
  await pressOn(page, 'unit-0-26');
  const cell = diagram.getByTestId('unit-0-26');
  await expect(cell).toHaveAccessibleName(/^Input x₂₇ = /);
  expect(numberIn(await cell.getAttribute('aria-label'))).toBeCloseTo(value, 4);
  await expect(diagram.getByTestId('input-grid-caption')).toHaveText(/^x₂₇ = /);

  // Selecting a first-layer unit shows its 64 incoming weights on the grid.
  await pressOn(page, 'unit-1-2');
  await expect(grid).toHaveAttribute('data-weights-into', '2');
  await expect(cell).toHaveAccessibleName(/^Weight w₂₇,₃⁽¹⁾ = -?−?\d/);
  await expect(diagram.getByTestId('edge-bundles').locator('.edge-bundle.selected')).toHaveCount(1);

  // Go on to the gradients of layer 1, then pick a weight on the grid and edit it.
  const phase = page.getByRole('group', { name: 'Step through the pass' }).getByTestId('phase');
  for (let k = 0; k < 12 && (await phase.textContent()) !== 'Gradients — layer 1'; k++)
    await page.getByRole('button', { name: 'Step forward' }).click();
  await expect(phase).toHaveText('Gradients — layer 1');
  await pressOn(page, 'unit-0-26');
  const weightField = page.getByRole('textbox', { name: 'Weight w₂₇,₃⁽¹⁾', exact: true });
  await expect(weightField).toBeVisible();
  // The grid still shows unit 3's weights, this one selected, and the bundle's edge is drawn.
  await expect(grid).toHaveAttribute('data-weights-into', '2');
  await expect(diagram.getByTestId('edge-1-26-2')).toBeAttached();
  const gradient = page.getByTestId('selected-gradient');
  await expect(gradient).toHaveText(/\d/);
  const before = await gradient.textContent();
  const delta = await diagram.getByTestId('value-delta-1-2').textContent();
  await typeInto(page, 'Weight w₂₇,₃⁽¹⁾', '3');
  await expect(cell).toHaveAccessibleName(/ = 3(\.0+)?$/);
  await expect(gradient).not.toHaveText(before ?? '');
  await expect(diagram.getByTestId('value-delta-1-2')).not.toHaveText(delta ?? '');

  // The forward step of layer 1: each z of 64 terms written as first three, ⋯, last two.
  for (let k = 0; k < 12 && (await phase.textContent()) !== 'Forward pass — layer 1 of 2'; k++)
    await page.getByRole('button', { name: 'Step back' }).click();
  await expect(phase).toHaveText('Forward pass — layer 1 of 2');
  const tex = page.getByTestId('step-equations').locator('annotation');
  await expect(tex.first()).toContainText('\\sum_{i=1}^{64}');
  const substituted = (await tex.allTextContents()).find((t) => t.includes('\\cdots'));
  if (!substituted) throw new Error('no collapsed sum');
  // Five products, w·x, of the 64.
  expect(substituted.match(/\\cdot /g)).toHaveLength(5);
  await expect(page.getByTestId('step-equations')).toContainText(
    'Pre-activation z₁⁽¹⁾: 64 weighted terms, the first three and the last two written out',
  );

  if (process.env.SHOTS) {
    await pressOn(page, 'unit-1-2');
    for (const [width, height] of [
      [1440, 900],
      [1280, 720],
      [390, 844],
    ] as const) {
      await page.setViewportSize({ width, height });
      await page.getByRole('button', { name: 'Fit', exact: true }).click();
      await diagram.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `/tmp/wide15-${width}.png` });
    }
  }
  const results = await axeScan(page);
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});
