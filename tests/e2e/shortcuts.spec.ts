import { expect, test } from '@playwright/test';
import { axeScan, expectPhase, openFresh } from './helpers';

/** Keyboard shortcuts are listed in the app, not only in tooltips. */

test('"Keyboard shortcuts" lists every shortcut, and each listed step key works', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  await expect(dialog).toBeVisible();
  const rows = dialog.locator('dl > div');
  const listed = (await rows.allInnerTexts()).map((text) => text.replace(/\s+/g, ' ').trim());
  const expected: [string, string][] = [
    ['→', 'Step forward'],
    ['←', 'Step back'],
    ['Home', 'Reset pass'],
    ['End', 'Go to the last step of the pass'],
    ['Space', 'Play or pause'],
    ['Ctrl+Z', 'Undo'],
    ['Ctrl+Shift+Z, Ctrl+Y', 'Redo'],
    ['Tab, then Enter', 'select it'],
    ['Ctrl + wheel', 'Zoom the diagram'],
    ['↑ ↓', 'nudge the value'],
    ['← →', 'On the tabs'],
    ['?', 'keyboard shortcuts'],
  ];
  for (const [keys, does] of expected) {
    expect(
      listed.some((row) => row.startsWith(keys) && row.includes(does)),
      `${keys}: ${does} in ${listed.join(' | ')}`,
    ).toBe(true);
  }
  // Every key a control's tooltip names is in the list (one list gives both).
  const titles = await page
    .locator('button[aria-keyshortcuts][title]')
    .evaluateAll((buttons) => buttons.map((b) => b.getAttribute('title') ?? ''));
  const tooltipKeys = titles.map((t) => /\(([^()]+)\)$/.exec(t)?.[1]).filter(Boolean);
  expect(tooltipKeys.length).toBeGreaterThanOrEqual(5);
  for (const keys of tooltipKeys) {
    expect(
      listed.some((row) => row.startsWith(keys as string)),
      keys,
    ).toBe(true);
  }
  // Esc closes it and gives the focus back to the button.
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('button', { name: 'Keyboard shortcuts' })).toBeFocused();

  // The keys do what the list says.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  await expectPhase(page, 'Forward pass — layer 2 of 2', 'step 3 of 9 · pass 1');
  await page.keyboard.press('End');
  await expect(page.getByText(/^step 9 of 9 · pass 1$/)).toBeVisible();
  await page.keyboard.press('Home');
  await expectPhase(page, 'Start of pass', 'step 1 of 9 · pass 1');
  expect(errors).toEqual([]);
});

test('"?" opens the list in either tab, but not while typing', async ({ page }) => {
  await openFresh(page);
  const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
  const rate = page.getByRole('textbox', { name: /^Learning rate/ });
  await rate.focus();
  await page.keyboard.type('?');
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Step back' }).focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await dialog.getByRole('button', { name: 'Close' }).click();
  await expect(dialog).toBeHidden();

  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('button', { name: 'One epoch' })).toBeVisible();
  await page.getByRole('button', { name: 'One epoch' }).focus();
  await page.keyboard.press('?');
  await expect(dialog).toBeVisible();
  await expect(dialog.getByText('Undo', { exact: true })).toBeVisible();
});

test('the shortcuts dialog passes axe', async ({ page }) => {
  await openFresh(page);
  await page.getByRole('button', { name: 'Keyboard shortcuts' }).click();
  await expect(page.getByRole('dialog', { name: 'Keyboard shortcuts' })).toBeVisible();
  const results = await axeScan(page);
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.length}`)).toEqual([]);
});
