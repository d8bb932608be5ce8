import { expect, test, type Page } from '@playwright/test';
import { EXAMPLES } from '../../src/store/examples';
import { chooseExample, diagramOf, openFresh, stepForward } from './helpers';

/**
 * Every click hits what it points at: each weight's and bias's label and line select exactly that
 * parameter, at every step of the pass, for every example, at 1440 × 900 and zoomed in.
 */

test.use({ viewport: { width: 1440, height: 900 } });

interface LabelSpot {
  /** The test id of the edge the label belongs to: edge-l-i-j or bias-l-j. */
  parameter: string;
  /** The name of its weight or bias (the edge's accessible name without the value). */
  name: string;
  x: number;
  y: number;
  /** What is on top at the label's center: the parameter of the label or line found there. */
  hit: string | null;
}

interface Point {
  x: number;
  y: number;
}

/**
 * Every edge label of the diagram that is on screen, at the center of its frame, and what the
 * browser finds there, in one round trip; and an empty corner of the diagram. Read again until two
 * reads two frames apart agree: after a pan or a zoom the labels are placed again by a deferred
 * render, later on a busy machine.
 */
async function labelSpots(page: Page): Promise<{ spots: LabelSpot[]; corner: Point }> {
  return page.evaluate(async () => {
    const read = () => {
      const svg = document.querySelector('svg[data-export="diagram"]');
      if (!svg) throw new Error('No diagram.');
      const frame = svg.getBoundingClientRect();
      const spots: LabelSpot[] = [];
      for (const label of Array.from(
        svg.querySelectorAll<SVGGElement>('.label-column [data-parameter]'),
      )) {
        const box = label.querySelector('rect')?.getBoundingClientRect();
        if (!box) continue;
        const x = box.x + box.width / 2;
        const y = box.y + box.height / 2;
        if (x < frame.left || x > frame.right || y < frame.top || y > frame.bottom) continue;
        const found = document.elementFromPoint(x, y);
        // A label names its parameter; a line is the button with the parameter's test id.
        const hit =
          found?.closest('[data-parameter]')?.getAttribute('data-parameter') ??
          found?.closest('[role="button"][data-testid]')?.getAttribute('data-testid');
        const parameter = label.dataset.parameter ?? '';
        const edge = svg.querySelector(`[role="button"][data-testid="${parameter}"]`);
        const name = (edge?.getAttribute('aria-label') ?? '').split(' = ')[0] ?? '';
        spots.push({ parameter, name, x, y, hit: hit ?? null });
      }
      return { spots, corner: { x: frame.x + 3, y: frame.y + 3 } };
    };
    const frames = () =>
      new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
    let last = read();
    for (let tries = 0; tries < 50; tries++) {
      await frames();
      const now = read();
      if (JSON.stringify(now) === JSON.stringify(last)) return now;
      last = now;
    }
    throw new Error('The labels did not settle.');
  });
}

/** The test ids of the weights and biases shown as selected (aria-pressed). */
function pressedParameters(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('[aria-pressed="true"]'))
      .map((e) => e.getAttribute('data-testid') ?? '')
      .filter((id) => id.startsWith('edge-') || id.startsWith('bias-')),
  );
}

/** Clicks the label at its real position; exactly its weight or bias is then selected. */
async function clickAndExpectSelected(page: Page, spot: LabelSpot): Promise<void> {
  await page.mouse.click(spot.x, spot.y);
  await expect
    .poll(() => pressedParameters(page), `click on ${spot.parameter}`)
    .toEqual([spot.parameter]);
  // The inspector edits the same one: its field is named as the edge is.
  await expect(page.getByRole('textbox', { name: spot.name, exact: true })).toBeVisible();
}

/** A click on an empty corner of the diagram clears the selection. */
async function clearSelection(page: Page, corner: Point): Promise<void> {
  await page.mouse.click(corner.x, corner.y);
  await expect.poll(() => pressedParameters(page)).toEqual([]);
}

async function stepCount(page: Page): Promise<number> {
  const counter = await page.getByText(/^step \d+ of \d+ · pass \d+$/).textContent();
  return Number(/of (\d+)/.exec(counter ?? '')?.[1]);
}

for (const example of EXAMPLES) {
  test(`every label of "${example.title}" selects its own weight or bias, at every step`, async ({
    page,
  }) => {
    const errors = await openFresh(page);
    await chooseExample(page, example.title);
    await diagramOf(page).scrollIntoViewIfNeeded();
    const steps = await stepCount(page);
    let clicked = new Set<string>();
    for (let step = 1; step <= steps; step++) {
      // Nothing selected, so no label is raised over its neighbours: each label's center must
      // find that label (or its own line) on top.
      const { spots, corner } = await labelSpots(page);
      expect(spots.length, `labels at step ${step}`).toBeGreaterThan(0);
      const wrong = spots.filter((s) => s.hit !== s.parameter);
      expect(wrong, `labels whose center is covered at step ${step}`).toEqual([]);
      // Real clicks on a share of them at each step, so that every label is clicked in the pass.
      const share = Math.ceil(spots.length / steps);
      const next = spots.filter((s) => !clicked.has(s.parameter)).slice(0, share);
      for (const spot of next.length > 0 ? next : spots.slice(0, 1)) {
        await clickAndExpectSelected(page, spot);
        clicked.add(spot.parameter);
      }
      if (clicked.size === spots.length) clicked = new Set();
      if (step < steps) {
        await clearSelection(page, corner);
        await stepForward(page);
      }
    }
    expect(errors).toEqual([]);
  });
}

test('zoomed in and panned, a label still selects its own weight', async ({ page }) => {
  await openFresh(page);
  await diagramOf(page).scrollIntoViewIfNeeded();
  await stepForward(page, 7); // Gradients — layer 1: two-line labels
  await page.getByRole('button', { name: 'Zoom in' }).click();
  await page.getByRole('button', { name: 'Zoom in' }).click();
  const svg = page.locator('svg[data-export="diagram"]');
  const box = await svg.boundingBox();
  if (!box) throw new Error('The diagram is not on screen.');
  // Pan by dragging the background.
  await page.mouse.move(box.x + 10, box.y + 10);
  await page.mouse.down();
  await page.mouse.move(box.x + 110, box.y + 60, { steps: 4 });
  await page.mouse.up();
  const { spots } = await labelSpots(page);
  expect(spots.length).toBeGreaterThan(2);
  expect(spots.filter((s) => s.hit !== s.parameter)).toEqual([]);
  for (const { parameter } of spots.slice(0, 3)) {
    // Where the label is now: a selected label shows more digits, and its neighbours may move.
    const spot = (await labelSpots(page)).spots.find((s) => s.parameter === parameter);
    if (!spot) throw new Error(`No label for ${parameter} on screen.`);
    await clickAndExpectSelected(page, spot);
  }
});

test('hovering a label traces its edge; its line is a keyboard target', async ({ page }) => {
  await openFresh(page);
  const diagram = diagramOf(page);
  await diagram.scrollIntoViewIfNeeded();
  // w₂₁⁽¹⁾ (0.2): its label sits where a bias edge and another weight cross.
  const spot = (await labelSpots(page)).spots.find((s) => s.parameter === 'edge-1-1-0');
  if (!spot) throw new Error('No label for w₂₁⁽¹⁾.');
  await page.mouse.move(spot.x, spot.y);
  const trace = diagram.getByTestId('hover-trace').locator('path');
  const path = await diagram.getByTestId('edge-1-1-0').locator('.edge-line').getAttribute('d');
  await expect(trace).toHaveAttribute('d', path ?? '');
  await page.mouse.move(1, 1);
  await expect(trace).toHaveCount(0);

  // Tab reaches the weights too; the focused one is traced, and Enter selects it.
  const weight = diagram.getByTestId('edge-1-1-0');
  await diagram.getByTestId('edge-1-0-1').focus();
  await page.keyboard.press('Tab');
  await expect(weight).toBeFocused();
  await expect(trace).toHaveAttribute('d', path ?? '');
  await page.keyboard.press('Enter');
  await expect.poll(() => pressedParameters(page)).toEqual(['edge-1-1-0']);
});

/** The diagram's text on screen: the height of a unit's value line, in CSS px. */
function valueTextHeight(page: Page): Promise<number> {
  return page.evaluate(() => {
    const text = document.querySelector('svg[data-export="diagram"] .unit-values');
    return text?.getBoundingClientRect().height ?? 0;
  });
}

const CHAIN = EXAMPLES.find((e) => e.id === 'chain-1-1-1-1')?.title ?? '';

for (const [width, height] of [
  [1440, 900],
  [1280, 720],
] as const) {
  test(`the 1-1-1-1 chain opens at a readable scale at ${width} × ${height}`, async ({ page }) => {
    await page.setViewportSize({ width, height });
    await openFresh(page);
    await chooseExample(page, CHAIN);
    // 11 px text drawn between about 9 and 18 px: neither tiny nor huge.
    const shown = await valueTextHeight(page);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(20);
  });
}

test.describe('on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 }, hasTouch: true, isMobile: true });

  test('the diagram fits the width, pans with one finger and zooms with two', async ({ page }) => {
    await openFresh(page);
    await chooseExample(page, CHAIN);
    const svg = page.locator('svg[data-export="diagram"]');
    await svg.scrollIntoViewIfNeeded();
    const box = await svg.boundingBox();
    if (!box) throw new Error('The diagram is not on screen.');
    expect(box.x).toBeGreaterThanOrEqual(0);
    expect(box.x + box.width).toBeLessThanOrEqual(390);
    const shown = await valueTextHeight(page);
    expect(shown).toBeGreaterThan(10);
    expect(shown).toBeLessThan(20);
    await expect(page.getByText('Drag with one finger to pan; pinch to zoom.')).toBeVisible();

    const layer = svg.locator('[data-zoom-layer]');
    const scaleOf = async () => {
      const transform = (await layer.getAttribute('transform')) ?? '';
      return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1] ?? 1);
    };
    const before = (await layer.getAttribute('transform')) ?? '';
    const scale = await scaleOf();
    const cdp = await page.context().newCDPSession(page);
    const touch = (
      type: 'touchStart' | 'touchMove' | 'touchEnd',
      points: { x: number; y: number }[],
    ) =>
      cdp.send('Input.dispatchTouchEvent', {
        type,
        touchPoints: points.map((p, id) => ({ x: p.x, y: p.y, id })),
      });
    const cx = box.x + box.width / 2;
    const cy = box.y + box.height / 2;
    // One finger: the view pans, the page stays put.
    const scrollX = await page.evaluate(() => window.scrollX);
    await touch('touchStart', [{ x: cx, y: cy }]);
    for (let k = 1; k <= 4; k++) await touch('touchMove', [{ x: cx - 15 * k, y: cy }]);
    await touch('touchEnd', []);
    await expect.poll(async () => (await layer.getAttribute('transform')) ?? '').not.toBe(before);
    expect(await scaleOf()).toBeCloseTo(scale, 5);
    expect(await page.evaluate(() => window.scrollX)).toBe(scrollX);
    // Two fingers apart: it zooms in.
    await touch('touchStart', [
      { x: cx - 20, y: cy },
      { x: cx + 20, y: cy },
    ]);
    for (let k = 1; k <= 4; k++)
      await touch('touchMove', [
        { x: cx - 20 - 12 * k, y: cy },
        { x: cx + 20 + 12 * k, y: cy },
      ]);
    await touch('touchEnd', []);
    await expect.poll(scaleOf).toBeGreaterThan(scale * 1.5);
  });
});
