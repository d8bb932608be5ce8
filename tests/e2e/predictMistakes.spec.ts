import { expect, test, type Page } from '@playwright/test';
import { notationFor } from '../../src/math/notations';
import { nameMistake, mistakesFor } from '../../src/practice/mistakes';
import { quantityName } from '../../src/practice/names';
import type { MistakeId } from '../../src/practice/types';
import {
  createAppStore,
  practiceContextOf,
  selectPending,
  selectSteps,
  type AppStore,
} from '../../src/store';
import { chooseExample, openFresh } from './helpers';

/**
 * Issue 14, "every mistake in the list above is typed once and named": in predict-first mode, at
 * the step that asks the quantity, the value a known mistake gives is typed and checked, and the
 * alert names the mistake with the catalogue's own sentence. A store beside the page (the same
 * example, the same answers) says which value is asked and what each mistake gives: the values
 * come from the catalogue (src/practice/mistakes.ts), the page only from the app.
 *
 * Where each is reached, with every kind asked: on the classic 2-2-2 example (½-squared error,
 * σ, frozen biases, η = 0.5), z₁⁽¹⁾ (σ applied, bias left out, w swapped), a₁⁽¹⁾ (σ forgotten),
 * the loss (its ½), δ₁⁽²⁾ (σ′ left out, σ′ at a, y − a), δ₁⁽¹⁾ (the updated weights), ∂L/∂w₁₁⁽²⁾
 * (δ of the wrong layer), w⁽²⁾ after the update (η forgotten, the gradient added); the sum over
 * the batch on XOR's loss (a batch of four).
 */

const CLASSIC_MISTAKES: MistakeId[] = [
  'activationApplied',
  'activationForgotten',
  'biasLeftOut',
  'weightsSwapped',
  'lossFactor',
  'derivativeLeftOut',
  'derivativeAtA',
  'targetMinusOutput',
  'updatedWeights',
  'wrongLayerDelta',
  'learningRateForgotten',
  'gradientAdded',
];

/** A number as the learner types it: six significant digits (three must agree). */
const typed = (x: number) => String(Number(x.toPrecision(6)));

async function answer(page: Page, name: string, value: number) {
  const input = page.getByRole('textbox', { name: `Your prediction for ${name}`, exact: true });
  await input.fill(typed(value));
  await input.press('Enter');
}

/**
 * Work through the pass in the page and in `mirror` alike, to the end of the update step. At each
 * asked value, each mistake of `wanted` not typed yet that this value tells apart (the catalogue
 * names it for its own value) is typed first, and its alert checked; then the right value. Returns
 * where each mistake was typed.
 */
async function workThePass(
  page: Page,
  mirror: AppStore,
  wanted: readonly MistakeId[],
): Promise<Map<MistakeId, string>> {
  const typedAt = new Map<MistakeId, string>();
  const alert = page.getByRole('alert');
  const last = selectSteps(mirror.getState()).length - 1;
  for (;;) {
    const s = mirror.getState();
    const current = selectPending(s).current;
    if (!current) {
      if (s.stepIndex === last) return typedAt;
      await page.getByRole('button', { name: 'Step forward' }).click();
      expect(mirror.getState().stepForward()).toBeNull();
      continue;
    }
    const name = quantityName(current.quantity, notationFor(s.notation, s.network));
    const ctx = practiceContextOf(s);
    for (const mistake of mistakesFor(current.quantity, ctx)) {
      if (!wanted.includes(mistake.id as MistakeId) || typedAt.has(mistake.id as MistakeId))
        continue;
      const value = Number(typed(mistake.value));
      if (nameMistake(value, current.quantity, ctx)?.id !== mistake.id) continue;
      await answer(page, name, value);
      await expect(alert).toContainText(`is not ${name}.`);
      await expect(alert).toContainText(mistake.message);
      expect(mirror.getState().checkPrediction(value)).toMatchObject({
        right: false,
        mistake: { id: mistake.id },
      });
      typedAt.set(mistake.id as MistakeId, name);
    }
    await answer(page, name, current.value);
    await expect(page.getByRole('status').filter({ hasText: `Right: ${name} =` })).toBeVisible();
    expect(mirror.getState().checkPrediction(current.value)).toEqual({ right: true });
  }
}

test('every mistake of the issue is typed once and named, on the classic example', async ({
  page,
}) => {
  test.setTimeout(120_000);
  const errors = await openFresh(page);
  await page.getByRole('checkbox', { name: 'Predict first' }).check();
  const mirror = createAppStore();
  mirror.getState().setPredict({ on: true });

  const typedAt = await workThePass(page, mirror, CLASSIC_MISTAKES);
  expect(Object.fromEntries(typedAt)).toEqual({
    activationApplied: 'z₁⁽¹⁾',
    biasLeftOut: 'z₁⁽¹⁾',
    weightsSwapped: 'z₁⁽¹⁾',
    activationForgotten: 'a₁⁽¹⁾',
    lossFactor: 'L',
    derivativeLeftOut: 'δ₁⁽²⁾',
    derivativeAtA: 'δ₁⁽²⁾',
    targetMinusOutput: 'δ₁⁽²⁾',
    updatedWeights: 'δ₁⁽¹⁾',
    wrongLayerDelta: '∂L/∂w₁₁⁽²⁾',
    learningRateForgotten: 'w₁₁⁽²⁾ after the update',
    gradientAdded: 'w₁₁⁽²⁾ after the update',
  });
  expect(errors).toEqual([]);
});

test('the sum over the batch for its mean is named, on XOR (a batch of four)', async ({ page }) => {
  const errors = await openFresh(page);
  await chooseExample(page, 'XOR with a 2-2-1 network (mini-batch of 4)');
  await page.getByRole('checkbox', { name: 'Predict first' }).check();
  const mirror = createAppStore();
  mirror.getState().loadExample('xor-2-2-1');
  mirror.getState().setPredict({ on: true });

  const typedAt = await workThePass(page, mirror, ['batchSum']);
  expect(Object.fromEntries(typedAt)).toEqual({ batchSum: 'L' });
  expect(errors).toEqual([]);
});
