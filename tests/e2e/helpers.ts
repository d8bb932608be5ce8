import AxeBuilder from '@axe-core/playwright';
import { expect, type Locator, type Page } from '@playwright/test';

/** Shared steps for the end-to-end tests: what a learner does, by roles and labels. */

/** Console errors and uncaught exceptions from now on, for `expect(errors).toEqual([])`. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  return errors;
}

/**
 * Open the app (or a share link, `url`) with nothing saved, and collect console errors and
 * uncaught exceptions so a test can end with `expect(errors).toEqual([])`.
 */
export async function openFresh(page: Page, url = './'): Promise<string[]> {
  const errors = collectErrors(page);
  // Each test has a browser context of its own, whose storage starts empty: the first load is
  // already a fresh start (clearing the storage and loading again cost a second load per test).
  await page.goto(url);
  // The first start opens the works database and, for a link, stores the work it carries before
  // the app shows: on a loaded two-core machine with the largest network that can pass 5 s.
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible({ timeout: 15_000 });
  return errors;
}

/** The datasets in the box, as the Dataset menu names them. */
export const IRIS = "Fisher's Iris (150 × 4, 3 classes)";
export const WINE = 'UCI Wine (178 × 13, 3 classes)';
export const DIGITS = 'Handwritten digits 8×8 (1,797 × 64, 10 classes)';

/**
 * Open the app on the Train tab (console errors collected, as openFresh does), and choose
 * `dataset` (the Dataset menu's label) when given.
 */
export async function openTraining(page: Page, dataset?: string): Promise<string[]> {
  const errors = collectErrors(page);
  await page.goto('./');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  if (dataset) await chooseDataset(page, dataset);
  return errors;
}

/**
 * Choose a dataset from the Train tab's Dataset menu by its label, and wait until it is the one
 * in use (a dataset in the box is loaded and read first).
 */
export async function chooseDataset(page: Page, label: string): Promise<void> {
  const menu = page.getByRole('combobox', { name: 'Dataset' });
  await menu.selectOption({ label });
  await expect(menu.locator('option:checked')).toHaveText(label);
}

/** Train one epoch at a time, `count` times, each seen done ("Epoch" counts up from `from`). */
export async function oneEpochs(page: Page, count: number, from = 0): Promise<void> {
  for (let epoch = from + 1; epoch <= from + count; epoch++) {
    await page.getByRole('button', { name: 'One epoch' }).click();
    await expect(page.getByTestId('train-epoch')).toHaveText(String(epoch));
  }
}

/** Draw a 7 on the Train tab's pad (the bar, then the stem, in one stroke) with the mouse. */
export async function drawASeven(page: Page): Promise<void> {
  const pad = page.getByRole('img', { name: 'Draw a digit' });
  await pad.scrollIntoViewIfNeeded();
  const box = await pad.boundingBox();
  if (!box) throw new Error('the pad is not on the page');
  const at = (x: number, y: number) => [box.x + x * box.width, box.y + y * box.height] as const;
  await page.mouse.move(...at(0.25, 0.2));
  await page.mouse.down();
  await page.mouse.move(...at(0.75, 0.2), { steps: 10 });
  await page.mouse.move(...at(0.45, 0.85), { steps: 10 });
  await page.mouse.up();
}

/** "What you drew": 7, then "Step through this drawing"; the stepper opens on it. */
export async function stepThroughTheSeven(page: Page): Promise<void> {
  await page.getByRole('combobox', { name: 'What you drew' }).selectOption('7');
  await page.getByRole('button', { name: 'Step through this drawing' }).click();
  await expect(page.getByRole('tab', { name: 'Step through a pass' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
}

export const diagramOf = (page: Page): Locator =>
  page.getByRole('group', { name: 'Network diagram' });

/** Pick a worked example from the "Example" combobox by its title. */
export async function chooseExample(page: Page, title: string): Promise<void> {
  await page.getByRole('combobox', { name: 'Example' }).selectOption({ label: title });
}

/** Choose "Digits": the significant digits of every number on screen, equations included. */
export async function chooseDigits(page: Page, digits: number): Promise<void> {
  const select = page.getByRole('combobox', { name: 'Digits' });
  await select.selectOption(String(digits));
  await expect(select).toHaveValue(String(digits));
}

export async function stepForward(page: Page, times = 1): Promise<void> {
  const button = page.getByRole('button', { name: 'Step forward' });
  for (let i = 0; i < times; i++) await button.click();
}

export async function stepBack(page: Page, times = 1): Promise<void> {
  const button = page.getByRole('button', { name: 'Step back' });
  for (let i = 0; i < times; i++) await button.click();
}

/** The phase indicator: its title ("Loss") and the counter ("step 4 of 9 · pass 1"). */
export async function expectPhase(page: Page, title: string, counter: string): Promise<void> {
  const phase = page.getByRole('group', { name: 'Step through the pass' });
  await expect(phase.getByTestId('phase')).toHaveText(title);
  await expect(phase.getByText(/^step \d+ of \d+ · pass \d+$/)).toHaveText(counter);
}

/** Type into a labelled number field and press Enter, as a learner would. */
export async function typeInto(page: Page, label: string, text: string): Promise<Locator> {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(text);
  await field.press('Enter');
  return field;
}

/**
 * An axe scan of the whole page with every rule, made cheap enough for a two-core machine. The
 * page is one frame (the CSP's default-src 'self' lets no other origin's frame in, and this checks
 * it), so axe.run in the page sees all of it: legacy mode leaves out only what the default does
 * for cross-origin frames, which was most of a scan's cost (axe.runPartial serializing every node
 * of every rule, then a blank page opened to merge the results). Only violations are read, so only
 * they are reported node by node; passes and incomplete results keep one node each (axe's
 * resultTypes), which spares a selector for every node that passed. Every rule still runs on every
 * node, and the violations found are the same.
 */
export async function axeScan(page: Page) {
  const origin = new URL(page.url()).origin;
  for (const frame of page.frames()) {
    const url = frame.url();
    if (url !== 'about:blank' && !url.startsWith('about:srcdoc')) {
      expect(new URL(url).origin, `a frame from another origin: ${url}`).toBe(origin);
    }
  }
  return new AxeBuilder({ page })
    .setLegacyMode()
    .options({ resultTypes: ['violations'] })
    .analyze();
}
