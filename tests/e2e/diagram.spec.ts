import { expect, test, type Page } from '@playwright/test';
import { edgeWidthScale, SIGN_COLORS, signOf } from '../../src/layout/scales';
import { chooseDigits, diagramOf, typeInto } from './helpers';
import { savedOpenWork } from './stored';

/** The network diagram in a real browser, driven the way a learner would. */

async function freshStart(page: Page) {
  await page.goto('./'); // a new context per test: nothing saved (see openFresh in helpers.ts)
}

/** Through the Network panel: 8 inputs and `hidden` hidden layers of 16 units. */
async function wideNetwork(page: Page, hidden: number) {
  await typeInto(page, 'Units in input layer', '8');
  for (let l = 2; l <= hidden; l++)
    await page.getByRole('button', { name: 'Add layer before' }).last().click();
  for (let l = 1; l <= hidden; l++) await typeInto(page, `Units in hidden ${l} layer`, '16');
}

/**
 * 8 inputs and 3 hidden layers of 16 at 1280 × 720, at the last gradient step (every z, a and δ
 * shown): it opens zoomed in, its lower units out of view.
 */
async function openLargeNetwork(page: Page) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshStart(page);
  await wideNetwork(page, 3);
  await page.getByRole('heading', { name: 'Backstep' }).click();
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Step back' }).click();
}

const stepForward = (page: Page) => page.getByRole('button', { name: 'Step forward' }).click();

test('values appear in the diagram only once the pass has computed them', async ({ page }) => {
  await freshStart(page);
  const diagram = page.getByRole('group', { name: 'Network diagram' });
  await expect(diagram.getByTestId('value-a-0-0')).toHaveText('0.05');
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('—');
  await expect(diagram.getByTestId('loss')).toHaveText('—');
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4');

  await stepForward(page); // forward, layer 1
  await expect(diagram.getByTestId('value-z-1-0')).toHaveText('0.3775');
  await expect(diagram.getByTestId('value-a-1-0')).toHaveText('0.5933');
  await expect(diagram.getByTestId('value-a-2-0')).toHaveText('—');

  await stepForward(page); // forward, layer 2
  await stepForward(page); // loss
  await expect(diagram.getByTestId('value-a-2-0')).toHaveText('0.7514');
  await expect(diagram.getByTestId('loss')).toHaveText('0.2984');
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('—');

  await stepForward(page); // output δ
  await expect(diagram.getByTestId('value-delta-2-0')).toHaveText('0.1385');
  await expect(diagram.getByTestId('grad-w-2-0-0')).toHaveCount(0);

  await stepForward(page); // hidden δ
  await stepForward(page); // gradients, layer 2
  await expect(diagram.getByTestId('grad-w-2-0-0')).toHaveText('0.08217');
  await expect(diagram.getByTestId('grad-b-2-0')).toHaveText('0.1385');
  await expect(diagram.getByTestId('grad-w-1-0-0')).toHaveCount(0);

  await stepForward(page); // gradients, layer 1
  await stepForward(page); // update
  await expect(diagram.getByTestId('weight-2-0-0')).toHaveText('0.4 → 0.3589');
});

/** How each edge's line is drawn, and the number it stands for (its label's, null before shown). */
async function edgeDrawings(page: Page, mode: 'gradients' | 'weights') {
  return page.locator('svg[data-export="diagram"] g.edge').evaluateAll((edges, gradients) => {
    const numberIn = (text: string | null | undefined) =>
      text == null ? null : Number(text.replace('−', '-'));
    return edges.map((edge) => {
      const key = edge.getAttribute('data-testid') ?? '';
      const label = gradients
        ? document.querySelector(
            `[data-testid="${key.replace(/^edge-/, 'grad-w-').replace(/^bias-/, 'grad-b-')}"]`,
          )?.textContent
        : edge.getAttribute('aria-label')?.split(' = ')[1];
      const line = getComputedStyle(edge.querySelector('.edge-line') as Element);
      const outline = edge.querySelector('.edge-outline');
      return {
        key,
        value: numberIn(label),
        stroke: line.stroke,
        width: line.strokeWidth,
        dashed: line.strokeDasharray !== 'none',
        outline: outline ? getComputedStyle(outline).strokeWidth : null,
      };
    });
  }, mode === 'gradients');
}

type EdgeDrawing = Awaited<ReturnType<typeof edgeDrawings>>[number];

const rgb = (hex: string) =>
  `rgb(${[1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)).join(', ')})`;

/**
 * Every edge drawn as its value says: the sign's color, a width from the scale whose top is the
 * largest value shown, the selected one's outline 5 px wider; a dashed hairline when not shown.
 */
async function expectEdgesFollow(page: Page, mode: 'gradients' | 'weights', count = 12) {
  let drawings: EdgeDrawing[] = [];
  await expect(async () => {
    drawings = await edgeDrawings(page, mode);
    expect(drawings.length).toBe(count);
    const shown = drawings.flatMap((d) => (d.value === null ? [] : [d.value]));
    const widthOf = edgeWidthScale(Math.max(...shown.map(Math.abs)));
    for (const d of drawings) {
      const width = d.value === null ? 1 : widthOf(d.value);
      const expected = {
        key: d.key,
        value: d.value,
        stroke: d.value === null ? rgb(SIGN_COLORS.zero) : rgb(SIGN_COLORS[signOf(d.value)]),
        width: `${width}px`,
        dashed: d.value === null,
        outline: d.outline === null ? null : `${width + 5}px`,
      };
      expect(d).toEqual(expected);
    }
  }).toPass();
  return drawings;
}

test("every edge is drawn with its own gradient's sign and width through edits and steps, and with its weight's", async ({
  page,
}) => {
  await freshStart(page);
  await chooseDigits(page, 8);
  await page.getByRole('combobox', { name: 'Edges show' }).selectOption('gradients');
  const pending = await expectEdgesFollow(page, 'gradients');
  expect(pending.every((d) => d.value === null)).toBe(true);

  for (let i = 0; i < 6; i++) await stepForward(page); // gradients, layer 2: layer 1's still pending
  const layer2 = await expectEdgesFollow(page, 'gradients');
  expect(layer2.filter((d) => d.value === null)).toHaveLength(6);
  await stepForward(page); // gradients, layer 1
  const before = await expectEdgesFollow(page, 'gradients');

  const edge = diagramOf(page).getByRole('button', { name: 'Weight w₁₁⁽²⁾ = 0.4' });
  await edge.click({ force: true });
  await expect(edge).toHaveAttribute('aria-pressed', 'true');
  // Both hidden δ turn negative (o₁'s δ shrinks, o₂'s is negative), and with them the gradients
  // of every edge into the hidden layer: six edges change color in one edit.
  await typeInto(page, 'Weight w₁₁⁽²⁾', '-4');
  const flipped = await expectEdgesFollow(page, 'gradients');
  const changed = flipped.filter((d, i) => d.stroke !== before[i]?.stroke).map((d) => d.key);
  expect(changed.sort()).toEqual(
    ['bias-1-0', 'bias-1-1', 'edge-1-0-0', 'edge-1-0-1', 'edge-1-1-0', 'edge-1-1-1'].sort(),
  );
  await typeInto(page, 'Weight w₁₁⁽²⁾', '3');
  await expectEdgesFollow(page, 'gradients');
  await typeInto(page, 'Weight w₁₁⁽²⁾', '0');
  await expectEdgesFollow(page, 'gradients');

  await page.getByRole('button', { name: 'Step back' }).click();
  const back = await expectEdgesFollow(page, 'gradients');
  expect(back.filter((d) => d.value === null)).toHaveLength(6);

  // A unit more: the new edges are drawn as they should be from the first frame they are in.
  await typeInto(page, 'Units in hidden 1 layer', '3');
  await expectEdgesFollow(page, 'gradients', 17);

  await page.getByRole('combobox', { name: 'Edges show' }).selectOption('weights');
  await expectEdgesFollow(page, 'weights', 17);
  await diagramOf(page)
    .getByRole('button', { name: /^Weight w₁₁⁽²⁾ = / })
    .click({ force: true });
  await typeInto(page, 'Weight w₁₁⁽²⁾', '-2');
  await expectEdgesFollow(page, 'weights', 17);
});

test('clicking an edge, a bias or a unit selects it; Enter does too', async ({ page }) => {
  await freshStart(page);
  const diagram = page.getByRole('group', { name: 'Network diagram' });
  const weight = diagram.getByRole('button', { name: 'Weight w₂₁⁽²⁾ = 0.45' });
  await weight.click({ force: true });
  await expect(weight).toHaveAttribute('aria-pressed', 'true');

  const bias = diagram.getByTestId('bias-1-1');
  await bias.focus();
  await page.keyboard.press('Enter');
  await expect(bias).toHaveAttribute('aria-pressed', 'true');
  await expect(weight).toHaveAttribute('aria-pressed', 'false');

  const unit = diagram.getByTestId('unit-1-0');
  await unit.locator('circle').click();
  await expect(unit).toHaveAttribute('aria-pressed', 'true');
});

test('the wheel scrolls the page unless Ctrl is held or the diagram has focus', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1000, height: 600 });
  await freshStart(page);
  const svg = page.locator('svg[data-export="diagram"]');
  const layer = svg.locator('[data-zoom-layer]');
  const box = await svg.boundingBox();
  if (!box) throw new Error('The diagram is not on screen.');
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.mouse.wheel(0, 200);
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(0);
  expect((await layer.getAttribute('transform')) ?? 'translate(0,0) scale(1)').toContain(
    'scale(1)',
  );

  const moved = await svg.boundingBox();
  if (!moved) throw new Error('The diagram is not on screen.');
  await page.mouse.move(moved.x + moved.width / 2, moved.y + moved.height / 2);
  await page.keyboard.down('Control');
  await page.mouse.wheel(0, -200);
  await page.keyboard.up('Control');
  await expect
    .poll(async () => (await layer.getAttribute('transform')) ?? '')
    .not.toContain('scale(1)');

  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(layer).toHaveAttribute('transform', 'translate(0,0) scale(1)');

  // Once the diagram has focus (a click in it), the plain wheel zooms and the page stays put.
  const fitted = await svg.boundingBox();
  if (!fitted) throw new Error('The diagram is not on screen.');
  await page.mouse.click(fitted.x + 4, fitted.y + 4);
  const scrolled = await page.evaluate(() => window.scrollY);
  await page.mouse.move(fitted.x + fitted.width / 2, fitted.y + fitted.height / 2);
  await page.mouse.wheel(0, -200);
  await expect
    .poll(async () => (await layer.getAttribute('transform')) ?? '')
    .not.toContain('scale(1)');
  expect(await page.evaluate(() => window.scrollY)).toBe(scrolled);
});

test('a network that fits stays whole as the pass moves; a large one opens readable and follows the pass', async ({
  page,
}) => {
  test.setTimeout(60_000); // builds a network of 8 inputs and 6 layers of 16 through the page
  await page.setViewportSize({ width: 1280, height: 720 });
  await freshStart(page);
  const layer = page.locator('svg[data-export="diagram"] [data-zoom-layer]');
  const identity = 'translate(0,0) scale(1)';
  for (let i = 0; i < 8; i++) {
    await stepForward(page);
    expect((await layer.getAttribute('transform')) ?? identity).toBe(identity);
  }

  // 8 inputs and 6 hidden layers of 16: too small to read whole, so it opens at scale ≥ 1 on
  // screen, and the view pans along with the pass.
  await wideNetwork(page, 6);
  const scale = async () => {
    const transform = (await layer.getAttribute('transform')) ?? identity;
    return Number(/scale\(([\d.]+)\)/.exec(transform)?.[1]);
  };
  const onScreen = async () => {
    const box = await page.locator('svg[data-export="diagram"]').boundingBox();
    const viewBox = await page.locator('svg[data-export="diagram"]').getAttribute('viewBox');
    const [, , w, h] = (viewBox ?? '0 0 1 1').split(' ').map(Number);
    return box
      ? (await scale()) * Math.min(box.width / (w as number), box.height / (h as number))
      : 0;
  };
  await expect.poll(onScreen).toBeGreaterThanOrEqual(0.99);
  const translateX = async () =>
    Number(/translate\(([-\d.e]+),/.exec((await layer.getAttribute('transform')) ?? '')?.[1]);
  const before = await translateX();
  await page.getByRole('heading', { name: 'Backstep' }).click();
  for (let i = 0; i < 6; i++) await page.keyboard.press('ArrowRight');
  await expect.poll(translateX).toBeLessThan(before - 100);
  await page.getByRole('button', { name: 'Fit' }).click();
  await expect(layer).toHaveAttribute('transform', identity);
});

test('on a network larger than the view, units out of view catch up with an edit, number for number', async ({
  page,
}) => {
  await openLargeNetwork(page);

  const svg = page.locator('svg[data-export="diagram"]');
  const far = svg.getByTestId('unit-3-15'); // the bottom unit of the last hidden layer
  const frame = await svg.boundingBox();
  const unitBox = await far.boundingBox();
  expect(unitBox && frame && unitBox.y > frame.y + frame.height).toBe(true); // below the view
  const delta = svg.getByTestId('value-delta-3-15');
  await expect(delta).toHaveText(/\d/); // out of view, it is drawn a moment after the step
  const before = await delta.textContent();
  const label = await far.getAttribute('aria-label');

  // A weight into the output: every δ below it changes.
  await svg.getByTestId('edge-4-15-0').dispatchEvent('click');
  const weight = page.locator('.inspector input[aria-label^="Weight"]');
  await weight.fill('2.5');
  await weight.press('Enter');
  await expect(delta).not.toHaveText(before ?? '');
  await expect(far).not.toHaveAttribute('aria-label', label ?? '');
  const after = await delta.textContent();
  const afterLabel = await far.getAttribute('aria-label');

  // The same state drawn from scratch shows the same numbers.
  await expect.poll(async () => JSON.stringify(await savedOpenWork(page))).toContain('2.5');
  await page.reload();
  await expect(delta).toHaveText(after ?? '');
  await expect(far).toHaveAttribute('aria-label', afterLabel ?? '');
});

test('while a weight is dragged, units on screen show each edit in its own frame; units scrolled out of the window wait', async ({
  page,
}) => {
  await openLargeNetwork(page);
  const svg = page.locator('svg[data-export="diagram"]');
  await svg.getByTestId('edge-4-15-0').dispatchEvent('click'); // into the output: every δ moves
  const handle = page.locator('.inspector .scrub');
  // The page scrolls down until only the SVG's lower part is in the window.
  await page.evaluate(() => {
    const svgTop = document
      .querySelector('svg[data-export="diagram"]')!
      .getBoundingClientRect().top;
    window.scrollBy(0, svgTop + 400);
  });
  await expect(handle).toBeInViewport();
  await page.waitForTimeout(300); // the browser reports what is on screen

  // A δ drawn in the window, and one in the SVG's view but scrolled above the window.
  const picked = await page.evaluate(() => {
    const svgBox = document.querySelector('svg[data-export="diagram"]')!.getBoundingClientRect();
    const deltas = Array.from(document.querySelectorAll('[data-testid^="value-delta-"]'));
    const inSvg = (r: DOMRect) => r.left >= svgBox.left && r.right <= svgBox.right;
    const box = (e: Element) => e.getBoundingClientRect();
    const seen = deltas.find(
      (e) => inSvg(box(e)) && box(e).top > 0 && box(e).bottom < svgBox.bottom,
    );
    const above = deltas.find(
      (e) => inSvg(box(e)) && box(e).top >= svgBox.top && box(e).bottom < -200,
    );
    return { seen: seen?.getAttribute('data-testid'), above: above?.getAttribute('data-testid') };
  });
  expect(picked.seen, 'a δ in the window').toBeTruthy();
  expect(picked.above, 'a δ scrolled above the window').toBeTruthy();

  // For each pointer move: both δs as the move arrives, and as its frame starts (rAF).
  await page.evaluate(
    ({ seen, above }) => {
      const text = (id: string) => document.querySelector(`[data-testid="${id}"]`)?.textContent;
      const w = window as unknown as { __moves: string[][] };
      w.__moves = [];
      window.addEventListener(
        'pointermove',
        (event) => {
          if (event.buttons === 0) return; // not dragging
          const at = [text(seen), text(above)] as string[];
          requestAnimationFrame(() => w.__moves.push([...at, text(seen)!, text(above)!]));
        },
        { capture: true },
      );
    },
    picked as { seen: string; above: string },
  );
  const box = await handle.boundingBox();
  if (!box) throw new Error('no drag handle');
  const y = box.y + box.height / 2;
  await page.mouse.move(box.x + box.width / 2, y);
  await page.mouse.down();
  for (let k = 1; k <= 8; k++) {
    await page.mouse.move(box.x + box.width / 2 + 12 * k, y);
    await page.waitForTimeout(150);
  }
  await page.mouse.up();
  const moves = await page.evaluate(() => (window as unknown as { __moves: string[][] }).__moves);
  expect(moves.length).toBe(8);
  // In the window, every move's δ is drawn by the frame that follows it.
  expect(moves.filter(([seenBefore, , seenThen]) => seenThen !== seenBefore).length).toBe(
    moves.length,
  );
  // Above the window, it is drawn after that frame, when the page is free.
  expect(moves.filter(([, aboveBefore, , aboveThen]) => aboveThen !== aboveBefore)).toEqual([]);
  const last = await page.locator(`[data-testid="${picked.above}"]`).textContent();
  expect(last).not.toBe(moves[0]?.[1]);
});
