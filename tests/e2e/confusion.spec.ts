import { expect, test, type Locator, type Page } from '@playwright/test';
import { axeScan, DIGITS, IRIS, oneEpochs, openTraining, WINE } from './helpers';

/**
 * Results for many classes: the test set's confusion matrix with the data's class names, each
 * class's accuracy, and the misclassified examples (pictures for the digits). Every reading is
 * taken with training stopped, and checked against the accuracy the status line computes apart.
 */

const panelOf = (page: Page): Locator => page.getByRole('region', { name: 'Confusion matrix' });

interface Matrix {
  /** Column headers of the second header row: "true", the predicted classes, "accuracy". */
  columns: string[];
  rows: string[];
  counts: number[][];
  accuracy: string[];
}

async function readMatrix(panel: Locator): Promise<Matrix> {
  const table = panel.getByRole('table');
  const columns = await table
    .locator('thead tr')
    .nth(1)
    .getByRole('columnheader')
    .allTextContents();
  const bodyRows = table.locator('tbody tr');
  const rows = await bodyRows.getByRole('rowheader').allTextContents();
  const counts: number[][] = [];
  const accuracy: string[] = [];
  for (let r = 0; r < rows.length; r++) {
    const cells = await bodyRows.nth(r).getByRole('cell').allTextContents();
    counts.push(cells.slice(0, -1).map(Number));
    accuracy.push(cells.at(-1) ?? '');
  }
  return { columns, rows, counts, accuracy };
}

const percent = (v: number) => `${(v * 100).toFixed(1)} %`;

/** The matrix against itself and the status line: sums, diagonal, per-class accuracy. */
async function expectMatrixAgrees(page: Page, names: string[], testCount: number) {
  const panel = panelOf(page);
  await expect(
    panel.getByRole('table').locator('thead tr').nth(1).getByRole('columnheader'),
  ).toHaveText(['true', ...names, 'accuracy']);
  const matrix = await readMatrix(panel);
  expect(matrix.columns).toEqual(['true', ...names, 'accuracy']);
  expect(matrix.rows).toEqual(names);
  expect(matrix.counts.flat().reduce((a, b) => a + b, 0)).toBe(testCount);
  const correct = matrix.counts.reduce((sum, row, k) => sum + (row[k] as number), 0);
  await expect(page.getByTestId('test-accuracy')).toHaveText(percent(correct / testCount));
  await expect(panel.getByTestId('confusion-summary')).toHaveText(
    `${correct} of ${testCount} right (${percent(correct / testCount)}).`,
  );
  matrix.counts.forEach((row, k) => {
    const total = row.reduce((a, b) => a + b, 0);
    expect(matrix.accuracy[k]).toBe(total > 0 ? percent((row[k] as number) / total) : '—');
  });
  const wrong = testCount - correct;
  await expect(panel.getByTestId('misclassified-count')).toHaveText(
    wrong === 0
      ? 'None: every test example is classified right.'
      : `${wrong} of ${testCount} test examples${wrong > 24 ? '; the first 24 shown' : ''}.`,
  );
  return matrix;
}

const BUNDLED = [
  {
    option: IRIS,
    summary: '75 training and 75 test points · 4 inputs · 3 classes',
    names: ['setosa', 'versicolor', 'virginica'],
    testCount: 75,
  },
  {
    option: WINE,
    summary: '89 training and 89 test points · 13 inputs · 3 classes',
    names: ['class_0', 'class_1', 'class_2'],
    testCount: 89,
  },
  {
    option: DIGITS,
    summary: '899 training and 898 test points · 64 inputs · 10 classes',
    names: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    testCount: 898,
  },
];

for (const dataset of BUNDLED) {
  test(`${dataset.option}: the matrix is headed by its class names and counts its ${dataset.testCount} test examples`, async ({
    page,
  }) => {
    const errors = await openTraining(page, dataset.option);
    // The table is read off the page's thread: train only once it is the data.
    await expect(page.getByTestId('data-summary')).toHaveText(dataset.summary);
    await oneEpochs(page, 2);
    await expectMatrixAgrees(page, dataset.names, dataset.testCount);
    expect(errors).toEqual([]);
  });
}

test('Iris: the matrix follows training, and each misclassified example is listed with its inputs', async ({
  page,
}) => {
  const errors = await openTraining(page, IRIS);
  await expect(page.getByTestId('data-summary')).toHaveText(
    '75 training and 75 test points · 4 inputs · 3 classes',
  );
  const names = ['setosa', 'versicolor', 'virginica'];
  await oneEpochs(page, 1);
  const before = await expectMatrixAgrees(page, names, 75);

  // Trained on (play, then pause): the matrix is the paused network's, as the status line is.
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByTestId('train-epoch')).not.toHaveText('1');
  await page.getByRole('button', { name: 'Pause training' }).click();
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  const after = await expectMatrixAgrees(page, names, 75);
  expect(after.counts).not.toEqual(before.counts);

  // Each misclassified example: its line in the file, its classes, its four measurements.
  const items = panelOf(page)
    .getByRole('list', { name: 'Misclassified examples' })
    .getByRole('listitem');
  const correct = after.counts.reduce((sum, row, k) => sum + (row[k] as number), 0);
  await expect(items).toHaveCount(Math.min(75 - correct, 24));
  const species = '(setosa|versicolor|virginica)';
  const value = '[\\d.]+';
  const line = new RegExp(
    `^line \\d+ true ${species}, predicted ${species}sepal length \\(cm\\) ${value}, sepal width \\(cm\\) ${value}, petal length \\(cm\\) ${value}, petal width \\(cm\\) ${value}$`,
  );
  for (const text of await items.allTextContents()) expect(text).toMatch(line);
  const results = await axeScan(page);
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  expect(errors).toEqual([]);
});

test('a CSV with names as labels: the matrix is headed by those names', async ({ page }) => {
  const errors = await openTraining(page);
  // Three fruit, told apart by weight and colour, with a few overlapping.
  const fruit = ['apple', 'banana', 'cherry'];
  const rows = Array.from({ length: 90 }, (_, i) => {
    const k = i % 3;
    const weight = (k * 2 + ((i * 7) % 10) / 4).toFixed(2);
    const colour = (k - ((i * 3) % 5) / 5).toFixed(2);
    return `${weight},${colour},${fruit[k]}`;
  });
  await page.getByText('Your own data (CSV)').click();
  await page.getByLabel('Load a CSV file…').setInputFiles({
    name: 'fruit.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(`weight,colour,fruit\n${rows.join('\n')}\n`),
  });
  await expect(page.getByTestId('data-summary')).toHaveText(
    '45 training and 45 test points · 2 inputs · 3 classes',
  );
  await oneEpochs(page, 2);
  await expectMatrixAgrees(page, fruit, 45);
  const items = panelOf(page)
    .getByRole('list', { name: 'Misclassified examples' })
    .getByRole('listitem');
  for (const text of await items.allTextContents()) {
    expect(text).toMatch(
      /^line \d+ true (apple|banana|cherry), predicted (apple|banana|cherry)weight −?[\d.]+, colour −?[\d.]+$/,
    );
  }
  expect(errors).toEqual([]);
});

test('the digits: ten classes, and the misclassified examples as 8 × 8 pictures', async ({
  page,
}) => {
  const errors = await openTraining(page, DIGITS);
  await expect(page.getByTestId('data-summary')).toHaveText(
    '899 training and 898 test points · 64 inputs · 10 classes',
  );
  await oneEpochs(page, 1);
  const digits = Array.from({ length: 10 }, (_, k) => String(k));
  const matrix = await expectMatrixAgrees(page, digits, 898);
  const correct = matrix.counts.reduce((sum, row, k) => sum + (row[k] as number), 0);
  const wrong = 898 - correct;
  expect(wrong).toBeGreaterThan(0);
  const pictures = panelOf(page)
    .getByRole('list', { name: 'Misclassified examples' })
    .getByRole('img', { name: /^line \d+: true \d, predicted \d$/ });
  await expect(pictures).toHaveCount(Math.min(wrong, 24));
  // Each picture is 8 × 8 pixels, drawn: not blank.
  const first = pictures.first();
  expect(await first.evaluate((c: HTMLCanvasElement) => [c.width, c.height])).toEqual([8, 8]);
  const inked = await first.evaluate((c: HTMLCanvasElement) => {
    const data = c.getContext('2d')?.getImageData(0, 0, 8, 8).data ?? [];
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i] as number) < 128) dark++;
    return dark;
  });
  expect(inked).toBeGreaterThan(3);
  expect(errors).toEqual([]);
});

test('regression has no classes, so no matrix', async ({ page }) => {
  const errors = await openTraining(page, 'Plane (regression)');
  await expect(panelOf(page)).toHaveText(
    'Confusion matrixRegression: no classes, so no confusion matrix.',
  );
  await expect(panelOf(page).getByRole('table')).toHaveCount(0);
  expect(errors).toEqual([]);
});
