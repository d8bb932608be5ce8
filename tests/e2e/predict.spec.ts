import { expect, test, type Page } from '@playwright/test';
import { passSteps, runPass } from '../../src/engine';
import { formatNumber } from '../../src/math/format';
import { notationFor } from '../../src/math/notations';
import { quantityName } from '../../src/practice/names';
import { questionsOfStep } from '../../src/practice/questions';
import { QUANTITY_KINDS } from '../../src/practice/types';
import { createAppStore, selectSnapshot } from '../../src/store';
import { EXAMPLES } from '../../src/store/examples';
import { axeScan, diagramOf, expectPhase, openFresh, stepForward } from './helpers';
import { savedOpenWork } from './stored';

/**
 * Issue 14, "Predict first", on the classic 2-2-2 example (the one the app opens with; its
 * numbers are Mazur's, checked by hand in stepper.spec.ts): a step asks for its new values one at
 * a time and shows them nowhere until they are predicted or shown.
 */

const field = (page: Page, name: string) =>
  page.getByRole('textbox', { name: `Your prediction for ${name}`, exact: true });

async function turnOn(page: Page) {
  const box = page.getByRole('checkbox', { name: 'Predict first' });
  await box.check();
  await expect(box).toBeChecked();
}

async function predict(page: Page, name: string, text: string) {
  const input = field(page, name);
  await input.fill(text);
  await input.press('Enter');
}

/**
 * None of these texts anywhere in the page's markup: SVG labels, typeset equations (their MathML
 * and TeX annotation too), accessible names, the live region.
 */
async function expectNowhere(page: Page, texts: string[]) {
  const html = await page.content();
  for (const text of texts) expect(html, `"${text}" is on the page`).not.toContain(text);
}

/**
 * z₁⁽¹⁾, a₁⁽¹⁾, z₂⁽¹⁾, a₂⁽¹⁾ as the diagram (4 digits, 8 for the selected unit) and the equations
 * (6) write them.
 */
const LAYER_1 = ['0.3775', '0.5933', '0.59327', '0.5932699', '0.3925', '0.5969', '0.596884'];

test('the asked value is shown nowhere until predicted; a wrong answer alerts; Show me; bad input', async ({
  page,
}) => {
  test.setTimeout(90_000); // an axe scan of the whole page takes seconds on two cores
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  await turnOn(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');

  // Asked: z₁⁽¹⁾. Step forward waits, and says why.
  await expect(field(page, 'z₁⁽¹⁾')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeDisabled();
  await expect(page.getByText('Step forward waits for your prediction of z₁⁽¹⁾')).toBeVisible();
  // Every value of the step is hidden: "?" where it will be, in the diagram, equations, live region.
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('?');
  await expect(diagram.getByTestId('value-a-1-1')).toHaveText('?');
  // With no help chosen, an equation whose result is asked shows its title only.
  await expect(page.getByTestId('step-equations')).toContainText(
    'Pre-activation z₁⁽¹⁾: predict it first',
  );
  await expect(page.getByTestId('step-summary')).toHaveText(
    'Computed z₁⁽¹⁾ = ?, a₁⁽¹⁾ = ?, z₂⁽¹⁾ = ?, a₂⁽¹⁾ = ?.',
  );
  // With the matrix form and the unit selected, nothing shows them either.
  await page.getByRole('checkbox', { name: 'Matrix form', exact: true }).check();
  await expect(page.getByTestId('matrix-equations')).toContainText('predict it first');
  await diagram.getByTestId('unit-1-0').click();
  await expect(page.getByRole('region', { name: 'Selected: a₁⁽¹⁾' })).toBeVisible();
  await expectNowhere(page, LAYER_1);

  // Not a number: said beside the field, not counted.
  await predict(page, 'z₁⁽¹⁾', 'abc');
  await expect(page.getByText('"abc" is not a number.')).toBeVisible();
  await expect(page.getByRole('alert')).toHaveCount(0);

  // Wrong: an alert, still hidden, and the hint ladder: the equation in symbols, then the numbers.
  await predict(page, 'z₁⁽¹⁾', '0.5');
  const alert = page.getByRole('alert');
  await expect(alert).toHaveText('0.5 is not z₁⁽¹⁾. Its equation in symbols is below.');
  const help = page.getByTestId('predict-help');
  await expect(help).toContainText('=w11(1)x1+w21(1)x2+b1(1)');
  await expect(help).not.toContainText('0.15');
  await predict(page, 'z₁⁽¹⁾', '0.39');
  await expect(alert).toHaveText(
    '0.39 is not z₁⁽¹⁾. Below, its equation with the numbers substituted.',
  );
  await expect(help).toContainText('=0.15⋅0.05+0.2⋅0.1+0.35');
  await expect(help).toContainText('=?');
  // The equations panel climbs the same ladder: the numbers, the result "?".
  await expect(page.getByTestId('step-equations')).toContainText('=0.15⋅0.05+0.2⋅0.1+0.35=?');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('?');
  await expectNowhere(page, LAYER_1);
  // The panel as it is now (the alert, the help, the options open) passes an axe scan.
  await page.getByText('What is asked, how much help').click();
  await expect(page.getByRole('combobox', { name: 'Help' })).toBeVisible();
  const serious = (await axeScan(page)).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(serious.map((v) => `${v.id}: ${v.nodes[0]?.target.join(' ')}`)).toEqual([]);

  // Right (three significant digits): revealed, marked, and the next one asked.
  await predict(page, 'z₁⁽¹⁾', '0.378');
  await expect(page.getByRole('status').filter({ hasText: 'Right' })).toHaveText(
    'Right: z₁⁽¹⁾ = 0.3775 ✓',
  );
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(page.getByRole('list', { name: 'Answered in this step' })).toHaveText(
    'z₁⁽¹⁾ = 0.3775 ✓',
  );
  await expect(field(page, 'a₁⁽¹⁾')).toBeVisible();
  await expect(page.getByTestId('step-summary')).toHaveText(
    'Computed z₁⁽¹⁾ = 0.3775, a₁⁽¹⁾ = ?, z₂⁽¹⁾ = ?, a₂⁽¹⁾ = ?.',
  );
  await expectNowhere(page, LAYER_1.slice(1));
  expect(await page.content()).toContain('0.3775');

  // Show me: revealed, counted as asked and not right.
  await page.getByRole('button', { name: 'Show me' }).click();
  // The selected unit shows 8 digits.
  await expect(diagram.getByTestId('value-a-1-0')).toHaveText('0.59326999');
  await expect(field(page, 'z₂⁽¹⁾')).toBeVisible();
  const score = page.getByTestId('predict-score');
  await expect(score).toHaveText('z 0/1a 0/1');
  expect(errors).toEqual([]);
});

test('the score and the pass survive a reload and travel in a share link; Reset score', async ({
  page,
  browser,
}) => {
  await openFresh(page);
  await turnOn(page);
  await page.getByRole('button', { name: 'Step forward' }).click();
  await predict(page, 'z₁⁽¹⁾', '0.3775');
  await predict(page, 'a₁⁽¹⁾', '0.6');
  await page.getByRole('button', { name: 'Show me' }).click();
  const score = page.getByTestId('predict-score');
  await expect(score).toHaveText('z 1/1a 0/1');
  const savedScore = async () =>
    ((await savedOpenWork(page))?.predict as { score?: unknown } | undefined)?.score;
  await expect.poll(savedScore).toEqual({
    z: { right: 1, asked: 1 },
    a: { right: 0, asked: 1 },
  });

  await page.reload();
  await expect(page.getByRole('checkbox', { name: 'Predict first' })).toBeChecked();
  await expect(score).toHaveText('z 1/1a 0/1');
  // Still asking z₂⁽¹⁾, still hiding it.
  await expect(field(page, 'z₂⁽¹⁾')).toBeVisible();
  await expect(diagramOf(page).getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(diagramOf(page).getByTestId('value-z-1-1')).toHaveText('?');

  await page.getByRole('button', { name: 'Copy share link' }).click();
  const link = page.getByRole('textbox', { name: 'Share link' });
  await expect(link).toHaveValue(/#work=/);
  const url = await link.inputValue();
  const context = await browser.newContext();
  try {
    const other = await context.newPage();
    await other.goto(url);
    await expect(other.getByTestId('predict-score')).toHaveText('z 1/1a 0/1');
    await expect(field(other, 'z₂⁽¹⁾')).toBeVisible();
    await expect(diagramOf(other).getByTestId('value-z-1-1')).toHaveText('?');
  } finally {
    await context.close();
  }

  await page.getByRole('button', { name: 'Reset score' }).click();
  await expect(page.getByText('Score, right at the first try: none yet')).toBeVisible();
});

test('the whole classic pass predicted right, unit by unit, in pass order', async ({ page }) => {
  test.setTimeout(90_000);
  await openFresh(page);
  await turnOn(page);
  // The answers, from the engine: the classic example as the app opens it (biases frozen).
  const classic = EXAMPLES.find((e) => e.id === 'classic-2-2-2');
  if (!classic) throw new Error('no classic example');
  const ctx = {
    network: classic.network,
    samples: classic.samples,
    sampleIndex: 0,
    snapshot: runPass(classic.network, classic.samples),
    learningRate: classic.learningRate,
    trainBiases: classic.trainBiases,
    notation: classic.notation,
  };
  const notation = notationFor(ctx.notation, ctx.network);
  const steps = passSteps(ctx.network, 'layer');
  // A weight selected: the inspector shows its gradient and the loss, once they are shown.
  await diagramOf(page)
    .getByRole('button', { name: /^Weight w₁₁⁽²⁾ = / })
    .click({ force: true });
  await expect(page.getByTestId('selected-loss')).toHaveText('—');
  let asked = 0;
  for (const step of steps) {
    const questions = questionsOfStep(step, ctx, QUANTITY_KINDS);
    if (questions.length > 0) {
      await expect(field(page, quantityName(questions[0]!.quantity, notation))).toBeVisible();
      // Each value asked, at the digits the diagram (4, 8 selected) and equations (6) use, is
      // nowhere on the page. (∂L/∂b is δ, shown since the δ step.)
      const hidden = questions.filter((q) => q.quantity.kind !== 'db');
      await expectNowhere(
        page,
        hidden.flatMap((q) => [4, 6, 8].map((d) => formatNumber(Math.abs(q.value), d))),
      );
    }
    if (step.kind === 'loss') await expect(page.getByTestId('selected-loss')).toHaveText('?');
    if (step.kind === 'gradients' && step.layer === 2)
      await expect(page.getByTestId('selected-gradient')).toHaveText('?');
    for (const q of questions) {
      const name = quantityName(q.quantity, notation);
      await predict(page, name, q.value.toPrecision(4));
      await expect(field(page, name)).toHaveCount(0);
      asked++;
    }
    await expect(page.getByRole('button', { name: 'Step forward' })).toBeEnabled();
    await page.getByRole('button', { name: 'Step forward' }).click();
  }
  expect(asked).toBe(4 + 4 + 1 + 4 + 12 + 8);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 2');
  await expect(page.getByTestId('predict-score')).toHaveText(
    'z 4/4a 4/4loss L 1/1δ 4/4∂L/∂w 8/8∂L/∂b 4/4new w 8/8',
  );
  // The new pass runs on the updated weights (the selected one with 8 digits): 0.4 − 0.5 · 0.082167.
  await expect(diagramOf(page).getByTestId('weight-2-0-0')).toHaveText('0.35891648');
});

test('undo and redo across an update land in that pass as it was answered: nothing shown that was not', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await turnOn(page);
  // Only the loss asked, so a pass is quick to go through.
  await page.getByText('What is asked, how much help').click();
  const askFor = page.getByRole('group', { name: 'Ask for' });
  for (const kind of ['z', 'a', 'δ', '∂L/∂w', '∂L/∂b', 'new w', 'new b'])
    await askFor.getByRole('checkbox', { name: kind, exact: true }).uncheck();
  await expect(askFor.getByRole('checkbox', { name: 'loss L', exact: true })).toBeChecked();

  // The losses of the passes, from the store: pass 1 with w₁₁⁽²⁾ = 0.4 (Mazur's 0.2984) and
  // 0.9; pass 2 after the update of the second.
  const reference = createAppStore();
  const lossOf = () => selectSnapshot(reference.getState()).loss;
  const original = lossOf();
  reference.getState().setParameter({ kind: 'weight', layer: 2, from: 0, to: 0 }, 0.9);
  const edited = lossOf();
  reference.getState().goToEnd();
  expect(reference.getState().stepForward()).toBeNull();
  const second = lossOf();
  expect(formatNumber(original, 4)).toBe('0.2984');
  const texts = [original, edited, second].map((v) => formatNumber(v, 4));
  expect(new Set(texts).size).toBe(3);
  const loss = page.getByTestId('loss-value');

  // The undo step: w₁₁⁽²⁾ = 0.4 → 0.9 at the start of pass 1.
  await diagramOf(page)
    .getByRole('button', { name: /^Weight w₁₁⁽²⁾ = / })
    .click({ force: true });
  const weight = page.getByRole('textbox', { name: 'Weight w₁₁⁽²⁾', exact: true });
  await weight.fill('0.9');
  await weight.press('Enter');
  await page.keyboard.press('Escape');
  const forward = page.getByRole('button', { name: 'Step forward' });
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await predict(page, 'L', edited.toPrecision(4));
  await expect(loss).toHaveText(formatNumber(edited, 4));
  const status = page.locator('.predict-status');
  await expect(status).toHaveText(`Right: L = ${formatNumber(edited, 4)} ✓`);
  for (let step = 4; step <= 9; step++) await forward.click();
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 2');
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 2');
  await expect(field(page, 'L')).toBeVisible();
  await expect(loss).toHaveText('?');

  // The last answer is not said in a pass that has not answered it.
  await expect(status).toHaveText('');
  // Undo: pass 1 with w₁₁⁽²⁾ = 0.4, whose loss was never predicted. It is asked, not shown.
  await page.getByRole('button', { name: 'Undo' }).click();
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect(field(page, 'L')).toBeVisible();
  await expect(loss).toHaveText('?');
  await expectNowhere(page, [formatNumber(original, 4), formatNumber(original, 6)]);

  // Redo: pass 2 at its loss, still to predict.
  await page.getByRole('button', { name: 'Redo' }).click();
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 2');
  await expect(field(page, 'L')).toBeVisible();
  await expect(loss).toHaveText('?');
  await expectNowhere(page, [formatNumber(second, 4), formatNumber(second, 6)]);
  await predict(page, 'L', second.toPrecision(4));
  await expect(loss).toHaveText(formatNumber(second, 4));
  expect(errors).toEqual([]);
});

test('with nothing to predict, the panel has no empty gap: its first line sits at its top', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await turnOn(page);
  const panel = page.getByRole('region', { name: 'Predict first' });
  const hint = panel.getByText('Nothing to predict in this step: step forward.');
  await expect(hint).toBeVisible();
  const top = (await panel.boundingBox())?.y ?? NaN;
  const first = (await hint.boundingBox())?.y ?? NaN;
  // The panel's border and padding (about 9 px), no more: the empty live regions take no room.
  expect(first - top).toBeLessThan(14);
  // They are still there to speak when something is said.
  await expect(panel.locator('[role="status"]')).toHaveCount(2);
  expect(errors).toEqual([]);
});
