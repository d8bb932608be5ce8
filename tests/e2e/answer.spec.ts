import { expect, test, type Page } from '@playwright/test';
import { chooseExample, diagramOf, expectPhase, openFresh, stepForward, typeInto } from './helpers';

/**
 * Issue 12, "the answer is where the eye is": clicking an edge puts its chain rule, the
 * ΔL-against-∂L/∂w·Δw panel and its input in view without scrolling the page; long equations wrap
 * at operators and never overflow their box.
 */

const CLASSIC = 'Classic 2-2-2 sigmoid network (½ squared error)';

async function selectEdge(page: Page, name: RegExp) {
  const target = diagramOf(page).getByRole('button', { name });
  await target.click({ force: true });
  await expect(target).toHaveAttribute('aria-pressed', 'true');
}

for (const size of [
  { width: 1440, height: 900 },
  { width: 1280, height: 720 },
]) {
  test(`at ${size.width}×${size.height} a clicked weight's input, ΔL panel and chain rule (the sum over its paths) are in view, the page unscrolled`, async ({
    page,
  }) => {
    await page.setViewportSize(size);
    const errors = await openFresh(page);
    await chooseExample(page, CLASSIC);
    await stepForward(page, 7);
    await expectPhase(page, 'Gradients — layer 1', 'step 8 of 9 · pass 1');

    // Scroll the equations panel down first: a new selection brings its section back.
    await page
      .getByRole('region', { name: 'Equations' })
      .evaluate((panel) => panel.scrollTo({ top: panel.scrollHeight }));
    await selectEdge(page, /^Weight w₁₁⁽¹⁾ = /);
    const section = page.getByRole('region', { name: 'Selected: w₁₁⁽¹⁾' });
    const field = section.getByRole('textbox', { name: 'Weight w₁₁⁽¹⁾', exact: true });
    const chain = section.getByTestId('chain-rule').getByRole('listitem');
    await expect(field).toBeInViewport({ ratio: 1 });
    await expect(section.getByTestId('selected-gradient')).toBeInViewport({ ratio: 1 });
    await expect(chain.first()).toBeInViewport({ ratio: 1 });
    await expect(chain.first()).toContainText('Chain rule for w₁₁⁽¹⁾');

    // The ΔL-against-prediction panel appears beside the input, still in view.
    await typeInto(page, 'Weight w₁₁⁽¹⁾', '0.2');
    await expect(section.getByTestId('loss-change')).toBeInViewport({ ratio: 1 });
    await expect(section.getByTestId('loss-prediction')).toBeInViewport({ ratio: 1 });
    await expect(field).toBeInViewport({ ratio: 1 });
    await expect(chain.first()).toBeInViewport();

    // Two outputs: two paths from w₁₁⁽¹⁾ to L, summed, with the numbers.
    const paths = chain.filter({ hasText: 'Every path from L to w₁₁⁽¹⁾' });
    await expect(paths).toContainText('its 2 paths');
    await expect(paths.locator('annotation').nth(1)).toContainText('+');
    expect(await page.evaluate(() => window.scrollY)).toBe(0);
    expect(errors).toEqual([]);
  });
}

/**
 * Every typeset equation under `scope` whose box overflows (scrollWidth > clientWidth), or whose
 * wrapped lines include one holding only an operator (a lone "="), or one that ends on an
 * operator (a dangling "·": a line breaks before its operator, which starts the next line), or
 * with `bracketsWhole`, one that ends inside a bracketed run (a line's ( and [ do not balance);
 * null until all are typeset.
 */
function badEquations(page: Page, scope = '.equations-panel', bracketsWhole = false) {
  return page.evaluate(
    ([scope, bracketsWhole]) => {
      const boxes = Array.from(document.querySelectorAll(`${scope} .tex-display`));
      if (boxes.length === 0 || boxes.some((box) => !box.querySelector('.katex-html'))) {
        return null;
      }
      const balanced = (line: string) => {
        let depth = 0;
        for (const c of line) {
          if (c === '(' || c === '[') depth++;
          if (c === ')' || c === ']') depth--;
          if (depth < 0) return false;
        }
        return depth === 0;
      };
      const bad: string[] = [];
      for (const box of boxes) {
        const tex = box.querySelector('annotation')?.textContent ?? '';
        if (box.scrollWidth > box.clientWidth) {
          bad.push(`overflows ${box.scrollWidth} > ${box.clientWidth}: ${tex}`);
        }
        const lines: string[] = [];
        let left = Infinity;
        for (const base of Array.from(
          box.querySelectorAll('.katex-html > .base, .katex-html > .katex-base'),
        )) {
          const x = base.getBoundingClientRect().left;
          if (x <= left) lines.push('');
          left = x;
          lines[lines.length - 1] += base.textContent ?? '';
        }
        if (lines.some((line) => /^[=+−·⋅]$/.test(line.trim()))) bad.push(`lone operator: ${tex}`);
        if (lines.slice(0, -1).some((line) => /[=+−·⋅]$/.test(line.trim()))) {
          bad.push(`a line ends on an operator (${lines.join(' ⏎ ')}): ${tex}`);
        }
        if (bracketsWhole && lines.length > 1 && !lines.every(balanced)) {
          bad.push(`wraps inside brackets (${lines.join(' ⏎ ')}): ${tex}`);
        }
      }
      return bad;
    },
    [scope, bracketsWhole] as const,
  );
}

const EXAMPLES = [
  CLASSIC,
  'One neuron per layer: the 1-1-1-1 chain (note 002)',
  'Row vectors and k: the 3-input example (note 004)',
  'XOR with a 2-2-1 network (mini-batch of 4)',
  'Softmax classifier with cross-entropy (2-3-3)',
];

for (const size of [
  { width: 1440, height: 900 },
  { width: 390, height: 844 },
]) {
  for (const example of EXAMPLES) {
    test(`at ${size.width}×${size.height} every equation of "${example}", the matrix form and a selected weight's chain rules included, fits its box at every step, wrapping at operators`, async ({
      page,
    }) => {
      test.setTimeout(60_000); // every equation measured at each of up to 14 steps
      await page.setViewportSize(size);
      await openFresh(page);
      await chooseExample(page, example);
      await page.getByRole('checkbox', { name: 'Matrix form' }).check();
      // The first layer's first weight: the longest chain rule, with every path to the loss.
      const weight = diagramOf(page)
        .getByRole('button', { name: /^Weight / })
        .first();
      await weight.click({ force: true });
      await expect(weight).toHaveAttribute('aria-pressed', 'true');
      const counter = page.getByText(/^step \d+ of \d+ · pass \d+$/);
      const steps = Number(/of (\d+)/.exec((await counter.textContent()) ?? '')?.[1]);
      for (let step = 1; step <= steps; step++) {
        await expect(counter).toHaveText(`step ${step} of ${steps} · pass 1`);
        await expect(page.getByTestId('matrix-equations').getByRole('listitem')).not.toHaveCount(0);
        await expect(page.getByTestId('chain-rule').getByRole('listitem')).not.toHaveCount(0);
        await expect.poll(() => badEquations(page), { message: `step ${step}` }).toEqual([]);
        if (step < steps) await stepForward(page);
      }
    });
  }
}

test('at 390×844 the loss of every example wraps only at its top-level operators, never inside brackets, and fits its box', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openFresh(page);
  for (const example of EXAMPLES) {
    await chooseExample(page, example);
    // Each example opens at the start of its pass.
    const phase = page.getByRole('group', { name: 'Step through the pass' }).getByTestId('phase');
    while ((await phase.textContent()) !== 'Loss') await stepForward(page);
    const loss = page.getByTestId('step-equations').getByRole('listitem').first();
    await expect(loss.locator('.equation-title')).toContainText(/^Loss/);
    await expect
      .poll(() => badEquations(page, '[data-testid="step-equations"]', true), {
        message: example,
      })
      .toEqual([]);
  }
});

/** How many lines each typeset equation under the equations panel takes, in order. */
function lineCounts(page: Page): Promise<number[]> {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.equations-panel .tex-display')).map((box) => {
      let lines = 0;
      let left = Infinity;
      for (const base of Array.from(
        box.querySelectorAll('.katex-html > .base, .katex-html > .katex-base'),
      )) {
        const x = base.getBoundingClientRect().left;
        if (x <= left) lines++;
        left = x;
      }
      return lines;
    }),
  );
}

test('a window resized from 1440 to 390 wide and back wraps every equation again to fit its box', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  const errors = await openFresh(page);
  await chooseExample(page, 'XOR with a 2-2-1 network (mini-batch of 4)');
  await page.getByRole('checkbox', { name: 'Matrix form' }).check();
  const weight = diagramOf(page)
    .getByRole('button', { name: /^Weight / })
    .first();
  await weight.click({ force: true });
  await expect(weight).toHaveAttribute('aria-pressed', 'true');
  // Step 7, the loss gradient: ¼( … ) of four samples, wider than a phone's line by itself.
  await stepForward(page, 6);
  await expect(page.getByText(/^step \d+ of \d+ · pass \d+$/)).toHaveText(/^step 7 of /);
  await expect.poll(() => badEquations(page)).toEqual([]);
  const wide = await lineCounts(page);

  await page.setViewportSize({ width: 390, height: 844 });
  await expect.poll(() => badEquations(page), { message: 'at 390 wide' }).toEqual([]);
  // Some equation took more lines to fit: it was laid out again, not only squeezed.
  const narrow = await lineCounts(page);
  expect(narrow.some((lines, k) => lines > (wide[k] ?? 0))).toBe(true);

  // Back: the first layout again, line for line, with nothing left of the narrow one.
  await page.setViewportSize({ width: 1440, height: 900 });
  await expect.poll(() => badEquations(page), { message: 'back at 1440 wide' }).toEqual([]);
  await expect.poll(() => lineCounts(page)).toEqual(wide);
  expect(errors).toEqual([]);
});
