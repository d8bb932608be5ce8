import { expect, test, type Page } from '@playwright/test';
import { axeScan, chooseDigits, diagramOf, openFresh, stepForward, typeInto } from './helpers';

/** The computation graph view (issue 17): the same pass as scalar operations, linked both ways. */

const graphOf = (page: Page) => page.getByRole('group', { name: 'Computation graph' });
const details = (page: Page) => page.getByRole('region', { name: 'Selected in the graph' });

async function showGraph(page: Page) {
  await page.getByRole('checkbox', { name: 'Computation graph' }).check();
  await expect(graphOf(page)).toBeVisible();
}

/** Press a node as a keyboard user would: it may be out of the panned view. */
async function press(node: ReturnType<Page['getByRole']>) {
  await node.focus();
  await node.press('Enter');
  await expect(node).toHaveAttribute('aria-pressed', 'true');
}

test('the classic example: ∂L/∂w₁₁⁽¹⁾ = 0.000438568 is the sum of its two path products, and a selection in either view is the other’s', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await chooseDigits(page, 6);
  await showGraph(page);
  await stepForward(page, 6); // forward ×2, loss, output δ, hidden δ, gradients of layer 2
  await stepForward(page); // gradients of layer 1
  await expect(page.getByTestId('phase')).toContainText('layer 1');

  const graph = graphOf(page);
  await expect(graph.getByTestId('graph-grad-weight:1:0:0')).toHaveText('0.000438568');
  await press(graph.getByRole('button', { name: /^Weight w₁₁⁽¹⁾ = 0\.15,/ }));
  // The two paths from w₁₁⁽¹⁾ to the loss, through a₁⁽¹⁾ and each output unit, and their sum.
  await expect(details(page).getByTestId('graph-path-product')).toHaveText([
    '0.000668396',
    '−0.000229828',
  ]);
  await expect(details(page).getByTestId('graph-path-sum')).toHaveText(
    '0.000668396 + (−0.000229828) = 0.000438568 = ∂L/∂w₁₁⁽¹⁾',
  );
  await expect(
    details(page).getByTestId('graph-paths').getByRole('listitem').first(),
  ).toContainText('0.05 × 1 × 1 × 0.241301 × 0.4 × 1 × 1 × 0.186816 × 1.48273 × 0.5 = 0.000668396');
  await expect(details(page).getByTestId('graph-gate')).toContainText('A leaf');

  // Selected in the graph: selected in the network view (its editor, and the edge when shown).
  await expect(page.getByRole('textbox', { name: 'Weight w₁₁⁽¹⁾', exact: true })).toBeVisible();
  await page.getByRole('checkbox', { name: 'Computation graph' }).uncheck();
  await expect(diagramOf(page).getByRole('button', { name: /^Weight w₁₁⁽¹⁾ = / })).toHaveAttribute(
    'aria-pressed',
    'true',
  );

  // Selected in the network view: selected in the graph, with its gradient as one share per use.
  await diagramOf(page).getByTestId('unit-1-0').click();
  await showGraph(page);
  const a1 = graphOf(page).getByRole('button', { name: /^Activation a₁⁽¹⁾ = / });
  await expect(a1).toHaveAttribute('aria-pressed', 'true');
  await expect(details(page).getByTestId('graph-shares').getByRole('listitem')).toHaveText([
    'via w₁₁⁽²⁾·a₁⁽¹⁾: 0.138499 × 0.4 = 0.0553994',
    'via w₁₂⁽²⁾·a₁⁽¹⁾: −0.0380982 × 0.5 = −0.0190491',
  ]);
  await expect(details(page).getByTestId('graph-shares-sum')).toHaveText(
    '∂L/∂a₁⁽¹⁾ = 0.0553994 + (−0.0190491) = 0.0363503',
  );
  await expect(details(page).getByTestId('graph-gate')).toContainText('σ scales the gradient');
  expect(errors).toEqual([]);
});

test('the graph steps with the stepper: values on the forward pass, gradients on the backward, the current step marked', async ({
  page,
}) => {
  await openFresh(page);
  await showGraph(page);
  const graph = graphOf(page);
  const z1 = graph.getByTestId('graph-node-addBias:1:0:-1');
  await expect(graph.getByTestId('graph-value-addBias:1:0:-1')).toHaveText('—');
  await expect(graph.getByTestId('graph-value-weight:1:0:0')).toHaveText('0.15');

  await stepForward(page); // forward, layer 1
  await expect(graph.getByTestId('graph-value-addBias:1:0:-1')).toHaveText('0.3775');
  await expect(graph.getByTestId('graph-value-product:1:0:0')).toHaveText('0.0075');
  await expect(z1).toHaveClass(/current/);
  await expect(graph.getByTestId('graph-grad-addBias:1:0:-1')).toHaveText('—');
  await expect(graph.getByTestId('graph-value-lossTerm:3:0:-1')).toHaveText('—');

  await stepForward(page, 2); // forward, layer 2; the loss
  await expect(graph.getByTestId('graph-value-sampleLoss:3:0:-1')).toHaveText('0.2984');
  await expect(z1).not.toHaveClass(/current/);
  await stepForward(page); // output δ
  await expect(graph.getByTestId('graph-grad-addBias:2:0:-1')).toHaveText('0.1385');
  await expect(graph.getByTestId('graph-grad-activation:1:0:-1')).toHaveText('—');
  await stepForward(page); // hidden δ: ∂L/∂a₁⁽¹⁾ is the back-sum, ∂L/∂z₁⁽¹⁾ = δ₁⁽¹⁾
  await expect(graph.getByTestId('graph-grad-activation:1:0:-1')).toHaveText('0.03635');
  await expect(graph.getByTestId('graph-grad-addBias:1:0:-1')).toHaveText('0.008771');
  await expect(graph.getByTestId('graph-grad-weight:1:0:0')).toHaveText('—');
});

test('a network too large to draw whole collapses each unit, which expands on demand and when its weight is selected', async ({
  page,
}) => {
  await openFresh(page);
  await typeInto(page, 'Units in input layer', '8');
  await typeInto(page, 'Units in hidden 1 layer', '16');
  await showGraph(page);
  const graph = graphOf(page);
  await expect(graph.getByRole('button', { name: /^Unit a₁⁽¹⁾, collapsed/ })).toBeVisible();
  await expect(graph.getByRole('button', { name: /^Product / })).toHaveCount(0);

  const unit = graph.getByRole('button', { name: /^Unit a₃⁽¹⁾, collapsed/ });
  await unit.focus();
  await unit.press('e');
  await expect(graph.getByRole('button', { name: /^Product / })).toHaveCount(8);
  await expect(graph.getByRole('button', { name: /^Product w₁₃⁽¹⁾·x₁ / })).toBeVisible();

  // A weight selected in the network view opens its unit here.
  await page.getByRole('checkbox', { name: 'Computation graph' }).uncheck();
  await diagramOf(page).getByTestId('edge-1-1-9').dispatchEvent('click');
  await expect(page.getByRole('textbox', { name: 'Weight w₂,₁₀⁽¹⁾', exact: true })).toBeVisible();
  await showGraph(page);
  await expect(graph.getByRole('button', { name: /^Weight w₂,₁₀⁽¹⁾ = / })).toHaveAttribute(
    'aria-pressed',
    'true',
  );
  await expect(graph.getByRole('button', { name: /^Product / })).toHaveCount(8);
  // Expanded on demand again, then collapsed: the selected weight's unit stays open.
  await unit.focus();
  await unit.press('e');
  await expect(graph.getByRole('button', { name: /^Product / })).toHaveCount(16);
  await page.getByRole('button', { name: 'Collapse units' }).click();
  await expect(graph.getByRole('button', { name: /^Product / })).toHaveCount(8);
  await expect(graph.getByRole('button', { name: /^Product w₁₃⁽¹⁾·x₁ / })).toHaveCount(0);
});

test('at 390 × 844 the toggle is in reach and the graph fits the screen’s width', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openFresh(page);
  const toggle = page.getByRole('checkbox', { name: 'Computation graph' });
  await toggle.scrollIntoViewIfNeeded();
  await expect(toggle).toBeInViewport();
  await toggle.check();
  const graph = graphOf(page);
  await expect(graph).toBeVisible();
  const box = await graph.boundingBox();
  expect(box?.width).toBeLessThanOrEqual(390);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await press(graph.getByRole('button', { name: /^Weight w₁₁⁽¹⁾ = / }));
  await expect(details(page)).toBeVisible();
  // Nothing serious for axe in the graph and its details.
  const serious = (await axeScan(page)).violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  expect(serious).toEqual([]);
});
