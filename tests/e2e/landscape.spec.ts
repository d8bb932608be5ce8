import { expect, test, type Page } from '@playwright/test';
import {
  chooseDigits,
  chooseExample,
  diagramOf,
  expectPhase,
  openFresh,
  stepForward,
} from './helpers';
import { savedOpenTraining, savedOpenWork } from './stored';

/**
 * The loss landscape (issue 16): two parameters picked, the contour map, the path the optimizer took
 * (one point per applied pass in the stepper, sampled as the Train tab trains), and the slice whose
 * tangent has the slope the stepper shows for ∂L/∂w.
 */
const CLASSIC = 'Classic 2-2-2 sigmoid network (½ squared error)';

const landscapeOf = (page: Page) => page.getByRole('region', { name: 'Loss landscape' });

async function openLandscape(page: Page) {
  const region = landscapeOf(page);
  await region.getByRole('button', { name: 'Show the loss landscape' }).click();
  return region;
}

const pathCount = async (page: Page) =>
  Number(
    /(\d+)/.exec((await landscapeOf(page).getByTestId('landscape-path').textContent()) ?? '')?.[1],
  );

test('stepper: two weights of the classic example, the map, the path through two applied steps, and the tangent’s slope', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await chooseDigits(page, 6);
  const region = await openLandscape(page);
  await region
    .getByRole('combobox', { name: 'First parameter' })
    .selectOption({ label: 'Weight w₁₁⁽²⁾' });
  await region
    .getByRole('combobox', { name: 'Second parameter' })
    .selectOption({ label: 'Weight w₁₁⁽¹⁾' });
  const map = region.getByRole('img', {
    name: /Contour map of the loss over w₁₁⁽²⁾ \(across\) and w₁₁⁽¹⁾ \(up\)/,
  });
  // At the start of the pass nothing computed is shown, the landscape's losses included.
  await expect(region.getByTestId('landscape-withheld')).toHaveText(
    'The landscape appears once this pass has computed the loss L: step on to it.',
  );
  await expect(map).toHaveCount(0);
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect(map).toBeVisible();
  // The default range: the value ± max(1, 2·|w|), w₁₁⁽²⁾ = 0.4 and w₁₁⁽¹⁾ = 0.15.
  await expect(region.getByRole('textbox', { name: 'Range of w₁₁⁽²⁾ from' })).toHaveValue('−0.6');
  await expect(region.getByRole('textbox', { name: 'Range of w₁₁⁽²⁾ to' })).toHaveValue('1.4');
  await expect(region.getByRole('textbox', { name: 'Range of w₁₁⁽¹⁾ to' })).toHaveValue('1.15');
  await expect(region.getByTestId('landscape-level').first()).toBeVisible();
  await expect(region.getByTestId('landscape-path')).toHaveText('Path: 1 point');
  // Before the pass has computed ∂L/∂w, the slope is not shown.
  await expect(region.getByTestId('landscape-slope')).toHaveText('—');

  // Two gradient-descent steps applied: the path gains a point each.
  await stepForward(page, 9);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 2');
  await expect(region.getByTestId('landscape-path')).toHaveText('Path: 2 points');
  await stepForward(page, 9);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 3');
  await expect(region.getByTestId('landscape-path')).toHaveText('Path: 3 points');
  // Where the path ends: w₁₁⁽²⁾ after two steps of η = 0.5 (tests/unit: 0.358916, then on).
  const line = region.getByTestId('landscape-path-line');
  await expect(line).toHaveAttribute('d', /^M[\d.]+,[\d.]+L[\d.]+,[\d.]+L[\d.]+,[\d.]+$/);

  // On to the gradients of layer 2: the tangent's slope is the stepper's ∂L/∂w₁₁⁽²⁾, digit for digit.
  await stepForward(page, 3);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 3');
  const edge = diagramOf(page).getByRole('button', { name: /^Weight w₁₁⁽²⁾ = / });
  await edge.click({ force: true });
  await expect(edge).toHaveAttribute('aria-pressed', 'true');
  const gradient = page.getByTestId('selected-gradient');
  await expect(gradient).toHaveText(/^0\.0\d+$/);
  const slope = region.getByTestId('landscape-slope');
  await expect(slope).toHaveText((await gradient.textContent()) as string);
  // And it follows the Digits setting as the stepper does.
  await chooseDigits(page, 8);
  await expect(slope).toHaveText((await gradient.textContent()) as string);
  expect(errors).toEqual([]);
});

test('a typed range must be two finite numbers in order, said next to it', async ({ page }) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await stepForward(page, 3); // the loss computed: the map is drawn
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  const region = await openLandscape(page);
  const from = region.getByRole('textbox', { name: 'Range of w₁₁⁽²⁾ from' });
  const to = region.getByRole('textbox', { name: 'Range of w₁₁⁽²⁾ to' });
  await from.fill('2');
  await expect(region.getByRole('alert')).toHaveText(
    'The first number must be smaller than the second.',
  );
  await expect(from).toHaveAttribute('aria-invalid', 'true');
  await from.fill('1e999');
  await expect(region.getByRole('alert')).toHaveText('Type two finite numbers.');
  await from.fill('−1');
  await to.fill('3');
  await to.press('Enter');
  await expect(region.getByRole('alert')).toHaveCount(0);
  // The map is drawn over the new range: its ticks say so.
  const map = region.getByRole('img', { name: /Contour map/ });
  await expect(map.getByText('−1', { exact: true })).toBeVisible();
  await expect(map.getByText('3', { exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('Train: the path moves as training runs', async ({ page }) => {
  const errors = await openFresh(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  const region = await openLandscape(page);
  await expect(region.getByRole('img', { name: /Contour map/ })).toBeVisible({ timeout: 20_000 });
  await expect(region.getByTestId('landscape-path')).toHaveText('Path: 1 point');
  const line = region.getByTestId('landscape-path-line');
  const before = await line.getAttribute('d');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect.poll(() => pathCount(page), { timeout: 20_000 }).toBeGreaterThan(3);
  await expect.poll(() => line.getAttribute('d')).not.toBe(before);
  // The map itself is computed again as the network moves.
  const pictures = region.locator('.landscape-pictures');
  const refreshes = Number(await pictures.getAttribute('data-refreshes'));
  await expect
    .poll(async () => Number(await pictures.getAttribute('data-refreshes')), { timeout: 20_000 })
    .toBeGreaterThan(refreshes + 1);
  await page.getByRole('button', { name: 'Pause training' }).click();
  expect(errors).toEqual([]);
});

test('stepper: while predict first asks for L, the landscape (made of losses) waits for the answer', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  const box = page.getByRole('checkbox', { name: 'Predict first' });
  await box.check();
  await expect(box).toBeChecked();
  // Only the loss asked, so the pass reaches it at once.
  await page.getByText('What is asked, how much help').click();
  const askFor = page.getByRole('group', { name: 'Ask for' });
  for (const kind of ['z', 'a', 'δ', '∂L/∂w', '∂L/∂b', 'new w', 'new b'])
    await askFor.getByRole('checkbox', { name: kind, exact: true }).uncheck();
  await expect(askFor.getByRole('checkbox', { name: 'loss L', exact: true })).toBeChecked();
  const region = await openLandscape(page);
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect(region.getByTestId('landscape-withheld')).toHaveText(
    'The landscape appears once you have answered L: it would give the loss away.',
  );
  await expect(region.getByRole('img', { name: /Contour map/ })).toHaveCount(0);
  // The classic example's loss, 0.298371109 (the tutorial's E_total).
  const answer = page.getByRole('textbox', { name: 'Your prediction for L', exact: true });
  await answer.fill('0.2984');
  await answer.press('Enter');
  await expect(region.getByRole('img', { name: /Contour map/ })).toBeVisible();
  await expect(region.getByTestId('landscape-withheld')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('stepper: the two parameters picked on the diagram, by click and by keyboard; Escape cancels', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  const region = await openLandscape(page);
  const pick = region.getByRole('button', { name: 'Pick on the diagram' });
  const first = region.getByRole('combobox', { name: 'First parameter' });
  const second = region.getByRole('combobox', { name: 'Second parameter' });
  const diagram = diagramOf(page);
  const edge = (name: string) => diagram.getByRole('button', { name: new RegExp(`^${name} = `) });

  // Escape cancels: the next click only selects the weight, as it always does.
  await pick.click();
  await expect(pick).toHaveAttribute('aria-pressed', 'true');
  await expect(region.getByRole('status')).toContainText('Click the first parameter');
  await page.keyboard.press('Escape');
  await expect(pick).toHaveAttribute('aria-pressed', 'false');
  await expect(region.getByRole('status')).toHaveCount(0);
  await edge('Weight w₂₁⁽¹⁾').click({ force: true });
  await expect(edge('Weight w₂₁⁽¹⁾')).toHaveAttribute('aria-pressed', 'true');
  await expect(first.locator('option:checked')).toHaveText('Weight w₁₁⁽²⁾');
  await expect(second.locator('option:checked')).toHaveText('Weight w₂₁⁽²⁾');

  // Picking: a click for the first, Enter on a focused edge for the second.
  await pick.click();
  await edge('Weight w₂₂⁽¹⁾').click({ force: true });
  await expect(first.locator('option:checked')).toHaveText('Weight w₂₂⁽¹⁾');
  await expect(region.getByRole('status')).toContainText('Click the second parameter');
  await edge('Bias b₁⁽²⁾').focus();
  await page.keyboard.press('Enter');
  await expect(second.locator('option:checked')).toHaveText('Bias b₁⁽²⁾');
  await expect(pick).toHaveAttribute('aria-pressed', 'false');
  await expect(
    region.getByRole('img', {
      name: /Contour map of the loss over w₂₂⁽¹⁾ \(across\) and b₁⁽²⁾ \(up\)/,
    }),
  ).toBeVisible();
  await expect(region.getByTestId('landscape-resolution')).toHaveText('Grid 64 × 64');

  // Saved with the work: a reload brings back the panel, its two parameters and its grid.
  await region.getByRole('combobox', { name: 'Grid' }).selectOption('32');
  await expect(region.getByTestId('landscape-resolution')).toHaveText('Grid 32 × 32');
  await expect
    .poll(async () =>
      JSON.stringify(((await savedOpenWork(page))?.view as { landscape?: unknown })?.landscape),
    )
    .toBe(
      JSON.stringify({
        open: true,
        x: { kind: 'weight', layer: 1, from: 1, to: 1 },
        y: { kind: 'bias', layer: 2, unit: 0 },
        side: 32,
      }),
    );
  await page.reload();
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect(first.locator('option:checked')).toHaveText('Weight w₂₂⁽¹⁾');
  await expect(second.locator('option:checked')).toHaveText('Bias b₁⁽²⁾');
  await expect(region.getByRole('combobox', { name: 'Grid' })).toHaveValue('32');
  await expect(region.getByTestId('landscape-resolution')).toHaveText('Grid 32 × 32');
  expect(errors).toEqual([]);
});

test('Train: the landscape’s choices come back on reload', async ({ page }) => {
  const errors = await openFresh(page);
  await page.getByRole('tab', { name: 'Train' }).click();
  const region = await openLandscape(page);
  await region
    .getByRole('combobox', { name: 'First parameter' })
    .selectOption({ label: 'Weight w₁₁⁽¹⁾' });
  await region
    .getByRole('combobox', { name: 'Second parameter' })
    .selectOption({ label: 'Bias b₁⁽¹⁾' });
  await region.getByRole('combobox', { name: 'Grid' }).selectOption('16');
  // The Train tab's diagram is a picture: the lists only.
  await expect(region.getByRole('button', { name: 'Pick on the diagram' })).toHaveCount(0);
  await expect
    .poll(async () => JSON.stringify((await savedOpenTraining(page))?.choices.landscape))
    .toBe(
      JSON.stringify({
        open: true,
        x: { kind: 'weight', layer: 1, from: 0, to: 0 },
        y: { kind: 'bias', layer: 1, unit: 0 },
        side: 16,
      }),
    );
  await page.reload();
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(
    region.getByRole('img', {
      name: /Contour map of the loss over w₁₁⁽¹⁾ \(across\) and b₁⁽¹⁾ \(up\)/,
    }),
  ).toBeVisible({ timeout: 20_000 });
  await expect(region.getByRole('combobox', { name: 'Grid' })).toHaveValue('16');
  await expect(region.getByTestId('landscape-resolution')).toHaveText('Grid 16 × 16');
  expect(errors).toEqual([]);
});
