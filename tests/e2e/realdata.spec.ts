import { expect, test } from '@playwright/test';
import { axeScan, DIGITS, IRIS, oneEpochs, openTraining, WINE } from './helpers';

const DATASETS = [
  {
    option: IRIS,
    summary: '75 training and 75 test points · 4 inputs · 3 classes',
    inferred:
      '150 rows of 5 columns, with a header, separated by commas. Target: species (the last column): names, so 3 classes — setosa, versicolor, virginica. Inputs: the other 4 columns.',
    firstInput: 'sepal length (cm)',
  },
  {
    option: WINE,
    summary: '89 training and 89 test points · 13 inputs · 3 classes',
    inferred:
      '178 rows of 14 columns, with a header, separated by commas. Target: class (its name says it is the label): names, so 3 classes — class_0, class_1, class_2. Inputs: the other 13 columns.',
    firstInput: 'alcohol',
  },
  {
    option: DIGITS,
    summary: '899 training and 898 test points · 64 inputs · 10 classes',
    inferred:
      '1,797 rows of 65 columns, with a header, separated by commas. Target: digit (the last column): 10 distinct whole numbers, so 10 classes — 0, 1, 2, 3, 4, 5, 6, 7, 8, 9. Inputs: the other 64 columns.',
    firstInput: 'pixel_0_0',
  },
];

for (const dataset of DATASETS) {
  test(`loads ${dataset.option}, with its source and licence, trains and shows the accuracy`, async ({
    page,
  }) => {
    const errors = await openTraining(page, dataset.option);
    await expect(page.getByTestId('data-summary')).toHaveText(dataset.summary);
    await expect(page.getByTestId('data-inferred')).toHaveText(dataset.inferred);
    await expect(page.getByTestId('dataset-source')).toContainText('Licence: CC BY 4.0.');
    await expect(page.getByTestId('dataset-source')).toContainText('scikit-learn');
    // Header names label the diagram's inputs.
    await expect(
      page.getByRole('img', {
        name: `The input ${dataset.firstInput}: its output over the input plane`,
      }),
    ).toBeVisible();
    await expect(page.getByTestId('scale-summary')).toContainText(
      'Each input minus its mean, divided by its standard deviation',
    );
    for (let epoch = 1; epoch <= 5; epoch++) {
      await page.getByRole('button', { name: 'One epoch' }).click();
      await expect(page.getByTestId('train-epoch')).toHaveText(String(epoch));
    }
    // Five epochs of the default network: well past chance on each.
    await expect(page.getByTestId('test-accuracy')).toHaveText(/^(8\d|9\d|100)\.\d %$/);
    await page.getByTestId('scale-summary').click();
    const results = await axeScan(page);
    expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
    expect(errors).toEqual([]);
  });
}

test('a CSV with names as labels, loaded as a file: the inferred sentence and classes, then training', async ({
  page,
}) => {
  const errors = await openTraining(page);
  const rows = Array.from({ length: 60 }, (_, i) => {
    const a = ((i * 7) % 13) / 3 - 2;
    const b = ((i * 5) % 11) / 3 - 2;
    return `${a.toFixed(3)};${b.toFixed(3)};${a + b > 0 ? 'yes' : 'no'}`;
  });
  const text = `\uFEFFwidth;height;answer\r\n${rows.join('\r\n')}\r\n`;
  await page.getByText('Your own data (CSV)').click();
  await page.getByLabel('Load a CSV file…').setInputFiles({
    name: 'answers.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(text),
  });
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
  await expect(page.getByTestId('data-inferred')).toHaveText(
    '60 rows of 3 columns, with a header, separated by semicolons. Target: answer (the last column): names, so 2 classes — no (0) and yes (1). Inputs: the other 2 columns.',
  );
  await expect(page.getByTestId('data-summary')).toHaveText(
    '30 training and 30 test points · 2 inputs · two classes',
  );
  await expect(
    page.getByRole('img', { name: 'The input width: its output over the input plane' }),
  ).toBeVisible();
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('test-accuracy')).toHaveText(/%$/);

  // Names cannot be an input, nor regression: each refused with the reason, the data unchanged.
  const target = page.getByRole('combobox', { name: 'Target column' });
  await target.selectOption({ label: 'width' });
  await expect(page.getByRole('alert')).toHaveText(
    "Line 2: column 3 (answer) is 'no', not a number: names can only be a target.",
  );
  await expect(target).toHaveValue('inferred');
  const task = page.getByRole('combobox', { name: 'Target as' });
  await expect(task.getByRole('option', { name: 'regression' })).toBeDisabled();
  await expect(task.getByRole('option', { name: 'classes' })).toBeEnabled();
  await expect(page.getByTestId('data-summary')).toHaveText(
    '30 training and 30 test points · 2 inputs · two classes',
  );
  expect(errors).toEqual([]);
});

test('a file with missing values: where they are, and the choice to leave their rows out', async ({
  page,
}) => {
  const errors = await openTraining(page);
  const rows = Array.from({ length: 20 }, (_, i) => `${i},${(i * 3) % 7},${i % 2 ? 'b' : 'a'}`);
  rows[4] = '4,NA,a';
  rows[9] = '9,,b';
  await page.getByText('Your own data (CSV)').click();
  await page.getByRole('textbox', { name: 'CSV data' }).fill(['x,y,label', ...rows].join('\n'));
  await page.getByRole('button', { name: 'Use this CSV' }).click();
  await expect(page.getByTestId('csv-error')).toHaveText(
    '2 values missing (empty, NA or ?) in 2 rows: line 6 (y), line 11 (y). Training needs a number in every cell: drop those rows to use the rest.',
  );
  await page.getByRole('button', { name: 'Leave out those rows and use the rest' }).click();
  await expect(page.getByTestId('data-inferred')).toContainText(
    '2 rows with missing values left out: line 6 (y), line 11 (y).',
  );
  await expect(page.getByTestId('data-summary')).toHaveText(
    '9 training and 9 test points · 2 inputs · two classes',
  );
  expect(errors).toEqual([]);
});

test('"One epoch" right after choosing the digits trains on the digits, never on the data before', async ({
  page,
}) => {
  const errors = await openTraining(page);
  await expect(page.getByTestId('data-summary')).not.toContainText('64 inputs');
  // No waiting in between: the digits' chunk is still loading and being read when the click comes.
  await page.getByRole('combobox', { name: 'Dataset' }).selectOption({ label: DIGITS });
  await page.getByRole('button', { name: 'One epoch' }).click();
  const epoch = page.getByTestId('train-epoch');
  // One epoch of the digits' 899 training points: not one of the points before, then none.
  await expect(epoch).toHaveAttribute('data-examples', '899');
  await expect(epoch).toHaveText('1');
  await expect(page.getByTestId('data-summary')).toHaveText(
    '899 training and 898 test points · 64 inputs · 10 classes',
  );
  await expect(page.getByTestId('network-shape')).toHaveText(/^64 → .* → 10$/);
  // Another epoch counts on from it: the run was not started again under it.
  await oneEpochs(page, 1, 1);
  await expect(epoch).toHaveAttribute('data-examples', '1798');
  expect(errors).toEqual([]);
});
