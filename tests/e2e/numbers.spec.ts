import { expect, test, type Page } from '@playwright/test';
import {
  chooseDigits,
  chooseExample,
  diagramOf,
  expectPhase,
  openFresh,
  stepForward,
} from './helpers';

/**
 * Issue 12, "one truth for numbers and symbols": Digits applies to the equations, the loss, the
 * inspector, the chain rule and the live region exactly as to the diagram; MSE over two outputs is
 * 1/K Σ; at "Start of pass" nothing computed is shown; XOR's output δ is titled and written as the
 * same quantity.
 */

const CLASSIC = 'Classic 2-2-2 sigmoid network (½ squared error)';
const XOR = 'XOR with a 2-2-1 network (mini-batch of 4)';

test.use({ viewport: { width: 1440, height: 900 } });

async function selectEdge(page: Page, name: RegExp) {
  const target = diagramOf(page).getByRole('button', { name });
  await target.click({ force: true });
  await expect(target).toHaveAttribute('aria-pressed', 'true');
}

/** The TeX sources of the typeset equations under a locator (KaTeX's MathML annotation). */
const texOf = async (page: Page, testId: string) =>
  (await page.getByTestId(testId).locator('annotation').allTextContents()).join(' ');

test('Digits sets the digits of the diagram, the loss, the equations, the inspector, the chain rule and the live region', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await stepForward(page, 6);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');
  await selectEdge(page, /^Weight w₁₁⁽²⁾ = /);
  const summary = page.locator('[aria-live="polite"]').getByTestId('step-summary');
  const exactly = (text: string) => new RegExp(`${text.replace(/[.()]/g, '\\$&')}(?!\\d)`);

  // The same numbers at each Digits, worked out by hand on Mazur's example: the loss, ∂L/∂w₂₁⁽²⁾
  // (a label not selected) and δ₁⁽²⁾, and two factors of the selected weight's chain rule,
  // a₁⁽²⁾ − y₁ and a₁⁽¹⁾.
  const shown = [
    {
      digits: 4,
      loss: '0.2984',
      gradient: '0.08267',
      delta: '0.1385',
      error: '0.7414',
      a: '0.5933',
    },
    {
      digits: 6,
      loss: '0.298371',
      gradient: '0.0826676',
      delta: '0.138499',
      error: '0.741365',
      a: '0.59327',
    },
    {
      digits: 8,
      loss: '0.29837111',
      gradient: '0.082667628',
      delta: '0.13849856',
      error: '0.74136507',
      a: '0.59326999',
    },
  ];
  for (const [index, { digits, loss, gradient, delta, error, a }] of shown.entries()) {
    if (index > 0) await chooseDigits(page, digits);
    // The diagram: the loss and an edge's gradient label.
    await expect(diagramOf(page).getByTestId('loss')).toHaveText(loss);
    await expect(diagramOf(page).getByTestId('grad-w-2-1-0')).toHaveText(gradient);
    // The loss panel and the inspector.
    await expect(page.getByTestId('loss-value')).toHaveText(loss);
    await expect(page.getByTestId('selected-loss')).toHaveText(loss);
    // The step's equations: ∂L/∂w₂₁⁽²⁾ = δ₁⁽²⁾·a₂⁽¹⁾, to exactly as many digits.
    await expect.poll(() => texOf(page, 'step-equations')).toMatch(exactly(gradient));
    await expect.poll(() => texOf(page, 'step-equations')).toMatch(exactly(delta));
    // The selected weight's chain rule: (a₁⁽²⁾ − y₁)·σ′(z₁⁽²⁾)·a₁⁽¹⁾.
    await expect.poll(() => texOf(page, 'chain-rule')).toMatch(exactly(error));
    await expect.poll(() => texOf(page, 'chain-rule')).toMatch(exactly(a));
    // The live region says what the diagram shows.
    await expect(summary).toContainText(exactly(`∂L/∂w₂₁⁽²⁾ = ${gradient}`));
    // None of them shows another Digits' numbers.
    for (const other of shown.filter((o) => o.digits !== digits)) {
      expect(await texOf(page, 'step-equations')).not.toMatch(exactly(other.gradient));
      expect(await texOf(page, 'chain-rule')).not.toMatch(exactly(other.error));
    }
  }
  // The selected parameter's gradient shows at least eight, as its label in the diagram.
  await expect(page.getByTestId('selected-gradient')).toHaveText('0.082167041');
  expect(errors).toEqual([]);
});

test('MSE over two outputs is written 1/K Σ over the K outputs, never ½Σ, and K is not the sample index n', async ({
  page,
}) => {
  await openFresh(page);
  await chooseExample(page, CLASSIC);
  await page.getByRole('combobox', { name: 'Loss', exact: true }).selectOption('mse');
  const convention = page.locator('.loss-convention annotation');
  await expect(convention).toContainText('L_{n} = \\frac{1}{K}\\sum_{j=1}^{K}');
  await expect(convention).toContainText('(K = 2)');
  await expect(convention).not.toContainText('\\frac{1}{2}\\sum');
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect
    .poll(() => texOf(page, 'step-equations'))
    .toContain('L = \\frac{1}{K}\\sum_{j=1}^{K}');
  // The matrix form writes the same loss, and its output δ the same 2/K.
  await page.getByRole('checkbox', { name: 'Matrix form' }).check();
  await expect
    .poll(() => texOf(page, 'matrix-equations'))
    .toContain('L = \\frac{1}{K}\\left\\lVert a^{(2)} - y\\right\\rVert^2');
  expect(await texOf(page, 'matrix-equations')).not.toContain('\\frac{1}{2}\\left\\lVert a');
  await stepForward(page);
  // (Short groups are typeset in braces, kept on one line.)
  await expect
    .poll(() => texOf(page, 'matrix-equations'))
    .toMatch(/= \\frac\{2\}\{K\}\{?\(a\^\{\(2\)\} - y\)\}? \\odot/);
});

test('at "Start of pass" nothing computed is shown for a selection: no gradient, no chain-rule numbers', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await selectEdge(page, /^Weight w₁₁⁽²⁾ = /);
  const chain = page.getByTestId('chain-rule');
  await expect(chain.getByRole('listitem').first()).toContainText(
    'its numbers appear once the pass has computed them',
  );
  // The general form only: no substituted line, no result.
  await expect(chain.locator('.equation-result')).toHaveCount(0);
  await expect(chain.locator('.tex-display')).toHaveCount(1);
  await expect(page.getByTestId('selected-gradient')).toHaveText('—');
  await expect(page.getByTestId('selected-loss')).toHaveText('—');
  await expect(page.getByTestId('loss-value')).toHaveText('—');

  // Once the pass reaches layer 2's gradients, the numbers are there.
  await stepForward(page, 6);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');
  await expect(chain.locator('.equation-result')).toHaveCount(1);
  await expect(page.getByTestId('selected-gradient')).toHaveText('0.082167041');
  expect(errors).toEqual([]);
});

test("XOR's output δ is titled and written as the same quantity, this sample's ∂L₁/∂z", async ({
  page,
}) => {
  await openFresh(page);
  await chooseExample(page, XOR);
  await stepForward(page, 4);
  await expectPhase(page, 'Output δ — layer 2', 'step 5 of 9 · pass 1');
  const block = page.getByTestId('step-equations').getByRole('listitem').first();
  await expect(block.locator('.equation-title')).toHaveText('Output δ₁⁽²⁾ = ∂L₁/∂z₁⁽²⁾ — sample 1');
  await expect(block.locator('annotation').first()).toContainText(
    '\\delta_{1}^{(2)} = \\frac{\\partial L_{1}}{\\partial z_{1}^{(2)}} = ',
  );
});
