import { expect, test, type Page } from '@playwright/test';
import { LIMITS } from '../../src/data/limits';
import { EXAMPLES } from '../../src/store/examples';
import { createAppStore, layerSizes } from '../../src/store';
import type { Selection } from '../../src/store/types';
import { CURRENT_VERSION } from '../../src/store/schema';
import LZString from 'lz-string';
import { chooseExample, diagramOf, openFresh } from './helpers';

/**
 * No label runs into another, at any size the app allows, at any step: the edge labels, the
 * values under each unit, the targets, the loss, the column names, as the browser draws them.
 */

test.use({ viewport: { width: 1440, height: 900 } });

/**
 * A share link to a network of these layer sizes (input to output) at step `stepIndex` (0-based)
 * of its pass, made by the app's own store: it opens right there, where building a large network
 * through the Network panel and stepping to the end would take most of a test. The link is
 * written as persist.ts's encodeShare writes it (that module's lz-string import does not load in
 * Node); a link the app could not read would open the classic example, and the test says so.
 */
function linkTo(sizes: readonly number[], stepIndex: number, selection: Selection | null): string {
  const store = createAppStore();
  const app = () => store.getState();
  while (app().network.layers.length < sizes.length - 1) app().addHiddenLayer(1);
  sizes.forEach((units, layer) => app().setUnits(layer, units));
  app().goToStep(stepIndex);
  if (selection) app().select(selection);
  expect(layerSizes(app().network)).toEqual(sizes);
  const { network, samples, sampleIndex, learningRate, trainBiases, granularity, notation } = app();
  const work = {
    ...{ network, samples, sampleIndex, learningRate, trainBiases, granularity, notation },
    ...{ stepIndex, selection, view: app().view, exampleId: null, history: [] },
  };
  const saved = { app: 'backstep', version: CURRENT_VERSION, work };
  return `./#work=${LZString.compressToEncodedURIComponent(JSON.stringify(saved))}`;
}

/**
 * Pairs of drawn things that overlap, by their boxes on screen: each edge label against every
 * other thing, and each unit's values against another unit's. The selected label, drawn on top
 * with more digits, is one of the labels.
 */
function overlaps(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const svg = document.querySelector('svg[data-export="diagram"]');
    if (!svg) throw new Error('No diagram.');
    const items: { name: string; owner: string; box: DOMRect; label: boolean }[] = [];
    const add = (selector: string, label: boolean, name: (e: Element) => string) => {
      for (const e of Array.from(svg.querySelectorAll(selector))) {
        const box = e.getBoundingClientRect();
        if (box.width === 0 || box.height === 0) continue;
        const owner = e.closest('[data-testid^="unit-"]')?.getAttribute('data-testid') ?? name(e);
        items.push({ name: name(e), owner, box, label });
      }
    };
    add('.label-column .edge-label > rect', true, (e) => {
      return `label ${e.parentElement?.getAttribute('data-parameter') ?? ''}`;
    });
    add('.focus-labels .edge-label > rect', true, (e) => {
      return `raised label ${e.parentElement?.getAttribute('data-parameter') ?? ''}`;
    });
    add(
      '.unit-values',
      false,
      (e) => `values ${e.closest('[data-testid]')?.getAttribute('data-testid')}`,
    );
    add('.unit-circle, .bias-node rect, .target, .loss text, .column-names text', false, (e) => {
      return `${e.getAttribute('class') ?? e.tagName} ${e.closest('[data-testid]')?.getAttribute('data-testid') ?? ''}`;
    });
    const found: string[] = [];
    for (let i = 0; i < items.length; i++) {
      const a = items[i] as (typeof items)[number];
      for (let j = i + 1; j < items.length; j++) {
        const b = items[j] as (typeof items)[number];
        // A unit's own lines and circle stack by design; so do the loss and its note.
        if (!a.label && !b.label && a.owner === b.owner) continue;
        if (!a.label && !b.label && !a.name.startsWith('values') && !b.name.startsWith('values'))
          continue;
        const w = Math.min(a.box.right, b.box.right) - Math.max(a.box.left, b.box.left);
        const h = Math.min(a.box.bottom, b.box.bottom) - Math.max(a.box.top, b.box.top);
        if (w > 0.5 && h > 0.5) found.push(`${a.name} × ${b.name}`);
      }
    }
    return found;
  });
}

/** Steps of a pass by layer: the start, L forward, the loss, L δ, L gradients, the update. */
const stepsOf = (sizes: readonly number[]) => 3 * (sizes.length - 1) + 3;

/** Checks steps first…last (1-based) of the pass, stepping forward from the first. */
async function expectNoOverlapAtSteps(page: Page, first: number, last: number): Promise<void> {
  const counter = page.getByText(/^step \d+ of \d+ · pass \d+$/);
  for (let step = first; step <= last; step++) {
    if (step > first) await page.keyboard.press('ArrowRight');
    await expect(counter).toHaveText(new RegExp(`^step ${step} of `));
    const phase = await page.getByTestId('phase').textContent();
    expect(await overlaps(page), `at step ${step}, ${phase}`).toEqual([]);
  }
}

const hiddenLayers = (units: number) => Array.from({ length: LIMITS.maxHiddenLayers }, () => units);

/** Runs of consecutive steps (first, last; 1-based) covering a whole pass, `parts` of them. */
function runs(sizes: readonly number[], parts: number): [number, number][] {
  const steps = stepsOf(sizes);
  return Array.from({ length: parts }, (_, part) => [
    Math.floor((part * steps) / parts) + 1,
    Math.floor(((part + 1) * steps) / parts),
  ]);
}

const LARGEST = [LIMITS.maxInputs, ...hiddenLayers(LIMITS.maxUnits), LIMITS.maxOutputs];
const LARGEST_L = LARGEST.length - 1;

/**
 * Each test a run of a few steps, so that it fits its time on a loaded machine. The largest
 * network allowed takes seconds to open and to step there, so it is checked at the steps where
 * the most is shown, each opened directly: the start, the output δ (every forward value), the
 * last gradients (every δ), the update. Its edges are labelled one at a time (hover or select);
 * one is selected.
 */
const CASES: { sizes: readonly number[]; runs: [number, number][]; selection?: Selection }[] = [
  { sizes: [3, 4, 4, 2], runs: runs([3, 4, 4, 2], 2) },
  // The largest network that labels every edge: every layer of 4, as many as allowed.
  { sizes: [4, ...hiddenLayers(4), 4], runs: runs([4, ...hiddenLayers(4), 4], 5) },
  {
    sizes: LARGEST,
    runs: [1, LARGEST_L + 3, 3 * LARGEST_L + 2]
      .map((step): [number, number] => [step, step])
      .concat([[stepsOf(LARGEST), stepsOf(LARGEST)]]),
    selection: { kind: 'weight', layer: 4, from: 3, to: 5 },
  },
];

/** A weight of the first layer, one in the middle and one of the last, as a selection. */
function weightsToSelect(sizes: readonly number[]): Selection[] {
  const L = sizes.length - 1;
  const middle = Math.ceil(L / 2);
  const n = (l: number) => sizes[l] as number;
  return [
    { kind: 'weight', layer: 1, from: 0, to: 0 },
    {
      kind: 'weight',
      layer: middle,
      from: Math.floor(n(middle - 1) / 2),
      to: Math.floor(n(middle) / 2),
    },
    { kind: 'weight', layer: L, from: n(L - 1) - 1, to: n(L) - 1 },
  ];
}

const keyOf = (s: Selection) =>
  s.kind === 'weight' ? `edge-${s.layer}-${s.from}-${s.to}` : JSON.stringify(s);

/**
 * The selected weight's label shows at least eight digits, wider than its room on the edge: it
 * moves where it covers no other label, unit or value (off its edge, with a leader line, if need
 * be), at every step, with a weight of the first, a middle and the last layer selected.
 */
const SELECTED_CASES: { sizes: readonly number[]; runs: [number, number][] }[] = [
  { sizes: [3, 4, 4, 2], runs: runs([3, 4, 4, 2], 1) },
  { sizes: [4, 4, 4, 4], runs: runs([4, 4, 4, 4], 1) },
  { sizes: [4, ...hiddenLayers(4), 4], runs: runs([4, ...hiddenLayers(4), 4], 3) },
];
for (const { sizes, runs: checked } of SELECTED_CASES) {
  for (const selection of weightsToSelect(sizes)) {
    for (const [first, last] of checked) {
      test(`with ${keyOf(selection)} of a ${sizes.join('-')} network selected, no label overlaps another, steps ${first}–${last}`, async ({
        page,
      }) => {
        const errors = await openFresh(page, linkTo(sizes, first - 1, selection));
        await expect(diagramOf(page).getByTestId(keyOf(selection))).toHaveAttribute(
          'aria-pressed',
          'true',
        );
        await expect(page.locator('.focus-labels .edge-label')).toHaveCount(1);
        await page.getByRole('heading', { name: 'Backstep' }).click();
        await expectNoOverlapAtSteps(page, first, last);
        expect(errors).toEqual([]);
      });
    }
  }
}

/** A unit of the first layer, one in the middle and one of the output layer, as a selection. */
function unitsToSelect(sizes: readonly number[]): Selection[] {
  const L = sizes.length - 1;
  const middle = Math.ceil(L / 2);
  return [
    { kind: 'unit', layer: 1, unit: 0 },
    { kind: 'unit', layer: middle, unit: Math.floor((sizes[middle] as number) / 2) },
    { kind: 'unit', layer: L, unit: (sizes[L] as number) - 1 },
  ];
}

/**
 * A selected unit's values show at least eight digits, wider than the others: they cover no label,
 * no other unit's values and no unit, at every step, with a unit of the first, a middle and the
 * output layer selected.
 */
for (const { sizes, runs: checked } of SELECTED_CASES) {
  for (const selection of unitsToSelect(sizes)) {
    const key = selection.kind === 'unit' ? `unit-${selection.layer}-${selection.unit}` : '';
    for (const [first, last] of checked) {
      test(`with ${key} of a ${sizes.join('-')} network selected, no label overlaps another, steps ${first}–${last}`, async ({
        page,
      }) => {
        const errors = await openFresh(page, linkTo(sizes, first - 1, selection));
        const unit = diagramOf(page).getByTestId(key);
        await expect(unit).toHaveAttribute('aria-pressed', 'true');
        await page.getByRole('heading', { name: 'Backstep' }).click();
        await expectNoOverlapAtSteps(page, first, last);
        // By its last step, the unit shows a value, with the selection's eight digits.
        await expect(
          unit.locator('.unit-values', { hasText: /\d\.?\d{6,}/ }).first(),
        ).toBeVisible();
        expect(errors).toEqual([]);
      });
    }
  }
}

for (const example of EXAMPLES) {
  const sizes = layerSizes(example.network);
  for (const selection of weightsToSelect(sizes)) {
    test(`with ${keyOf(selection)} of "${example.title}" selected, no label overlaps another at any step`, async ({
      page,
    }) => {
      test.setTimeout(60_000); // a dozen steps, each checked: about 20 s on a loaded machine
      await openFresh(page);
      await chooseExample(page, example.title);
      // Selected from the keyboard, as a learner could: its line is a button.
      const edge = diagramOf(page).getByTestId(keyOf(selection));
      await edge.focus();
      await page.keyboard.press('Enter');
      await expect(edge).toHaveAttribute('aria-pressed', 'true');
      const steps = stepsOf(sizes);
      const counter = page.getByText(/^step \d+ of \d+ · pass \d+$/);
      for (let step = 1; step <= steps; step++) {
        if (step > 1) await page.getByRole('button', { name: 'Step forward' }).click();
        await expect(counter).toHaveText(new RegExp(`^step ${step} of ${steps} `));
        await expect(page.locator('.focus-labels .edge-label')).toHaveCount(1);
        const phase = await page.getByTestId('phase').textContent();
        expect(await overlaps(page), `step ${step}, ${phase}`).toEqual([]);
      }
    });
  }
}

for (const { sizes, runs: checked, selection } of CASES) {
  for (const [first, last] of checked) {
    const which = first === last ? `step ${first}` : `steps ${first}–${last}`;
    test(`no label of a ${sizes.join('-')} network overlaps another, ${which}`, async ({
      page,
    }) => {
      const errors = await openFresh(page, linkTo(sizes, first - 1, selection ?? null));
      const lastUnit = `unit-${sizes.length - 1}-${(sizes[sizes.length - 1] as number) - 1}`;
      await expect(diagramOf(page).getByTestId(lastUnit)).toBeAttached();
      await page.getByRole('heading', { name: 'Backstep' }).click(); // the step keys need the page
      await expectNoOverlapAtSteps(page, first, last);
      expect(errors).toEqual([]);
    });
  }
}

test('no label of an example overlaps another at its last gradient step, 8 digits', async ({
  page,
}) => {
  await openFresh(page);
  await page.getByRole('combobox', { name: 'Digits' }).selectOption('8');
  for (const example of EXAMPLES) {
    await chooseExample(page, example.title);
    await page.getByRole('heading', { name: 'Backstep' }).click();
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Step back' }).click();
    expect(await overlaps(page), example.title).toEqual([]);
  }
});
