import { expect, test, type Page } from '@playwright/test';
import { formatNumber } from '../../src/math/format';
import { notationFor } from '../../src/math/notations';
import { quantityName } from '../../src/practice/names';
import type { QuantityKind } from '../../src/practice/types';
import { createAppStore, LOCK_REASONS, worksheetRows } from '../../src/store';
import { chooseExample, diagramOf, openFresh, stepForward } from './helpers';
import { pdfText, pdfWords } from './pdfText';
import { savedOpenWork } from './stored';

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
  await page.getByRole('checkbox', { name: 'Lock the learning rate η' }).check();
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

    // So is η: read-only, a nudge refused and said.
    const eta = student.getByRole('textbox', { name: 'Learning rate η', exact: true });
    await expect(eta).toHaveAttribute('readonly', '');
    await eta.press('ArrowUp');
    await expect(
      student.getByRole('alert').filter({ hasText: LOCK_REASONS.learningRate }),
    ).toBeVisible();
    await expect(eta).toHaveValue('0.5');

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
  expect(errors).toEqual([]);
});

/** The classic example's rows as the store has them, named as the sheet names them. */
function namedRows(asked?: QuantityKind[]) {
  const store = createAppStore();
  if (asked) store.getState().setPredict({ asked });
  const s = store.getState();
  const notation = notationFor(s.notation, s.network);
  return worksheetRows(s).map((row) => ({
    name: quantityName(row.quantity, notation),
    value: formatNumber(row.value, 4),
  }));
}

/**
 * The sheet's table rows in a PDF's text (pdftotext -layout: a row is a line "n  step  quantity
 * [value]"), checked against the expected rows: numbered 1…n in pass order, one line each, each
 * ending with its quantity's name (a blank to fill in) or with the name and its value.
 */
function expectTable(text: string, rows: { name: string; value: string }[], key: boolean) {
  const lines = text.split(/\n|\f/);
  const numbered = lines.filter((line) => /^\s*\d+\s+\S/.test(line));
  expect(numbered, 'one table row per asked quantity').toHaveLength(rows.length);
  rows.forEach((row, i) => {
    const line = (numbered[i] ?? '').trimEnd();
    expect(line, `row ${i + 1}`).toMatch(new RegExp(`^\\s*${i + 1}\\s+\\S`));
    if (key)
      expect(line, `row ${i + 1}`).toMatch(
        new RegExp(`\\s${escape(row.name)}\\s{2,}${escape(row.value)}$`),
      );
    else
      expect(
        line.endsWith(` ${row.name}`),
        `row ${i + 1} ends blank after ${row.name}: "${line}"`,
      ).toBe(true);
  });
}
const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

test('Chromium prints the worksheet with one blank per asked quantity in pass order, and the answer key with their values (PDF text)', async ({
  page,
}) => {
  test.setTimeout(60_000);
  const errors = await openFresh(page);
  await page.evaluate(() => {
    window.print = () => undefined;
  });
  await writeLesson(page);
  const rows = namedRows(['z', 'a', 'loss', 'delta']);
  expect(rows.map((r) => r.name)).toEqual([
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
  const heading = page.locator('.print-sheet h1');
  const printed = async (button: string, title: string) => {
    await page.emulateMedia({ media: 'screen' });
    await page.getByRole('button', { name: button }).click();
    await page.emulateMedia({ media: 'print' });
    await expect(heading).toHaveText(title);
    // A4 and Letter, with no margins of the PDF maker's own: the sheet's stylesheet keeps every
    // word at least 10 mm (28 pt) from the paper's edges.
    for (const format of ['A4', 'Letter']) {
      const words = pdfWords(await page.pdf({ format }));
      expect(words.length).toBeGreaterThan(50);
      const atEdge = words.filter(
        (w) =>
          w.xMin < 28 || w.yMin < 28 || w.xMax > w.pageWidth - 28 || w.yMax > w.pageHeight - 28,
      );
      expect(atEdge, `${format}: words at the paper's edge`).toEqual([]);
    }
    return pdfText(await page.pdf({ format: 'A4' }));
  };

  const worksheet = await printed('Print worksheet', TITLE);
  expect(worksheet).toContain(TITLE);
  expect(worksheet).toContain('Weight w₁₁⁽¹⁾ = 0.15');
  expect(worksheet).toMatch(/#\s+Step\s+Quantity\s+Your answer/);
  expectTable(worksheet, rows, false);
  // Not one answer on the worksheet.
  for (const row of rows) expect(worksheet).not.toContain(row.value);

  const key = await printed('Print answer key', `${TITLE} — answer key`);
  expect(key).toMatch(/#\s+Step\s+Quantity\s+Value/);
  expectTable(key, rows, true);
  // Mazur's numbers: z₁⁽¹⁾ = 0.3775, a₁⁽¹⁾ = 0.5933, L = 0.2984, δ₂⁽²⁾ = −0.0381.
  expect(rows.map((r) => r.value)).toEqual(
    expect.arrayContaining(['0.3775', '0.5933', '0.2984', '−0.0381']),
  );
  expect(key).toMatch(/^\s*1\s+Forward pass — layer 1 of 2\s+z₁⁽¹⁾\s+0\.3775$/m);
  expect(key).toMatch(/^\s*9\s+Loss\s+L\s+0\.2984$/m);

  // Every kind asked: 33 rows over two pages (the header printed again), still one per quantity.
  await page.emulateMedia({ media: 'screen' });
  const asked = page.getByRole('group', { name: 'Students predict' });
  for (const kind of NOT_ASKED)
    await asked.getByRole('checkbox', { name: kind, exact: true }).check();
  const all = namedRows();
  // z, a, L, δ, ∂L/∂w, ∂L/∂b, new w (the classic example's biases are frozen: no new b).
  expect(all).toHaveLength(4 + 4 + 1 + 4 + 8 + 4 + 8);
  const long = await printed('Print worksheet', TITLE);
  expect(long.split('\f').filter((page) => page.trim() !== '').length).toBeGreaterThan(1);
  expectTable(long, all, false);
  expectTable(await printed('Print answer key', `${TITLE} — answer key`), all, true);
  expect(errors).toEqual([]);
});

test('the lesson editor shows the lesson of the work in the page: after another tab saved it, a new example, an undo', async ({
  context,
}) => {
  test.setTimeout(90_000); // two tabs on a two-core machine
  const title = (page: Page) => page.getByRole('textbox', { name: 'Lesson title' });
  const text = (page: Page) => page.getByRole('textbox', { name: 'Lesson text' });
  const open = async (page: Page) => {
    const errors = await openFresh(page);
    await page.getByText('For class: hide parts of the app').click();
    return errors;
  };
  const mine = await context.newPage();
  const errors = await open(mine);
  await title(mine).fill('My first title');
  await expect
    .poll(async () => JSON.stringify(await savedOpenWork(mine)))
    .toContain('My first title');

  // Another tab of the same work rewrites the lesson; this one, unchanged since, shows its save.
  const other = await context.newPage();
  await open(other);
  await expect(title(other)).toHaveValue('My first title');
  await title(other).fill('Backprop by hand');
  await text(other).fill('Work out $\\delta$ for each unit.');
  const lesson = mine.getByRole('region', { name: 'Lesson' });
  await expect(lesson.getByRole('heading')).toHaveText('Backprop by hand');
  await expect(title(mine)).toHaveValue('Backprop by hand');
  await expect(text(mine)).toHaveValue('Work out $\\delta$ for each unit.');

  // What the teacher types next is the lesson's, from the text now shown.
  await title(mine).press('End');
  await title(mine).pressSequentially(', part 2');
  await expect(lesson.getByRole('heading')).toHaveText('Backprop by hand, part 2');

  // A new example and an undo keep the lesson; the fields say the same as the lesson shown.
  await chooseExample(mine, 'XOR with a 2-2-1 network (mini-batch of 4)');
  await expect(title(mine)).toHaveValue('Backprop by hand, part 2');
  await mine.getByRole('button', { name: 'Undo' }).click();
  await expect(mine.getByRole('combobox', { name: 'Example' })).toHaveValue('classic-2-2-2');
  await expect(lesson.getByRole('heading')).toHaveText('Backprop by hand, part 2');
  await expect(title(mine)).toHaveValue('Backprop by hand, part 2');
  await expect(text(mine)).toHaveValue('Work out $\\delta$ for each unit.');
  expect(errors).toEqual([]);
});
