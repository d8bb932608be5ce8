import { expect, test, type Page } from '@playwright/test';
import {
  chooseDigits,
  chooseExample,
  diagramOf,
  expectPhase,
  openFresh,
  stepForward,
  typeInto,
} from './helpers';

/**
 * An activation added through the registry (issue 11) reaches the learner: the stepper's menu
 * offers it, the diagram names it, and the equations write it out with numbers, forward and back.
 * Numbers worked by hand on the classic 2-2-2 example with ELU in the hidden layer and b₁⁽¹⁾ = −1:
 * z₁⁽¹⁾ = 0.15·0.05 + 0.2·0.1 − 1 = −0.9725, a₁⁽¹⁾ = e^−0.9725 − 1 = −0.621863, ELU′ = a + 1 = 0.378137.
 */

const CLASSIC = 'Classic 2-2-2 sigmoid network (½ squared error)';

const equation = (page: Page, title: string) =>
  page
    .getByTestId('step-equations')
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });

test('ELU in a hidden layer: chosen from the menu, written out forward and in the hidden δ', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  // The hand-worked numbers below have six significant digits.
  await chooseDigits(page, 6);
  const hidden = page.getByRole('combobox', { name: 'Activation of hidden 1 layer' });
  await expect(hidden.getByRole('option', { name: 'ELU (α = 1)' })).toHaveCount(1);
  await expect(hidden.getByRole('option', { name: 'swish z·σ(z) (SiLU)' })).toHaveCount(1);
  await hidden.selectOption({ label: 'ELU (α = 1)' });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(diagramOf(page).getByText('ELU')).toHaveCount(1);
  const bias = diagramOf(page).getByRole('button', { name: 'Bias b₁⁽¹⁾ = 0.35' });
  await bias.click({ force: true });
  await expect(bias).toHaveAttribute('aria-pressed', 'true');
  await typeInto(page, 'Bias b₁⁽¹⁾', '-1');

  await stepForward(page);
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');
  const forward = equation(page, 'Activation a₁⁽¹⁾ (ELU)');
  // KaTeX's MathML: the cases row by row, U+2061 (function application) after an operator name.
  await expect(forward).toContainText('a1(1)=ELU\u2061(z1(1))={z1(1)z1(1)>0ez1(1)−1z1(1)≤0');
  await expect(forward).toContainText('={−0.9725−0.9725>0e−0.9725−1−0.9725≤0');
  await expect(forward).toContainText('=−0.621863');

  await stepForward(page, 4);
  const delta = equation(page, 'Hidden δ₁⁽¹⁾');
  await expect(delta).toContainText('ELU′(z1(1))');
  await expect(delta).toContainText('(1[z1(1)>0]+(a1(1)+1)⋅1[z1(1)≤0])');
  await expect(delta).toContainText('(1[−0.9725>0]+(−0.621863+1)⋅1[−0.9725≤0])');
  await expect(delta).toContainText('⋅0.378137');
  expect(errors).toEqual([]);
});
