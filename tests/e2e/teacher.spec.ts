import { expect, test, type Page } from '@playwright/test';
import { openFresh } from './helpers';

/** The class: a teacher hides parts of the app, and a student opens exactly the prepared lesson. */

async function shareLink(page: Page): Promise<string> {
  await page.getByRole('button', { name: 'Copy share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link' });
  await expect(field).toHaveValue(/#work=/);
  return field.inputValue();
}

const notationSwitch = (page: Page) => page.getByRole('combobox', { name: 'Notation' });
const trainTab = (page: Page) => page.getByRole('tab', { name: 'Train' });

test('a teacher hides the Train tab and the notation switch; a student sees neither, nor the hiding options', async ({
  page,
  browser,
}) => {
  const errors = await openFresh(page);
  await expect(trainTab(page)).toBeVisible();
  await expect(notationSwitch(page)).toBeVisible();

  await page.getByText('For class: hide parts of the app').click();
  await page.getByRole('checkbox', { name: 'Hide Train tab' }).check();
  await page.getByRole('checkbox', { name: 'Hide notation switch' }).check();
  await expect(page.getByRole('tablist')).toHaveCount(0);
  await expect(notationSwitch(page)).toHaveCount(0);
  // The teacher keeps the options while preparing.
  await expect(page.getByRole('checkbox', { name: 'Hide Train tab' })).toBeChecked();
  const url = await shareLink(page);

  const context = await browser.newContext();
  try {
    const student = await context.newPage();
    await student.goto(url);
    await expect(student.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(student.getByRole('tablist')).toHaveCount(0);
    await expect(student.getByRole('button', { name: 'One epoch' })).toHaveCount(0);
    await expect(notationSwitch(student)).toHaveCount(0);
    await expect(student.getByText('For class: hide parts of the app')).toHaveCount(0);
    await expect(student.getByRole('checkbox', { name: /^Hide / })).toHaveCount(0);
    // A reload is still the lesson.
    await student.reload();
    await expect(student.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(student.getByRole('checkbox', { name: /^Hide / })).toHaveCount(0);
    await expect(student.getByRole('button', { name: 'Edit this lesson' })).toBeVisible();
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});

test('"Edit this lesson" brings the teacher back into the hiding options', async ({
  page,
  browser,
}) => {
  await openFresh(page);
  await page.getByText('For class: hide parts of the app').click();
  await page.getByRole('checkbox', { name: 'Hide Train tab' }).check();
  const url = await shareLink(page);

  const context = await browser.newContext();
  try {
    const teacher = await context.newPage();
    // The Train tab was open here last time: the lesson still opens on the stepper.
    await teacher.goto('./');
    await trainTab(teacher).click();
    await expect(teacher.getByRole('button', { name: 'One epoch' })).toBeVisible();
    await teacher.goto(url);
    await expect(teacher.getByRole('button', { name: 'Step forward' })).toBeVisible();
    await expect(teacher.getByRole('tablist')).toHaveCount(0);
    await expect(teacher.getByRole('checkbox', { name: /^Hide / })).toHaveCount(0);
    await teacher.getByRole('button', { name: 'Edit this lesson' }).click();
    const hideTrain = teacher.getByRole('checkbox', { name: 'Hide Train tab' });
    await expect(hideTrain).toBeChecked();
    await expect(teacher.getByRole('checkbox', { name: 'Hide notation switch' })).not.toBeChecked();
    // Showing the Train tab again keeps the teacher where they are.
    await hideTrain.uncheck();
    await expect(hideTrain).not.toBeChecked();
    await trainTab(teacher).click();
    await expect(teacher.getByRole('button', { name: 'One epoch' })).toBeVisible();
  } finally {
    await context.close();
  }
});
