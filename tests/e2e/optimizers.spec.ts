import { expect, test, type Page } from '@playwright/test';
import { chooseDigits, diagramOf, expectPhase, openFresh, stepBack, stepForward } from './helpers';
import { savedOpenWork } from './stored';

/**
 * The optimizers in the stepper (issue 16), on the classic 2-2-2 example (η = 0.5, weights only).
 * The expected numbers come from the reference written in tests/unit/engine/optimizers.test.ts
 * (torch.optim's loops over plain arrays), never from the app's engine:
 *   Adam, w₁₁⁽²⁾: pass 1 m = 0.008216704, v = 6.751423e−6, w 0.4 → −0.09999994;
 *                 pass 2 m = 0.01568684, v = 1.362008e−5, w → −0.6001133; w₁₁⁽¹⁾ → −0.3607878.
 *   Momentum (μ = 0.9), w₁₁⁽²⁾: pass 1 v = 0.08216704, w → 0.3589165;
 *                 pass 2 v = 0.1570756, w → 0.2803787.
 */

/** The equation block whose title starts with `title`, in the "This step" list. */
const equation = (page: Page, title: string) =>
  page
    .getByTestId('step-equations')
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });

/** From the start of a pass to its update step (the 9th), with every equation listed. */
async function toUpdate(page: Page, pass: number) {
  await stepForward(page, 8);
  await expectPhase(page, 'Gradient-descent update', `step 9 of 9 · pass ${pass}`);
  const all = page.getByRole('button', { name: /^Show all \d+ equations$/ });
  if (await all.isVisible()) await all.click();
}

test('Adam, stepped through two passes: m, v, the updated weights; a reload keeps the state', async ({
  page,
}) => {
  test.setTimeout(60_000); // 27 steps and a reload: 30 s was reached once at load 12
  const errors = await openFresh(page);
  await chooseDigits(page, 6);
  const optimizer = page.getByRole('combobox', { name: 'Optimizer' });
  await expect(optimizer).toHaveValue('sgd');
  await optimizer.selectOption({ label: 'Adam' });
  await expect(page.getByRole('textbox', { name: 'First-moment decay β₁' })).toHaveValue('0.9');
  await expect(page.getByRole('textbox', { name: 'Second-moment decay β₂' })).toHaveValue('0.999');
  await expect(page.getByRole('textbox', { name: 'Epsilon ε' })).toHaveValue('1e−8');
  await expect(page.getByTestId('optimizer-state')).toContainText('no step taken yet (t = 0');

  await toUpdate(page, 1);
  await expect(equation(page, 'Update w₁₁⁽²⁾: first moment m')).toContainText('0.0082167');
  await expect(equation(page, 'Update w₁₁⁽²⁾: second moment v')).toContainText('6.75142');
  await expect(equation(page, 'Update w₁₁⁽²⁾: m̂')).toContainText('(t = 1)');
  const diagram = diagramOf(page);
  // Adam's first step moves every weight by about η = 0.5, whatever its gradient.
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4 → −0.0999999');
  await expect(diagram.getByTestId('weight-1-0-0')).toHaveText('0.15 → −0.349989');

  await stepForward(page);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 2');
  await expect(page.getByTestId('optimizer-state')).toContainText('t = 1 step taken');
  await toUpdate(page, 2);
  // m ← β₁m + (1 − β₁)g, on top of the first pass's m.
  await expect(equation(page, 'Update w₁₁⁽²⁾: first moment m')).toContainText('0.0082167');
  await expect(equation(page, 'Update w₁₁⁽²⁾: first moment m')).toContainText('0.0156868');
  await expect(equation(page, 'Update w₁₁⁽²⁾: second moment v')).toContainText('1.36201');
  await expect(equation(page, 'Update w₁₁⁽²⁾: m̂')).toContainText('(t = 2)');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('−0.0999999 → −0.600113');
  await expect(diagram.getByTestId('weight-1-0-0')).toHaveText('−0.349989 → −0.360788');
  await expect(equation(page, 'Update w₁₁⁽²⁾').last()).toContainText('0.600113');

  // Saved with the work: a reload brings back the optimizer and its state.
  await expect
    .poll(async () => ((await savedOpenWork(page))?.optimizerState as { t?: number })?.t)
    .toBe(1);
  await page.reload();
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 2');
  await expect(page.getByRole('combobox', { name: 'Optimizer' })).toHaveValue('adam');
  const all = page.getByRole('button', { name: /^Show all \d+ equations$/ });
  if (await all.isVisible()) await all.click();
  await expect(equation(page, 'Update w₁₁⁽²⁾: first moment m')).toContainText('0.0156868');
  await expect(diagramOf(page).getByTestId('weight-2-0-0')).toHaveText('−0.0999999 → −0.600113');

  // Stepping back past the first update restores the state before it: m and v at 0 again.
  await stepBack(page, 9);
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await expect(page.getByTestId('optimizer-state')).toContainText('no step taken yet (t = 0');
  await expect(equation(page, 'Update w₁₁⁽²⁾: first moment m')).toContainText('0.0082167');
  await expect(equation(page, 'Update w₁₁⁽²⁾: first moment m')).not.toContainText('0.0156868');
  expect(errors).toEqual([]);
});

test("Momentum's velocity v after two passes, and Nesterov's look-ahead step", async ({ page }) => {
  const errors = await openFresh(page);
  await chooseDigits(page, 6);
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption({ label: 'Momentum' });
  await expect(page.getByRole('textbox', { name: 'Momentum μ' })).toHaveValue('0.9');
  await toUpdate(page, 1);
  // The first step: v = g, the same step as SGD's.
  await expect(equation(page, 'Update w₁₁⁽²⁾: velocity v')).toContainText('0.082167');
  await expect(diagramOf(page).getByTestId('weight-2-0-0')).toHaveText('0.4 → 0.358916');
  await stepForward(page);
  await toUpdate(page, 2);
  await expect(equation(page, 'Update w₁₁⁽²⁾: velocity v')).toContainText('0.157076');
  await expect(diagramOf(page).getByTestId('weight-2-0-0')).toHaveText('0.358916 → 0.280379');

  // A bad μ is refused beside its field; the state stays.
  const mu = page.getByRole('textbox', { name: 'Momentum μ' });
  await mu.fill('1');
  await mu.press('Enter');
  await expect(
    page.getByText("Momentum's momentum μ is 1; it must be a number in [0, 1)."),
  ).toBeVisible();
  await expect(diagramOf(page).getByTestId('weight-2-0-0')).toHaveText('0.358916 → 0.280379');

  // Nesterov shares the velocity and steps by g + μv: the same pass's equation changes.
  await page.getByRole('combobox', { name: 'Optimizer' }).selectOption({ label: 'Nesterov' });
  // 0.358916 − 0.5·(g + 0.9·0.157076), g = this pass's gradient.
  await expect(equation(page, 'Update w₁₁⁽²⁾').last()).toContainText('0.157076');
  await expect(diagramOf(page).getByTestId('weight-2-0-0')).not.toHaveText('0.358916 → 0.280379');
  await expect(page.getByTestId('optimizer-state')).toContainText('t = 1 step taken');
  expect(errors).toEqual([]);
});
