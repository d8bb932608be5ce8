import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../src/math/format';
import { createAppStore, LOCK_REASONS, worksheetRows } from '../../src/store';
import { diagramOf, openFresh, stepForward } from './helpers';

/**
 * Issue 14, "Lessons from a teacher": a teacher writes a lesson in the "For class" panel, locks the
 * weights, forbids "Show me" and copies the link; a student opens exactly that; the worksheet
 * prints a blank for every asked quantity, the answer key its value.
 */

const TITLE = 'Backprop by hand';
const TEXT = [
  'Each unit computes $z = Wa + b$, then $a = \\sigma(z)$.',
  'Careful: <script>window.hacked = 1</script> and <img src=x onerror="window.hacked = 2">.',
  'A slip: $\\frac{1}{$ stays as written.',
].join('\n\n');
/** The lesson asks z, a, L and δ: not the gradients nor the update. */
const NOT_ASKED = ['∂L/∂w', '∂L/∂b', 'new w', 'new b'];

/** The classic example's asked quantities in pass order, with their values (the store's own). */
function expectedRows() {
  const store = createAppStore();
  store.getState().setPredict({ asked: ['z', 'a', 'loss', 'delta'] });
  return worksheetRows(store.getState());
}

async function writeLesson(page: Page): Promise<string> {
  await page.getByText('For class: hide parts of the app').click();
  await page.getByRole('textbox', { name: 'Lesson title' }).fill(TITLE);
  await page.getByRole('textbox', { name: 'Lesson text' }).fill(TEXT);
  const asked = page.getByRole('group', { name: 'Students predict' });
  for (const kind of NOT_ASKED)
    await asked.getByRole('checkbox', { name: kind, exact: true }).uncheck();
  await page.getByRole('checkbox', { name: 'Lock weights and biases' }).check();
  await page.getByRole('checkbox', { name: "Lock the network's shape" }).check();
  await page.getByRole('checkbox', { name: 'Allow Show me' }).uncheck();
  await page.getByRole('button', { name: 'Copy lesson link' }).click();
  const field = page.getByRole('textbox', { name: 'Lesson link' });
  await expect(field).toHaveValue(/#work=/);
  return field.inputValue();
}

test('a lesson link opens locked, with its text, predict first on and no "Show me"', async ({
  page,
  browser,
}) => {
  const errors = await openFresh(page);
  const url = await writeLesson(page);
  // The teacher sees the lesson as students will, above the stepper.
  await expect(page.getByRole('region', { name: 'Lesson' }).getByRole('heading')).toHaveText(TITLE);

  const context = await browser.newContext();
  try {
    const student = await context.newPage();
    const studentErrors = await openFresh(student, url);
    const lesson = student.getByRole('region', { name: 'Lesson' });
    await expect(lesson.getByRole('heading', { name: TITLE })).toBeVisible();
    // The math typeset by KaTeX (its MathML says what it reads), the rest as plain text.
    await expect(lesson.locator('.katex')).toHaveCount(2);
    await expect(lesson.locator('math').first()).toContainText('z=Wa+b');
    await expect(
      lesson.getByText('<script>window.hacked = 1</script>', { exact: false }),
    ).toBeVisible();
    await expect(
      lesson.getByText('<img src=x onerror="window.hacked = 2">', { exact: false }),
    ).toBeVisible();
    await expect(lesson.locator('script, img')).toHaveCount(0);
    expect(await student.evaluate(() => (window as { hacked?: number }).hacked)).toBeUndefined();
    // What KaTeX cannot parse is shown as written, and said.
    await expect(lesson.getByText('$\\frac{1}{$', { exact: true })).toBeVisible();
    await expect(lesson.getByText(/^\$\\frac\{1\}\{\$ is shown as written: /)).toBeVisible();

    // Predict first on, asking the teacher's kinds; no "Show me".
    await expect(student.getByRole('checkbox', { name: 'Predict first' })).toBeChecked();
    await stepForward(student);
    await expect(student.getByRole('textbox', { name: 'Your prediction for z₁⁽¹⁾' })).toBeVisible();
    await expect(student.getByRole('button', { name: 'Check' })).toBeVisible();
    await expect(student.getByRole('button', { name: 'Show me' })).toHaveCount(0);

    // The weights are locked: the editor is read-only and a nudge is refused with the reason.
    const edge = diagramOf(student).getByRole('button', { name: /^Weight w₁₁⁽¹⁾ = / });
    await edge.click({ force: true });
    const weight = student.getByRole('textbox', { name: 'Weight w₁₁⁽¹⁾', exact: true });
    await expect(weight).toHaveAttribute('readonly', '');
    await expect(weight).toHaveValue('0.15');
    await weight.press('ArrowUp');
    await expect(
      student.getByRole('alert').filter({ hasText: LOCK_REASONS.parameters }),
    ).toBeVisible();
    await expect(weight).toHaveValue('0.15');

    // The shape is locked: its menus and buttons cannot be used.
    await expect(student.getByRole('combobox', { name: 'Loss' })).toBeDisabled();
    await expect(student.getByRole('combobox', { name: /^Activation of / }).first()).toBeDisabled();
    await expect(student.getByRole('button', { name: 'Add layer before' }).first()).toBeDisabled();

    // Not the teacher's options, until "Edit this lesson".
    await expect(student.getByRole('textbox', { name: 'Lesson title' })).toHaveCount(0);
    await expect(student.getByRole('button', { name: 'Copy lesson link' })).toHaveCount(0);
    await expect(student.getByRole('button', { name: 'Edit this lesson' })).toBeVisible();
    expect(studentErrors).toEqual([]);
  } finally {
    await context.close();
  }
  expect(errors).toEqual([]);
});

test('the worksheet prints one blank per asked quantity in pass order; the answer key their values', async ({
  page,
}) => {
  const errors = await openFresh(page);
  await page.evaluate(() => {
    const w = window as unknown as { printed: number; print: () => void };
    w.printed = 0;
    w.print = () => void (w.printed += 1);
  });
  await writeLesson(page);
  const rows = expectedRows();
  expect(rows).toHaveLength(13);

  await page.getByRole('button', { name: 'Print worksheet' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(1);
  const sheet = page.locator('.print-sheet');
  // On screen the sheet is not there; on paper it is alone.
  await expect(sheet).toBeHidden();
  await page.emulateMedia({ media: 'print' });
  await expect(sheet).toBeVisible();
  await expect(page.locator('#root')).toBeHidden();
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(TITLE);
  await expect(sheet.getByText('Weight w₁₁⁽¹⁾ = 0.15')).toBeVisible();
  await expect(sheet.getByText(/learning rate η = 0\.5/)).toBeVisible();
  const body = sheet.getByRole('table').locator('tbody tr');
  await expect(body).toHaveCount(rows.length);
  await expect(body.locator('td:nth-child(3)')).toHaveText([
    'z₁⁽¹⁾',
    'a₁⁽¹⁾',
    'z₂⁽¹⁾',
    'a₂⁽¹⁾',
    'z₁⁽²⁾',
    'a₁⁽²⁾',
    'z₂⁽²⁾',
    'a₂⁽²⁾',
    'L',
    'δ₁⁽²⁾',
    'δ₂⁽²⁾',
    'δ₁⁽¹⁾',
    'δ₂⁽¹⁾',
  ]);
  await expect(body.locator('td.print-blank')).toHaveText(rows.map(() => ''));
  const pdf = await page.pdf({ format: 'A4' });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  expect(pdf.length).toBeGreaterThan(5_000);

  await page.emulateMedia({ media: 'screen' });
  await page.getByRole('button', { name: 'Print answer key' }).click();
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { printed: number }).printed))
    .toBe(2);
  await page.emulateMedia({ media: 'print' });
  await expect(sheet.getByRole('heading', { level: 1 })).toHaveText(`${TITLE} — answer key`);
  await expect(body.locator('td.print-value')).toHaveText(
    rows.map((r) => formatNumber(r.value, 4)),
  );
  // Mazur's numbers: z₁⁽¹⁾ = 0.3775, L = 0.2984.
  await expect(body.nth(0).locator('td.print-value')).toHaveText('0.3775');
  await expect(body.nth(8).locator('td.print-value')).toHaveText('0.2984');
  expect((await page.pdf({ format: 'A4' })).length).toBeGreaterThan(5_000);
  expect(errors).toEqual([]);
});
