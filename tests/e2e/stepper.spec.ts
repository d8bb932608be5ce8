import { expect, test, type Page } from '@playwright/test';
import {
  chooseDigits,
  chooseExample,
  diagramOf,
  expectPhase,
  openFresh,
  stepBack,
  stepForward,
  typeInto,
} from './helpers';
import { savedOpenWork } from './stored';

/**
 * The stepper as a learner uses it: pick an example, step through a pass, edit numbers, step back,
 * switch notation. Expected numbers are worked by hand (the classic 2-2-2 example is Matt Mazur's
 * "A Step by Step Backpropagation Example", which updates the weights only; with "Train biases"
 * ticked this app updates the biases too), never read from the engine, so a wrong engine or a
 * wrong view fails here.
 */

const CLASSIC = 'Classic 2-2-2 sigmoid network (½ squared error)';
const CHAIN = 'One neuron per layer: the 1-1-1-1 chain (note 002)';
const NOTE_004 = 'Row vectors and k: the 3-input example (note 004)';
const XOR = 'XOR with a 2-2-1 network (mini-batch of 4)';
const SOFTMAX = 'Softmax classifier with cross-entropy (2-3-3)';

/** The equation block whose title starts with `title`, in the "This step" list. */
const equation = (page: Page, title: string) =>
  page
    .getByTestId('step-equations')
    .getByRole('listitem')
    .filter({ hasText: new RegExp(`^${title.replace(/[()]/g, '\\$&')}`) });

/** Tick "Train biases": the update moves the biases too (the classic example opens with it off). */
async function trainBiases(page: Page) {
  const box = page.getByRole('checkbox', { name: 'Train biases' });
  await box.check();
  await expect(box).toBeChecked();
}

/** Select a weight or bias in the diagram by its accessible name (edges lie under labels). */
async function selectInDiagram(page: Page, name: string) {
  const target = diagramOf(page).getByRole('button', { name });
  await target.click({ force: true });
  await expect(target).toHaveAttribute('aria-pressed', 'true');
}

/** The selected parameter's drag handle, scrolled on screen: its box for mouse moves. */
async function dragHandle(page: Page) {
  const handle = page.locator('.inspector .scrub');
  await handle.scrollIntoViewIfNeeded();
  const box = await handle.boundingBox();
  if (!box) throw new Error('no drag handle');
  return box;
}

test('the classic 2-2-2 pass: loss 0.298371, then the updated weights and biases and the new loss', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  // Open another example first, so choosing the classic one really loads it.
  await chooseExample(page, XOR);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await chooseExample(page, CLASSIC);
  await expect(page.getByRole('combobox', { name: 'Example' })).toHaveValue('classic-2-2-2');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await expect(page.getByTestId('loss-value')).toHaveText('—');
  await trainBiases(page);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);

  await stepForward(page);
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(diagram.getByTestId('value-a-1-0')).toHaveText('0.59327');
  await expect(diagram.getByTestId('value-z-1-1')).toHaveText('0.3925');
  await expect(diagram.getByTestId('value-a-1-1')).toHaveText('0.596884');
  // The example equation, with the numbers substituted.
  await expect(equation(page, 'Pre-activation z₁⁽¹⁾')).toContainText(
    '=0.15⋅0.05+0.2⋅0.1+0.35=0.3775',
  );

  await stepForward(page);
  await expectPhase(page, 'Forward pass — layer 2 of 2', 'step 3 of 9 · pass 1');
  await expect(diagram.getByTestId('value-a-2-0')).toHaveText('0.751365');
  await expect(diagram.getByTestId('value-a-2-1')).toHaveText('0.772928');
  await expect(page.getByTestId('loss-value')).toHaveText('—');

  await stepForward(page);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  await expect(diagram.getByTestId('loss')).toHaveText('0.298371');

  await stepForward(page);
  await expectPhase(page, 'Output δ — layer 2', 'step 5 of 9 · pass 1');
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('0.138499');
  await expect(diagram.getByTestId('value-delta-2-1')).toHaveText('−0.0380982');

  await stepForward(page);
  await expectPhase(page, 'Hidden δ — layer 1', 'step 6 of 9 · pass 1');
  await expect(diagram.getByTestId('value-delta-1-0')).toHaveText('0.00877135');
  await expect(diagram.getByTestId('value-delta-1-1')).toHaveText('0.00995425');

  await stepForward(page);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');
  await expect(diagram.getByTestId('grad-w-2-0-0')).toHaveText('0.082167');
  await expect(diagram.getByTestId('grad-w-2-1-1')).toHaveText('−0.0227402');

  await stepForward(page);
  await expectPhase(page, 'Gradients — layer 1', 'step 8 of 9 · pass 1');
  // 0.000438568, not 0.000: small gradients keep their significant digits.
  await expect(diagram.getByTestId('grad-w-1-0-0')).toHaveText('0.000438568');
  await expect(diagram.getByTestId('grad-w-1-1-1')).toHaveText('0.000995425');

  await stepForward(page);
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  // Mazur's updated weights: w5…w8 of the output layer, w1…w4 of the hidden layer.
  const updated: [string, string][] = [
    ['weight-2-0-0', '0.4 → 0.358916'], // w5 = 0.35891648
    ['weight-2-1-0', '0.45 → 0.408666'], // w6 = 0.408666186
    ['weight-2-0-1', '0.5 → 0.511301'], // w7 = 0.511301270
    ['weight-2-1-1', '0.55 → 0.56137'], // w8 = 0.561370121
    ['weight-1-0-0', '0.15 → 0.149781'], // w1 = 0.149780716
    ['weight-1-1-0', '0.2 → 0.199561'], // w2 = 0.19956143
    ['weight-1-0-1', '0.25 → 0.249751'], // w3 = 0.24975114
    ['weight-1-1-1', '0.3 → 0.299502'], // w4 = 0.29950229
    // The biases move too: b ← b − η δ.
    ['bias-value-2-0', '0.6 → 0.530751'], // 0.6 − 0.5 · 0.13849856 = 0.53075072
    ['bias-value-2-1', '0.6 → 0.619049'], // 0.6 + 0.5 · 0.03809824 = 0.61904912
    ['bias-value-1-0', '0.35 → 0.345614'], // 0.35 − 0.5 · 0.00877135 = 0.34561432
    ['bias-value-1-1', '0.35 → 0.345023'], // 0.35 − 0.5 · 0.00995425 = 0.34502287
  ];
  for (const [testId, text] of updated) {
    await expect(diagram.getByTestId(testId)).toHaveText(text);
  }
  // The loss on the same sample after every weight and bias moved (0.291028 with the weights only).
  await expect(page.getByTestId('new-loss-value')).toHaveText('0.280471');
  await expect(equation(page, 'Loss after the update')).toContainText(
    'Loss after the update: 0.280471 (was 0.298371)',
  );
  // The output layer first, as the backward pass found its gradients (Mazur's w5 first of all).
  await expect(equation(page, 'Update w₁₁⁽²⁾')).toContainText('0.358916');
  await expect(equation(page, 'Update b₁⁽²⁾')).toContainText('0.530751');
  await expect(equation(page, 'Update w₁₁⁽¹⁾')).toHaveCount(0);
  // The hidden layer's updates are further down the list.
  await page.getByRole('button', { name: /^Show all \d+ equations$/ }).click();
  await expect(equation(page, 'Update w₁₁⁽¹⁾')).toContainText('0.149781');
  // And the diagram shows this sample's loss before and after.
  await expect(diagram.getByTestId('loss-after')).toHaveText(' → 0.280471');

  // Past the update, the next pass runs on the new weights and starts at its first step.
  await stepForward(page);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 2');
  await expect(diagram.getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.358916' })).toBeAttached();
  await expect(diagram.getByTestId('weight-1-0-0')).toHaveText('0.149781');
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 2');
  await expect(page.getByTestId('loss-value')).toHaveText('0.280471');
  expect(errors).toEqual([]);
});

test('"Train biases": the classic example updates the weights only, as the tutorial does', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  await chooseExample(page, XOR);
  await chooseExample(page, CLASSIC);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  const box = page.getByRole('checkbox', { name: 'Train biases' });
  await expect(box).not.toBeChecked();
  await expect(page.getByText(/the update moves the weights only/)).toBeVisible();
  await stepForward(page, 8);
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  // The tutorial's loss after one step (its printed 0.291027924 has a slip): weights only.
  await expect(page.getByTestId('new-loss-value')).toHaveText('0.291028');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4 → 0.358916');
  await expect(diagram.getByTestId('bias-value-2-0')).toHaveText('0.6');
  await expect(equation(page, 'b₁⁽²⁾ stays (biases frozen)')).toContainText(/=\s*0\.6(?!\d)/);
  await expect(page.getByTestId('phase-description')).toContainText('The biases are frozen');

  await box.check();
  // b ← b − η δ as well: 0.6 − 0.5 · 0.13849856 = 0.53075072, and the loss falls further.
  await expect(page.getByTestId('new-loss-value')).toHaveText('0.280471');
  await expect(diagram.getByTestId('bias-value-2-0')).toHaveText('0.6 → 0.530751');
  await expect(equation(page, 'Update b₁⁽²⁾')).toContainText('0.530751');
  expect(errors).toEqual([]);
});

test('typing a new weight updates every number downstream, and ΔL is shown beside ∂L/∂w·Δw', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  await chooseExample(page, CLASSIC);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  await stepForward(page, 6);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');

  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = 0.4');
  const field = page.getByRole('textbox', { name: 'Weight w₁₁⁽²⁾', exact: true });
  await expect(field).toHaveValue('0.4');
  // The selection shows eight significant digits.
  await expect(page.getByTestId('selected-gradient')).toHaveText('0.082167041');
  await expect(diagram.getByTestId('grad-w-2-0-0')).toHaveText('0.082167041');
  await expect(diagram.getByTestId('grad-w-2-1-0')).toHaveText('0.0826676');
  await expect(page.getByTestId('chain-rule')).toContainText('Chain rule for');

  await typeInto(page, 'Weight w₁₁⁽²⁾', '0.5');
  // Same step of the pass, new numbers everywhere downstream of w₁₁⁽²⁾.
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');
  await expect(field).toHaveValue('0.5');
  await expect(diagram.getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.5' })).toBeAttached();
  await expect(page.getByTestId('loss-value')).toHaveText('0.306524');
  await expect(diagram.getByTestId('value-z-2-0')).toHaveText('1.16523');
  await expect(diagram.getByTestId('value-a-2-0')).toHaveText('0.762282');
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('0.13632');
  await expect(diagram.getByTestId('value-delta-1-0')).toHaveText('0.0118504');
  await expect(page.getByTestId('selected-gradient')).toHaveText('0.080874312');
  await expect(diagram.getByTestId('grad-w-2-1-0')).toHaveText('0.081367');
  // The live region reads the new gradients out too.
  await expect(page.getByTestId('step-summary')).toContainText('= 0.0808743');
  await expect(page.getByTestId('step-summary')).not.toContainText('0.082167');
  // Upstream of the edit nothing moved: z₁⁽¹⁾, and o₂'s δ (w₁₁⁽²⁾ does not feed o₂).
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(diagram.getByTestId('value-delta-2-1')).toHaveText('−0.0380982');
  // ΔL = 0.306524 − 0.298371 against the first-order prediction 0.08216704 · 0.1.
  await expect(page.getByTestId('loss-change')).toHaveText('0.00815322');
  await expect(page.getByTestId('loss-prediction')).toHaveText('0.0082167');
  // A smaller step, and the prediction comes closer: 0.306524 → 0.307332 against 0.0808743 · 0.01.
  await typeInto(page, 'Weight w₁₁⁽²⁾', '0.51');
  await expect(page.getByTestId('loss-change')).toHaveText('0.00080806');
  await expect(page.getByTestId('loss-prediction')).toHaveText('0.000808743');

  // Another edit (an input) moves the loss too: the weight's ΔL is no longer what is on screen,
  // so it must not be shown beside the weight's prediction.
  await typeInto(page, 'Input x₁', '1');
  await expect(page.getByTestId('loss-value')).not.toHaveText('0.307332');
  await expect(page.getByTestId('loss-change')).toHaveCount(0);
  await expect(page.getByTestId('loss-prediction')).toHaveCount(0);
  await typeInto(page, 'Input x₁', '0.05');
  await typeInto(page, 'Weight w₁₁⁽²⁾', '0.5');
  await expect(page.getByTestId('loss-value')).toHaveText('0.306524');
  await expect(page.getByTestId('loss-change')).toHaveText('−0.00080806');

  // The pass goes on with the edited weight: the update starts from 0.5.
  await stepForward(page, 2);
  await expect(page.getByTestId('new-loss-value')).not.toHaveText('0.280471');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText(/^0\.5 → /);
  // Applying it changes the loss again: the edit's ΔL goes away with it.
  await stepForward(page);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 2');
  await expect(page.getByTestId('loss-change')).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('dragging or scrolling the handle nudges a weight; the whole drag or scroll is one undo step', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = 0.4');
  const field = page.getByRole('textbox', { name: 'Weight w₁₁⁽²⁾', exact: true });
  const box = await dragHandle(page);

  // Each pixel to the right is one step of 0.01.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let dx = 1; dx <= 10; dx++) await page.mouse.move(box.x + box.width / 2 + dx, box.y + 4);
  await page.mouse.up();
  await expect(field).toHaveValue('0.5');
  await expect(diagramOf(page).getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.5' })).toBeAttached();

  // Three wheel ticks up: +0.03, and the page does not scroll.
  const scrollBefore = await page.evaluate(() => window.scrollY);
  await page.locator('.inspector .scrub').hover();
  for (let i = 0; i < 3; i++) await page.mouse.wheel(0, -100);
  await expect(field).toHaveValue('0.53');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrollBefore);

  // Undo takes back the scroll as one step, then the drag as one step.
  const undo = page.getByRole('button', { name: 'Undo' });
  await undo.click();
  await expect(field).toHaveValue('0.5');
  await undo.click();
  await expect(field).toHaveValue('0.4');
  expect(errors).toEqual([]);
});

test('a live region tells screen readers what each step computed, with its numbers', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  const live = page.locator('[aria-live="polite"]').getByTestId('step-summary');
  await expect(live).toHaveText('Nothing computed yet.');
  await stepForward(page);
  await expect(live).toHaveText(
    'Computed z₁⁽¹⁾ = 0.3775, a₁⁽¹⁾ = 0.5933, z₂⁽¹⁾ = 0.3925, a₂⁽¹⁾ = 0.5969.',
  );
  await stepForward(page, 2);
  await expect(live).toHaveText('Computed the loss L = 0.2984.');
  expect(errors).toEqual([]);
});

test('stepping back hides what the pass had not computed, and undoes an applied update', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  await chooseExample(page, CLASSIC);
  await trainBiases(page);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  // At the very start there is nothing to go back to.
  await stepBack(page);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');

  await stepForward(page, 4);
  await expectPhase(page, 'Output δ — layer 2', 'step 5 of 9 · pass 1');
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('0.138499');
  await stepBack(page);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('—');
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  await stepBack(page);
  await expect(page.getByTestId('loss-value')).toHaveText('—');
  await expect(diagram.getByTestId('loss')).toHaveText('—');

  // Through the update into pass 2, then back across it: the old weights return.
  await stepForward(page, 6);
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await stepForward(page);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 2');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.358916');
  await expect(diagram.getByTestId('bias-value-2-0')).toHaveText('0.530751');
  await stepBack(page);
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4 → 0.358916');
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  await expect(page.getByTestId('new-loss-value')).toHaveText('0.280471');
  await stepBack(page);
  await expectPhase(page, 'Gradients — layer 1', 'step 8 of 9 · pass 1');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4');
  await expect(diagram.getByTestId('bias-value-2-0')).toHaveText('0.6');
  await expect(page.getByTestId('new-loss-value')).toHaveCount(0);
  await expect(diagram.getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.4' })).toBeAttached();

  // Two passes forward, then back across both updates.
  await stepForward(page, 2 + 9);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 3');
  await stepBack(page, 10);
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await expect(diagram.getByTestId('weight-1-0-0')).toHaveText('0.15 → 0.149781');

  await page.getByRole('button', { name: 'Reset pass' }).click();
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('—');
  await expect(diagram.getByTestId('weight-1-0-0')).toHaveText('0.15');
  expect(errors).toEqual([]);
});

test('keyboard: → and ← step, Home and End jump, space plays and pauses', async ({ page }) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await trainBiases(page);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  const play = page.getByRole('button', { name: 'Play' });
  const pause = page.getByRole('button', { name: 'Pause' });
  // Nothing focused that takes keys: the page itself.
  await page.getByRole('heading', { name: 'Backstep' }).click();

  await page.keyboard.press('ArrowRight');
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  await page.keyboard.press('ArrowLeft');
  await expectPhase(page, 'Forward pass — layer 2 of 2', 'step 3 of 9 · pass 1');
  await page.keyboard.press('End');
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await expect(page.getByTestId('new-loss-value')).toHaveText('0.280471');
  await page.keyboard.press('Home');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');

  // Typing in a field does not step the pass.
  const input = page.getByRole('textbox', { name: 'Input x₁', exact: true });
  await input.focus();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('End');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');

  // Space plays; at the fastest speed the pass runs to the update and stops by itself.
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '8 steps/s' });
  await page.getByRole('heading', { name: 'Backstep' }).click();
  await expect(play).toHaveAttribute('aria-pressed', 'false');
  await page.keyboard.press(' ');
  await expect(pause).toBeVisible();
  await expect(pause).toHaveAttribute('aria-pressed', 'true');
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await expect(play).toBeVisible();
  // It stopped at the update instead of applying it.
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');

  // Space again pauses a slow play before it gets anywhere.
  await page.keyboard.press('Home');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption({ label: '0.5 steps/s' });
  await page.getByRole('heading', { name: 'Backstep' }).click();
  await page.keyboard.press(' ');
  await expect(pause).toBeVisible();
  await page.keyboard.press(' ');
  await expect(play).toBeVisible();
  await expect(pause).toHaveCount(0);

  // The Play button does the same with the mouse.
  await play.click();
  await expect(pause).toBeVisible();
  await pause.click();
  await expect(play).toBeVisible();

  // Keys that a focused control uses itself do not step: space selects a focused bias (and does
  // not play), and the arrows move between samples.
  await diagramOf(page).getByTestId('bias-1-0').focus();
  await page.keyboard.press(' ');
  await expect(play).toBeVisible();
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await page.getByRole('button', { name: 'Add sample' }).click();
  await page.getByRole('radio', { name: 'Sample 1' }).focus();
  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('radio', { name: 'Sample 2' })).toBeFocused();
  await expect(page.getByRole('radio', { name: 'Sample 2' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('radio', { name: 'Sample 1' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  expect(errors).toEqual([]);
});

test('"Start over" opens the chosen example again as it was, and Undo brings the edit back', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await diagramOf(page).getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.4' }).click({ force: true });
  await typeInto(page, 'Weight w₁₁⁽²⁾', '0.9');
  await stepForward(page, 3);
  await page.getByRole('button', { name: 'Start over' }).click();
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await expect(diagramOf(page).getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.4' })).toBeAttached();
  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(diagramOf(page).getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.9' })).toBeAttached();
  expect(errors).toEqual([]);
});

test('the notation switch renames every label and equation: a/z/δ, LFD s/x/θ, row vectors with k', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  const notation = page.getByRole('combobox', { name: 'Notation' });
  await chooseExample(page, CLASSIC);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  await stepForward(page);
  await expect(
    diagram.getByRole('button', { name: 'Unit a₁⁽¹⁾: z 0.3775, a 0.59327, δ not computed yet' }),
  ).toBeAttached();
  await expect(diagram.getByRole('button', { name: 'Bias b₁⁽¹⁾ = 0.35' })).toBeAttached();
  await expect(equation(page, 'Pre-activation z₁⁽¹⁾')).toHaveCount(1);
  await expect(equation(page, 'Activation a₁⁽¹⁾ (sigmoid)')).toContainText('σ(0.3775)');

  // Learning From Data: s for the weighted sum, x for the activation, θ, the bias as w₀ⱼ with x₀ = 1.
  await notation.selectOption({ label: 'x, s, θ, δ, bias w₀ⱼ (Learning From Data, note 001)' });
  // Switching notation does not move the pass.
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');
  await expect(
    diagram.getByRole('button', { name: 'Unit x₁⁽¹⁾: s 0.3775, x 0.59327, δ not computed yet' }),
  ).toBeAttached();
  await expect(diagram.getByRole('button', { name: 'Bias w₀₁⁽¹⁾ = 0.35' })).toBeAttached();
  await expect(diagram.getByRole('button', { name: /^Unit a/ })).toHaveCount(0);
  await expect(equation(page, 'Pre-activation s₁⁽¹⁾')).toHaveCount(1);
  await expect(equation(page, 'Activation x₁⁽¹⁾ (sigmoid)')).toContainText(
    'x1(1)=θ(s1(1))=σ(s1(1))',
  );
  await expect(page.getByTestId('phase-description')).toContainText('θ');
  await stepForward(page, 2);
  await expect(equation(page, 'Loss')).toHaveCount(1);
  await expect(page.getByRole('region', { name: 'Network and current step' })).toContainText(
    'Loss in force',
  );
  await expect(diagram.getByText('e =', { exact: false })).toHaveCount(1);

  // Note 004: row vectors x_i = f(x_{i−1}W_i + b_i), k_i for δ, E for the loss.
  await notation.selectOption({ label: 'row vectors x_i, W_i, k_i, E (note 004)' });
  await stepForward(page);
  await expectPhase(page, 'Output k — layer 2', 'step 5 of 9 · pass 1');
  await expect(
    diagram.getByRole('button', {
      name: 'Unit (x₂)₁: z 1.10591, x 0.751365, k 0.138499',
    }),
  ).toBeAttached();
  await expect(diagram.getByRole('button', { name: 'Weight (W₂)₁₁ = 0.4' })).toBeAttached();
  await expect(diagram.getByRole('button', { name: 'Bias (b₂)₁ = 0.6' })).toBeAttached();
  await expect(equation(page, 'Output (k₂)₁ = ∂E/∂')).toContainText('0.138499');
  await expect(diagram.getByText('E =', { exact: false })).toHaveCount(1);

  // And back: the standard labels return.
  await notation.selectOption({ label: 'a, z, δ, w_ij, b, L (notes 000, 002, 003)' });
  await expectPhase(page, 'Output δ — layer 2', 'step 5 of 9 · pass 1');
  await expect(
    diagram.getByRole('button', { name: 'Unit a₁⁽²⁾: z 1.10591, a 0.751365, δ 0.138499' }),
  ).toBeAttached();
  expect(errors).toEqual([]);
});

test('"Step by unit" splits each layer into one step per unit and keeps the place in the pass', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  const stepBy = page.getByRole('combobox', { name: 'Step by' });
  await chooseExample(page, CLASSIC);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await stepBy.selectOption('unit');
  // start + 4 forward + loss + 2 output δ + 2 hidden δ + 4 gradients + update = 15.
  await expectPhase(page, 'Start of pass', 'step 1 of 15 · pass 1');

  await stepForward(page);
  await expectPhase(page, 'Forward pass — layer 1, unit 1', 'step 2 of 15 · pass 1');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(diagram.getByTestId('value-z-1-1')).toHaveText('—');
  await expect(page.getByTestId('step-equations').getByRole('listitem')).toHaveCount(2);
  await stepForward(page);
  await expectPhase(page, 'Forward pass — layer 1, unit 2', 'step 3 of 15 · pass 1');
  await expect(diagram.getByTestId('value-z-1-1')).toHaveText('0.3925');
  await stepForward(page, 3);
  await expectPhase(page, 'Loss', 'step 6 of 15 · pass 1');
  await stepForward(page);
  await expectPhase(page, 'Output δ — layer 2, unit 1', 'step 7 of 15 · pass 1');
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('0.138499');
  await expect(diagram.getByTestId('value-delta-2-1')).toHaveText('—');

  // Back to whole layers: the same place in the pass, and both output δ computed.
  await stepBy.selectOption('layer');
  await expectPhase(page, 'Output δ — layer 2', 'step 5 of 9 · pass 1');
  await expect(diagram.getByTestId('value-delta-2-1')).toHaveText('−0.0380982');
  await stepBy.selectOption('unit');
  await expectPhase(page, 'Output δ — layer 2, unit 2', 'step 8 of 15 · pass 1');
  await page.keyboard.press('End');
  await expectPhase(page, 'Gradient-descent update', 'step 15 of 15 · pass 1');
  // The classic example updates the weights only, as its tutorial does.
  await expect(page.getByTestId('new-loss-value')).toHaveText('0.291028');
  expect(errors).toEqual([]);
});

test('XOR mini-batch: each sample has its own values; the gradients are the mean over the 4', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  await chooseExample(page, XOR);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  await expect(page.getByRole('heading', { name: 'Mini-batch of 4 samples' })).toBeVisible();
  const samples = page.getByRole('radiogroup', { name: 'Sample shown in the diagram' });
  await expect(samples.getByRole('radio')).toHaveCount(4);
  await expect(samples.getByRole('radio', { name: 'Sample 1' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(page.getByText('Loss in force (mean over 4 samples):')).toBeVisible();

  await stepForward(page);
  // Sample 1, x = (0, 0): only the biases reach the tanh layer.
  await expect(diagram.getByTestId('value-a-0-0')).toHaveText('0');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('−0.3');
  await expect(diagram.getByTestId('value-a-1-0')).toHaveText('−0.291313');
  await expect(diagram.getByTestId('value-a-1-1')).toHaveText('0.462117');

  await samples.getByRole('radio', { name: 'Sample 4' }).click();
  await expect(samples.getByRole('radio', { name: 'Sample 4' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  // Sample 4, x = (1, 1): z = (0.9 + 0.8 − 0.3, −0.7 + 0.6 + 0.5), a = tanh z.
  await expect(diagram.getByTestId('value-a-0-0')).toHaveText('1');
  await expect(diagram.getByTestId('value-a-0-1')).toHaveText('1');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('1.4');
  await expect(diagram.getByTestId('value-z-1-1')).toHaveText('0.4');
  await expect(diagram.getByTestId('value-a-1-0')).toHaveText('0.885352');
  await expect(diagram.getByTestId('value-a-1-1')).toHaveText('0.379949');
  await expect(page.getByRole('textbox', { name: 'Input x₁', exact: true })).toHaveValue('1');
  await expect(page.getByRole('textbox', { name: 'Target y₁', exact: true })).toHaveValue('0');
  // Showing another sample does not move the pass.
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');

  await stepForward(page, 2);
  await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
  // The diagram shows this sample's loss; the panel the batch mean.
  await expect(diagram.getByTestId('loss')).toHaveText('1.19324');
  await expect(diagram.getByText("this sample's loss")).toBeVisible();
  await expect(page.getByTestId('loss-value')).toHaveText('0.668709');
  await expect(equation(page, 'Batch loss: the mean over the 4 samples')).toContainText('0.668709');

  await stepForward(page, 3);
  await expectPhase(page, 'Gradients — layer 2', 'step 7 of 9 · pass 1');
  // (1/4)(−0.107505 − 0.232459 − 0.147797 + 0.616881) = 0.03228.
  const gradient = equation(page, 'Gradient ∂L/∂w₁₁⁽²⁾ (mean over the 4 samples)');
  await expect(gradient).toHaveCount(1);
  await expect(gradient).toContainText(/=0\.03228(?!\d)/);
  await expect(equation(page, 'Gradient ∂L/∂b₁⁽²⁾ (mean over the 4 samples)')).toContainText(
    '=0.0718924',
  );
  await expect(diagram.getByTestId('grad-w-2-0-0')).toHaveText('0.03228');
  await expect(diagram.getByTestId('grad-b-2-0')).toHaveText('0.0718924');
  // The batch gradient is the same whichever sample the diagram shows.
  await samples.getByRole('radio', { name: 'Sample 2' }).click();
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.5');
  await expect(diagram.getByTestId('grad-w-2-0-0')).toHaveText('0.03228');
  await expect(gradient).toContainText(/=0\.03228(?!\d)/);
  expect(errors).toEqual([]);
});

test('every example opens at the start of a pass, with no rounding noise in any sample', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  const examples: [string, number][] = [
    [CLASSIC, 9],
    [CHAIN, 12],
    [NOTE_004, 12],
    [XOR, 9],
    [SOFTMAX, 9],
  ];
  const options = page.getByRole('combobox', { name: 'Example' }).getByRole('option');
  await expect(options).toHaveText(examples.map(([title]) => title));
  for (const [title, steps] of examples) {
    // Leave the current pass part-way, even past an update, before switching.
    await page.getByRole('button', { name: 'Step forward' }).click();
    await page.keyboard.press('End');
    await stepForward(page, 2);
    await chooseExample(page, title);
    await expectPhase(page, 'Start of pass', `step 1 of ${steps} · pass 1`);
    await expect(page.getByTestId('loss-value')).toHaveText('—');
    await expect(diagram.getByTestId('value-a-1-0')).toHaveText('—');
    // No number of any sample is rounding noise (a hand calculation gives 0, not −5.55e−17).
    await page.keyboard.press('End');
    const samples = page.getByRole('radiogroup', { name: 'Sample shown in the diagram' });
    for (const sample of await samples.getByRole('radio').all()) {
      await sample.click();
      await expect(diagram).not.toContainText(/e−1[3-9]/);
    }
    await page.keyboard.press('Home');
  }
  expect(errors).toEqual([]);
});

test('note 004 shows the note’s σ(2) and σ(0), and its f′ in the matrix form of hidden k₁', async ({
  page,
}) => {
  const errors = await openFresh(page);
  const diagram = diagramOf(page);
  await chooseExample(page, NOTE_004);
  await expect(page.getByRole('combobox', { name: 'Notation' })).toHaveValue('rowVector');
  await expect(page.getByText(/^Note 004: x₀ = \[1 0 1\]/)).toBeVisible();
  await expect(diagram.getByTestId('value-a-0-0')).toHaveText('1');
  await expect(diagram.getByTestId('value-a-0-1')).toHaveText('0');
  await expect(diagram.getByTestId('value-a-0-2')).toHaveText('1');
  await stepForward(page);
  // f(W₁x₀) = [σ(2), σ(0), σ(2)] = [0.8808, 0.5, 0.8808].
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('2');
  await expect(diagram.getByTestId('value-z-1-1')).toHaveText('0');
  await expect(diagram.getByTestId('value-z-1-2')).toHaveText('2');
  await expect(diagram.getByTestId('value-a-1-0')).toHaveText('0.8808');
  await expect(diagram.getByTestId('value-a-1-1')).toHaveText('0.5');
  await expect(diagram.getByTestId('value-a-1-2')).toHaveText('0.8808');
  await expect(
    diagram.getByRole('button', { name: 'Unit (x₁)₁: z 2, x 0.8808, k not computed yet' }),
  ).toBeAttached();
  // The note's f′(W₁x₀) = [σ(2)(1 − σ(2)), ¼, σ(2)(1 − σ(2))], in the matrix form of hidden k₁.
  await page.keyboard.press('End');
  await stepBack(page, 4);
  await expectPhase(page, 'Hidden k — layer 1', 'step 8 of 12 · pass 1');
  await page.getByRole('checkbox', { name: 'Matrix form' }).check();
  await expect(
    page
      .getByTestId('matrix-equations')
      .getByRole('listitem')
      .filter({ hasText: /^Hidden k of layer 1/ }),
  ).toContainText('⊙[0.1050.250.105]');
  await expect(equation(page, 'Hidden (k₁)₂')).toContainText('0.5(1−0.5)');
  expect(errors).toEqual([]);
});

test('architecture edits: refusals are explained, and a new unit or layer keeps the weights that fit', async ({
  page,
}) => {
  const errors = await openFresh(page);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  const diagram = diagramOf(page);
  const outputActivation = page.getByRole('combobox', { name: 'Activation of output layer' });
  const loss = page.getByRole('combobox', { name: /^Loss/ });

  // XOR uses binary cross-entropy: its output must stay a sigmoid.
  await chooseExample(page, XOR);
  await outputActivation.selectOption({ label: 'tanh' });
  await expect(page.getByRole('alert')).toHaveText(
    'Binary cross-entropy needs a sigmoid output layer (its outputs must be probabilities in (0, 1)); the output layer is tanh.',
  );
  await expect(outputActivation).toHaveValue('sigmoid');
  await expect(diagram.getByText('tanh')).toHaveCount(1); // the hidden layer only
  // Nor may a target leave [0, 1].
  const target = await typeInto(page, 'Target y₁', '2');
  await expect(target).toHaveAccessibleDescription(
    'Sample 1: target y[1] is 2; with a cross-entropy loss targets must lie in [0, 1].',
  );
  await expect(diagram.getByTestId('target-0')).toHaveText('0');
  await target.press('Escape');

  // The classic network: a linear output is fine with squared error, but not with cross-entropy.
  await chooseExample(page, CLASSIC);
  await outputActivation.selectOption({ label: 'linear (identity)' });
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(diagram.getByText('linear')).toHaveCount(1);
  await loss.selectOption({ label: 'binary cross-entropy' });
  await expect(page.getByRole('alert')).toHaveText(
    'Binary cross-entropy needs a sigmoid output layer (its outputs must be probabilities in (0, 1)); the output layer is linear.',
  );
  await expect(loss).toHaveValue('halfSse');
  await loss.selectOption({ label: 'cross-entropy −Σ y ln a' });
  await expect(page.getByRole('alert')).toContainText('Cross-entropy needs a softmax or sigmoid');
  await expect(loss).toHaveValue('halfSse');
  await outputActivation.selectOption({ label: 'sigmoid σ' });
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A third hidden unit: the old weights and biases stay, new ones appear, the pass restarts.
  await stepForward(page, 3);
  await typeInto(page, 'Units in hidden 1 layer', '3');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await expect(diagram.getByTestId('unit-1-2')).toBeAttached();
  // No longer the example, whose notes describe a 2-2-2 network.
  const example = page.getByRole('combobox', { name: 'Example' });
  await expect(example.locator('option:checked')).toHaveText('(your own network)');
  await expect(page.getByText(/^The widely used step-by-step example/)).toHaveCount(0);
  for (const kept of [
    'Weight w₁₁⁽¹⁾ = 0.15',
    'Weight w₂₁⁽¹⁾ = 0.2',
    'Weight w₁₂⁽¹⁾ = 0.25',
    'Weight w₂₂⁽¹⁾ = 0.3',
    'Bias b₂⁽¹⁾ = 0.35',
    'Weight w₁₁⁽²⁾ = 0.4',
    'Weight w₂₂⁽²⁾ = 0.55',
    'Bias b₂⁽²⁾ = 0.6',
  ]) {
    await expect(diagram.getByRole('button', { name: kept })).toBeAttached();
  }
  await expect(diagram.getByRole('button', { name: /^Weight w₁₃⁽¹⁾ = / })).toBeAttached();
  await expect(diagram.getByRole('button', { name: /^Weight w₃₁⁽²⁾ = / })).toBeAttached();
  await stepForward(page);
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(diagram.getByTestId('value-z-1-1')).toHaveText('0.3925');

  // Impossible sizes are refused beside the field.
  const units = await typeInto(page, 'Units in hidden 1 layer', '0');
  await expect(units).toHaveAccessibleDescription('Must be between 1 and 16.');
  await typeInto(page, 'Units in hidden 1 layer', '2.5');
  await expect(units).toHaveAccessibleDescription('A whole number, please.');
  await expect(diagram.getByTestId('unit-1-2')).toBeAttached();

  // Back to two units: exactly the classic network again.
  await typeInto(page, 'Units in hidden 1 layer', '2');
  await expect(units).not.toHaveAttribute('aria-invalid', 'true');
  await expect(diagram.getByTestId('unit-1-2')).toHaveCount(0);
  await stepForward(page, 3);
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');

  // A new hidden layer before the output: the output layer keeps its weights.
  await page
    .getByRole('row', { name: /^Output/ })
    .getByRole('button', { name: 'Add layer before' })
    .click();
  await expect(page.getByRole('rowheader', { name: 'Hidden 2' })).toBeVisible();
  await expect(diagram.getByRole('button', { name: 'Weight w₁₁⁽³⁾ = 0.4' })).toBeAttached();
  await expect(diagram.getByRole('button', { name: 'Weight w₁₁⁽¹⁾ = 0.15' })).toBeAttached();
  await expectPhase(page, 'Start of pass', 'step 1 of 12 · pass 1');
  await page.getByRole('button', { name: 'Remove hidden 2' }).click();
  await expect(page.getByRole('rowheader', { name: 'Hidden 2' })).toHaveCount(0);
  await expect(diagram.getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.4' })).toBeAttached();
  expect(errors).toEqual([]);
});

test('a weight or input that is not a usable number is refused beside its field; nothing changes', async ({
  page,
}) => {
  const errors = await openFresh(page);
  // Six significant digits on screen, the equations' numbers included (Digits reaches them all).
  await chooseDigits(page, 6);
  const diagram = diagramOf(page);
  const undo = page.getByRole('button', { name: 'Undo' });
  await expect(undo).toBeDisabled();
  await stepForward(page, 3);
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = 0.4');
  const field = page.getByRole('textbox', { name: 'Weight w₁₁⁽²⁾', exact: true });

  const refusals: [string, string][] = [
    ['abc', '"abc" is not a number.'],
    ['1e999', 'That number is too large.'],
    ['5000', 'Must be between -1000 and 1000.'],
    ['', 'Enter a number.'],
  ];
  for (const [text, message] of refusals) {
    await typeInto(page, 'Weight w₁₁⁽²⁾', text);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    await expect(field).toHaveAccessibleDescription(message);
    await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
    // What the learner typed stays, to be corrected; the work is untouched.
    await expect(field).toHaveValue(text);
    await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4');
    await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
    await expectPhase(page, 'Loss', 'step 4 of 9 · pass 1');
    await expect(undo).toBeDisabled();
  }

  // Leaving the field with a bad value is refused the same way.
  await field.fill('1e999');
  await field.press('Tab');
  await expect(field).toHaveAccessibleDescription('That number is too large.');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4');

  // Escape gives back the value in force.
  await field.press('Escape');
  await expect(field).toHaveValue('0.4');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);

  // A refused text belongs to its own parameter: selecting another one shows that one's value.
  await typeInto(page, 'Weight w₁₁⁽²⁾', 'abc');
  await selectInDiagram(page, 'Weight w₂₁⁽²⁾ = 0.45');
  const other = page.getByRole('textbox', { name: 'Weight w₂₁⁽²⁾', exact: true });
  await expect(other).toHaveValue('0.45');
  await expect(other).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4');
  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = 0.4');
  await expect(field).toHaveValue('0.4');

  // A sample's input: the same, and a refused text stays with its sample.
  const input = await typeInto(page, 'Input x₁', 'abc');
  await expect(input).toHaveAccessibleDescription('"abc" is not a number.');
  await expect(diagram.getByTestId('value-a-0-0')).toHaveText('0.05');
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  await expect(undo).toBeDisabled();
  await page.getByRole('button', { name: 'Add sample' }).click();
  await expect(page.getByRole('radio', { name: 'Sample 2' })).toHaveAttribute(
    'aria-checked',
    'true',
  );
  await expect(input).toHaveValue('0.05');
  await expect(input).not.toHaveAttribute('aria-invalid', 'true');
  await page.getByRole('button', { name: 'Remove sample 2' }).click();
  await undo.click();
  await undo.click();
  await expect(undo).toBeDisabled();
  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = 0.4');

  // A good value still goes through afterwards, and can be undone.
  await typeInto(page, 'Weight w₁₁⁽²⁾', '0.5');
  await expect(field).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('loss-value')).toHaveText('0.306524');
  await expect(undo).toBeEnabled();
  await undo.click();
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4');
  await expect(page.getByTestId('loss-value')).toHaveText('0.298371');
  expect(errors).toEqual([]);
});

test('while a weight is dragged the equations keep up, number for number what a fresh typesetting shows', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, CLASSIC);
  await page.keyboard.press('End');
  await stepBack(page); // the last gradients: every equation depends on the dragged weight
  const phase = page.getByRole('group', { name: 'Step through the pass' }).getByTestId('phase');
  await expect(phase).toHaveText('Gradients — layer 1');
  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = 0.4');
  const field = page.getByRole('textbox', { name: 'Weight w₁₁⁽²⁾', exact: true });
  const box = await dragHandle(page);

  // The equations, as a tree of elements, sorted attributes and text (independent of how they
  // were updated), with the numbers a learner reads.
  const typeset = () =>
    page.evaluate(() => {
      const walk = (node: Node): string => {
        if (node.nodeType === Node.TEXT_NODE) return JSON.stringify(node.nodeValue);
        const element = node as Element;
        const attributes = Array.from(element.attributes)
          .map((a) => `${a.name}=${JSON.stringify(a.value)}`)
          .sort()
          .join(' ');
        return `<${element.localName} ${attributes}>${Array.from(node.childNodes, walk).join('')}</>`;
      };
      return Array.from(document.querySelectorAll('.equations-panel .tex'), walk);
    });
  const before = await typeset();

  // 45 px to the left, a pixel at a time: w₁₁⁽²⁾ goes from 0.4 through 0 to −0.05, so the numbers
  // change digits, lengths and signs along the way.
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.down();
  for (let dx = 1; dx <= 45; dx++) await page.mouse.move(box.x + box.width / 2 - dx, box.y + 4);
  // Then across zero and back in single moves (0.05, −0.04, 0.06, −0.05): some equations put back
  // the rendering they had for a sign (typeset.ts; its unit tests check each such return).
  for (const dx of [35, 44, 34, 45]) await page.mouse.move(box.x + box.width / 2 - dx, box.y + 4);
  await page.mouse.up();
  await expect(field).toHaveValue('−0.05');
  // Equations out of view are brought up to date when the page is next idle, and the MathML copy
  // of each (what a screen reader reads) at the idle moment after its numbers were set.
  const idle = () =>
    page.evaluate(() => new Promise((done) => requestIdleCallback(done, { timeout: 2000 })));
  await idle();
  await idle();
  const dragged = await typeset();
  expect(dragged.length).toBe(before.length);
  expect(dragged.filter((tex, i) => tex !== before[i]).length).toBeGreaterThan(3);

  // The same state typeset from scratch: a reload restores the weight and the step.
  await expect.poll(async () => JSON.stringify(await savedOpenWork(page))).toContain('-0.05');
  await page.reload();
  await expect(phase).toHaveText('Gradients — layer 1');
  await selectInDiagram(page, 'Weight w₁₁⁽²⁾ = −0.05');
  await expect(field).toHaveValue('−0.05');
  const fresh = await typeset();
  expect(fresh.length).toBe(dragged.length);
  const differing = fresh.flatMap((tex, i) => (tex === dragged[i] ? [] : [i]));
  expect(differing, 'equations that differ from a fresh typesetting').toEqual([]);
  expect(errors).toEqual([]);
});
