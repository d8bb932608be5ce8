import { expect, test, type Page } from '@playwright/test';
import { axeScan, chooseExample, diagramOf, expectPhase, openFresh } from './helpers';

/**
 * The first visit's tour: offered once in the header (never over the page), each stop moves the
 * stepper and the selection, Close ends it and it is not offered again, "Tour" reopens it.
 */

const tourOf = (page: Page) => page.getByRole('region', { name: 'Tour' });
const offer = (page: Page) => page.getByRole('button', { name: 'Take the tour', exact: true });
const unit = (page: Page, name: string) =>
  diagramOf(page).getByRole('button', { name: new RegExp(`^Unit ${name}:`) });
const weight = (page: Page, name: string) =>
  diagramOf(page).getByRole('button', { name: new RegExp(`^Weight ${name} = `) });

async function next(page: Page, title: string, count: string) {
  await tourOf(page).getByRole('button', { name: 'Next', exact: true }).click();
  await expect(tourOf(page).getByRole('heading')).toHaveText(`Tour: ${title}`);
  await expect(tourOf(page)).toContainText(count);
}

test('offered on a first visit; Next moves the diagram to each stop; Close; not offered after a reload; "Tour" reopens it', async ({
  page,
}) => {
  test.setTimeout(60_000); // six stops, a reload and a reopening
  const errors = await openFresh(page);
  await expect(offer(page)).toBeVisible();
  await expect(tourOf(page)).toHaveCount(0);
  // The offer sits in the header beside the other buttons and covers nothing: the stepper works.
  await page.getByRole('button', { name: 'Step forward' }).click();
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');

  await offer(page).click();
  await expect(offer(page)).toHaveCount(0);
  await expect(tourOf(page).getByRole('heading')).toHaveText('Tour: One pass, five stops');
  await expect(tourOf(page).getByRole('heading')).toBeFocused();
  await expect(tourOf(page)).toContainText('1 of 6');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await expect(tourOf(page).getByRole('button', { name: 'Back', exact: true })).toBeDisabled();

  await next(page, 'What z and a are', '2 of 6');
  await expectPhase(page, 'Forward pass — layer 1 of 2', 'step 2 of 9 · pass 1');
  await expect(unit(page, 'a₁⁽¹⁾')).toHaveAttribute('aria-pressed', 'true');
  await expect(tourOf(page)).toContainText('z₁⁽¹⁾ is the selected unit');
  await expect(tourOf(page).locator('annotation').first()).toContainText('= 0.3775');

  await next(page, 'Why carry δ = ∂L/∂z backwards', '3 of 6');
  await expectPhase(page, 'Output δ — layer 2', 'step 5 of 9 · pass 1');
  await expect(unit(page, 'a₁⁽²⁾')).toHaveAttribute('aria-pressed', 'true');
  await expect(tourOf(page)).toContainText('δ₁⁽²⁾ = ∂L/∂z₁⁽²⁾ = 0.1385 says');

  await next(page, 'The sum over paths in a hidden δ', '4 of 6');
  await expectPhase(page, 'Hidden δ — layer 1', 'step 6 of 9 · pass 1');
  await expect(unit(page, 'a₁⁽¹⁾')).toHaveAttribute('aria-pressed', 'true');
  // The open tour, its typeset equations with it, passes axe.
  const violations = (await axeScan(page)).violations.filter(
    (v) => v.impact === 'serious' || v.impact === 'critical',
  );
  expect(
    violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`),
  ).toEqual([]);

  await next(page, 'Going backwards reuses work', '5 of 6');
  await expectPhase(page, 'Gradients — layer 1', 'step 8 of 9 · pass 1');
  await expect(weight(page, 'w₁₁⁽¹⁾')).toHaveAttribute('aria-pressed', 'true');

  await next(page, 'The update', '6 of 6');
  await expectPhase(page, 'Gradient-descent update', 'step 9 of 9 · pass 1');
  await expect(tourOf(page)).toContainText('the loss goes from 0.2984 to 0.291.');
  await expect(tourOf(page).getByRole('button', { name: 'Next', exact: true })).toBeDisabled();

  // Back returns to the stop before, and the diagram with it.
  await tourOf(page).getByRole('button', { name: 'Back', exact: true }).click();
  await expect(tourOf(page).getByRole('heading')).toHaveText('Tour: Going backwards reuses work');
  await expectPhase(page, 'Gradients — layer 1', 'step 8 of 9 · pass 1');

  await tourOf(page).getByRole('button', { name: 'Close', exact: true }).click();
  await expect(tourOf(page)).toHaveCount(0);
  // The stepper stays where the tour left it.
  await expectPhase(page, 'Gradients — layer 1', 'step 8 of 9 · pass 1');

  await page.reload();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tour', exact: true })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  await expect(tourOf(page)).toHaveCount(0);

  await page.getByRole('button', { name: 'Tour', exact: true }).click();
  await expect(tourOf(page).getByRole('heading')).toHaveText('Tour: One pass, five stops');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  await next(page, 'What z and a are', '2 of 6');
  await expect(unit(page, 'a₁⁽¹⁾')).toHaveAttribute('aria-pressed', 'true');
  expect(errors).toEqual([]);
});

test('declining the offer is remembered', async ({ page }) => {
  const errors = await openFresh(page);
  await page.getByRole('button', { name: 'No thanks' }).click();
  await expect(offer(page)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tour', exact: true })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('button', { name: 'Tour', exact: true })).toBeVisible();
  await expect(offer(page)).toHaveCount(0);
  expect(errors).toEqual([]);
});

test('from another work, the tour opens the classic example (Undo brings the work back) and speaks the learner’s notation', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseExample(page, 'XOR with a 2-2-1 network (mini-batch of 4)');
  await offer(page).click();
  const example = page.getByRole('combobox', { name: 'Example' });
  await expect(example.locator('option:checked')).toHaveText(/^Classic 2-2-2/);
  // The example opens in its own notation; the learner picks theirs, and the tour follows.
  await page.getByRole('combobox', { name: 'Notation' }).selectOption('lfd');
  await next(page, 'What s and x are', '2 of 6');
  await expect(tourOf(page)).toContainText('s₁⁽¹⁾ is the selected unit');
  await expect(unit(page, 'x₁⁽¹⁾')).toHaveAttribute('aria-pressed', 'true');

  await page.getByRole('button', { name: 'Undo' }).click();
  await expect(example.locator('option:checked')).toHaveText(/^XOR/);
  // The tour follows the classic example only: it says so and offers it again.
  await expect(tourOf(page)).toContainText('The tour follows the classic example');
  await tourOf(page).getByRole('button', { name: 'Open the classic example' }).click();
  await expect(example.locator('option:checked')).toHaveText(/^Classic 2-2-2/);
  await expect(tourOf(page).getByRole('heading')).toHaveText('Tour: One pass, five stops');
  expect(errors).toEqual([]);
});
