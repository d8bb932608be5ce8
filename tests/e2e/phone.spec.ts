import { expect, test, type Page } from '@playwright/test';
import { chooseExample, diagramOf, openFresh } from './helpers';

/** Any screen: a phone held upright (390×844, touch), and a small laptop (1280×720). */

const PHONE = { width: 390, height: 844 };

/**
 * Every control the learner can touch that is smaller than 24 px either way (WCAG 2.5.8; a
 * checkbox, radio or file input counts with its label, whose padding is part of its hit area), or that sticks
 * out of the page's width so part of it cannot be reached. Described for the failure message.
 */
async function badControls(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    const controls = Array.from(
      document.querySelectorAll<HTMLElement>('button, select, input, textarea, summary, a[href]'),
    );
    const bad: string[] = [];
    for (const control of controls) {
      if (control.closest('.visually-hidden, dialog:not([open])')) continue;
      if (control.classList.contains('visually-hidden')) continue;
      const style = getComputedStyle(control);
      if (style.display === 'none' || style.visibility === 'hidden') continue;
      let box = control.getBoundingClientRect();
      if (box.width === 0 && box.height === 0) continue;
      const label = control.closest('label');
      if (
        control instanceof HTMLInputElement &&
        ['checkbox', 'radio', 'file'].includes(control.type) &&
        label
      )
        box = label.getBoundingClientRect();
      const name =
        control.getAttribute('aria-label') ??
        (control.textContent?.trim() || control.closest('label')?.textContent?.trim() || '');
      const what = `${control.tagName.toLowerCase()} "${name.slice(0, 40)}"`;
      if (box.width < 24 || box.height < 24)
        bad.push(`${what} is ${box.width.toFixed(0)}×${box.height.toFixed(0)} px`);
      if (box.left < -0.5 || box.right > width + 0.5)
        bad.push(`${what} spans x ${box.left.toFixed(0)}–${box.right.toFixed(0)} of ${width}`);
    }
    return bad;
  });
}

const sideways = (page: Page) =>
  page.evaluate(() => document.scrollingElement?.scrollWidth ?? Infinity);

test.describe('on a phone (390×844, touch)', () => {
  test.use({ viewport: PHONE, hasTouch: true, isMobile: true });

  test('the stepper never scrolls sideways; every control is reachable and at least 24 px', async ({
    page,
  }) => {
    const errors = await openFresh(page);
    await page.getByRole('button', { name: 'Step forward' }).tap();
    expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
    expect(await badControls(page)).toEqual([]);
    // The equations stack below the diagram.
    const diagram = await diagramOf(page).boundingBox();
    const equations = await page.getByRole('region', { name: 'Equations' }).boundingBox();
    expect(diagram && equations && equations.y >= diagram.y + diagram.height).toBe(true);
    // The header's choices fit, note 002's long notation name and chain example included.
    await chooseExample(page, 'One neuron per layer: the 1-1-1-1 chain (note 002)');
    for (const name of ['Example', 'Notation']) {
      const box = await page.getByRole('combobox', { name }).boundingBox();
      expect(box && box.x >= 0 && box.x + box.width <= PHONE.width, name).toBe(true);
    }
    expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
    // The teacher's options, opened, fit too.
    await page.getByText('For class: hide parts of the app').tap();
    expect(await badControls(page)).toEqual([]);
    expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });

  test('the loss in force wraps between its terms, never inside a bracket', async ({ page }) => {
    const errors = await openFresh(page);
    const formula = page.locator('.loss-convention .katex-html');
    for (const loss of ['mse', 'crossEntropy']) {
      await page.getByRole('combobox', { name: 'Loss', exact: true }).selectOption(loss);
      await expect(formula).toBeVisible();
      // Each ( and its ) on one line: the same top, as they are the same size.
      const split = await formula.evaluate((root) => {
        const open: Element[] = [];
        const apart: string[] = [];
        for (const span of Array.from(root.querySelectorAll('.mopen, .mclose'))) {
          if (span.classList.contains('mopen')) open.push(span);
          else {
            const start = open.pop();
            if (!start) continue;
            const a = start.getBoundingClientRect();
            const b = span.getBoundingClientRect();
            if (Math.abs(a.top - b.top) > 3) apart.push(`${start.textContent}…${span.textContent}`);
          }
        }
        return apart;
      });
      expect(split, loss).toEqual([]);
    }
    expect(errors).toEqual([]);
  });

  test('the Train tab never scrolls sideways; every control is reachable and at least 24 px', async ({
    page,
  }) => {
    const errors = await openFresh(page);
    await page.getByRole('tab', { name: 'Train' }).tap();
    await expect(page.getByRole('button', { name: 'One epoch' })).toBeVisible();
    expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
    await page.getByText('Your own data (CSV)').tap();
    expect(await badControls(page)).toEqual([]);
    expect(await sideways(page)).toBeLessThanOrEqual(PHONE.width);
    expect(errors).toEqual([]);
  });
});

test.describe('on a small laptop (1280×720)', () => {
  test.use({ viewport: { width: 1280, height: 720 } });

  test('both tabs hold: nothing sideways, every control whole and at least 24 px', async ({
    page,
  }) => {
    const errors = await openFresh(page);
    expect(await sideways(page)).toBeLessThanOrEqual(1280);
    expect(await badControls(page)).toEqual([]);
    await page.getByRole('tab', { name: 'Train' }).click();
    await expect(page.getByRole('button', { name: 'One epoch' })).toBeVisible();
    expect(await sideways(page)).toBeLessThanOrEqual(1280);
    expect(await badControls(page)).toEqual([]);
    expect(errors).toEqual([]);
  });
});
