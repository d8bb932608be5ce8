import { expect, test, type Page } from '@playwright/test';
import { chooseExample, diagramOf, expectPhase, openFresh, stepForward } from './helpers';

/**
 * Issue 12, "one truth for numbers and symbols": Digits applies to the equations, the loss, the
 * editor and the chain rule as to the diagram (they carry two more digits than its labels); MSE over two outputs is 1/K Σ; at "Start of pass"
 * nothing computed is shown; XOR's output δ is titled and written as the same quantity.
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

test('Digits sets the digits of the loss, the equations, the editor, the chain rule and the live region', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await stepForward(page, 6);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');
  await selectEdge(page, /^Weight w₁₁⁽²⁾ = /);
  const digits = page.getByRole('combobox', { name: 'Digits' });

  // Digits 4 (the default): the diagram's labels 4, the loss and the equations two more, enough
  // to redo an equation's arithmetic.
  await expect(diagramOf(page).getByTestId('loss')).toHaveText('0.2984');
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  await expect(page.getByTestId('selected-loss')).toHaveText('0.298371');
  for (const where of ['step-equations', 'chain-rule']) {
    await expect.poll(() => texOf(page, where)).toMatch(/0\.082167(?!\d)/);
  }
  // The live region says what the diagram shows.
  const summary = page.getByTestId('step-summary');
  await expect(summary).toContainText(`w₁₁⁽²⁾ = 0.08217`);

  // Digits 8: every one of them follows.
  await digits.selectOption('8');
  await expect(diagramOf(page).getByTestId('loss')).toHaveText('0.29837111');
  await expect(page.getByTestId('loss-value')).toHaveText(/^0\.29837110\d{1,3}$/);
  await expect(page.getByTestId('selected-loss')).toHaveText(/^0\.29837110\d{1,3}$/);
  for (const where of ['step-equations', 'chain-rule']) {
    await expect.poll(() => texOf(page, where)).toContain('0.08216704056');
    expect(await texOf(page, where)).not.toMatch(/0\.082167(?!\d)/);
  }
  await expect(summary).toContainText(`w₁₁⁽²⁾ = 0.08216704`);
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
