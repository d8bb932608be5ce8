import { expect, test, type Page } from '@playwright/test';
import { axeScan, openTraining } from './helpers';
import { savedOpenTraining } from './stored';

async function setField(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
}

/** The RGB of the boundary heatmap at a point (u, v) of the plane, both in [0, 1] from top-left. */
async function heatmapColor(page: Page, u: number, v: number): Promise<number[]> {
  return page.getByTestId('boundary-canvas').evaluate(
    (canvas, at) => {
      const c = canvas as HTMLCanvasElement;
      const pixel = c
        .getContext('2d')
        ?.getImageData(Math.floor(at.x * c.width), Math.floor(at.y * c.height), 1, 1).data;
      return pixel ? [pixel[0] as number, pixel[1] as number, pixel[2] as number] : [];
    },
    { x: u, y: v },
  );
}

test('trains XOR to a low loss and draws the decision boundary', async ({ page }) => {
  const errors = await openTraining(page, 'XOR (two classes)');
  await page
    .getByRole('combobox', { name: 'Start from' })
    .selectOption({ label: '4, 2 · tanh (Playground)' });
  await expect(page.getByTestId('network-shape')).toHaveText('2 → 4 → 2 → 1');
  await setField(page, 'Learning rate η', '0.1');
  await page.getByRole('combobox', { name: 'Stop' }).selectOption('loss');
  await setField(page, 'Stop at training loss ≤', '0.08');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');

  // (It may reach the target within a few frames: no waiting for "Pause training" to show.)
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText('Stopped: the training loss reached the target.')).toBeVisible({
    timeout: 20_000,
  });
  const loss = Number(await page.getByTestId('train-loss').textContent());
  expect(loss).toBeLessThanOrEqual(0.08);
  await expect(page.getByTestId('test-accuracy')).toHaveText(/^(9\d|100)\.\d %$/);

  const canvas = page.getByTestId('boundary-canvas');
  await expect(canvas).toHaveAttribute('data-frames', /\d+/);
  // x₁x₂ > 0 is class 1 (blue), x₁x₂ < 0 class 0 (orange): the heatmap shows the XOR pattern.
  const [topRight, topLeft, bottomLeft] = await Promise.all([
    heatmapColor(page, 0.85, 0.15),
    heatmapColor(page, 0.15, 0.15),
    heatmapColor(page, 0.15, 0.85),
  ]);
  const blue = (rgb: number[]) => (rgb[2] as number) > (rgb[0] as number) + 40;
  const orange = (rgb: number[]) => (rgb[0] as number) > (rgb[2] as number) + 40;
  expect(blue(topRight as number[])).toBe(true);
  expect(blue(bottomLeft as number[])).toBe(true);
  expect(orange(topLeft as number[])).toBe(true);
  await expect(page.getByRole('img', { name: /Loss per epoch/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('loads a CSV, and refuses a malformed one with its line number, changing nothing', async ({
  page,
}) => {
  const errors = await openTraining(page);
  const summary = page.getByTestId('data-summary');
  await page.getByText('Your own data (CSV)').click();
  const csv = page.getByRole('textbox', { name: 'CSV data' });
  const rows = Array.from({ length: 40 }, (_, i) => {
    const a = ((i * 7) % 13) / 3 - 2;
    const b = ((i * 5) % 11) / 3 - 2;
    return `${a.toFixed(3)},${b.toFixed(3)},${a + b > 0 ? 1 : 0}`;
  });
  await csv.fill(['a,b,label', ...rows].join('\n'));
  await page.getByRole('button', { name: 'Use this CSV' }).click();
  await expect(summary).toHaveText('20 training and 20 test points · 2 inputs · two classes');
  await expect(page.getByRole('combobox', { name: 'Dataset' })).toHaveValue('csv');
  await expect(page.getByTestId('boundary-canvas')).toHaveAttribute('data-frames', /\d+/);

  await csv.fill('x1,x2,y\n1,2,0\n3,abc,1\n4,5,1');
  await page.getByRole('button', { name: 'Use this CSV' }).click();
  await expect(page.getByTestId('csv-error')).toHaveText(
    "Line 3: column 2 (x2) is 'abc', not a number: names can only be a target.",
  );
  await expect(csv).toHaveAttribute('aria-invalid', 'true');
  await expect(summary).toHaveText('20 training and 20 test points · 2 inputs · two classes');

  await csv.fill('1,2,3\n4,5');
  await page.getByRole('button', { name: 'Use this CSV' }).click();
  await expect(page.getByTestId('csv-error')).toHaveText('Line 2: 2 columns; line 1 has 3.');
  await expect(summary).toHaveText('20 training and 20 test points · 2 inputs · two classes');
  expect(errors).toEqual([]);
});

test('an overflow pauses training with a warning and keeps the last good network', async ({
  page,
}) => {
  const errors = await openTraining(page, 'Plane (regression)');
  await page.getByRole('combobox', { name: 'Start from' }).selectOption({ label: '8, 8 · ReLU' });
  await setField(page, 'Learning rate η', '10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const warning = page.getByTestId('overflow-warning');
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText('Training paused: the numbers overflowed.');
  await expect(warning).toContainText('The network from just before that step is kept');
  await expect(warning).toContainText('η = 10');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();

  // The kept network is the Train tab's and saved: every number finite and within ±10⁶.
  await expect
    .poll(async () =>
      savedOpenTraining(page).then((saved) => {
        const layers = (saved?.work?.network as { layers?: unknown } | undefined)?.layers as
          { weights: number[][]; biases: number[] }[] | undefined;
        if (!layers || layers.length !== 3) return 'not saved yet';
        const values = layers.flatMap((l) => [...l.weights.flat(), ...l.biases]);
        return values.every((v) => Number.isFinite(v) && Math.abs(v) <= 1e6) ? 'kept' : 'broken';
      }),
    )
    .toBe('kept');
  await page.getByRole('tab', { name: 'Step through a pass' }).click();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('"Step through this network" opens the next mini-batch in the stepper at its first step', async ({
  page,
}) => {
  const errors = await openTraining(page);
  await setField(page, 'Batch size', '4');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('1');
  await page.getByRole('button', { name: 'Step through this network' }).click();
  await expect(page.getByRole('tab', { name: 'Step through a pass' })).toHaveAttribute(
    'aria-selected',
    'true',
  );
  await expect(page.getByRole('heading', { name: 'Mini-batch of 4 samples' })).toBeVisible();
  await expect(page.getByText(/step 1 of/)).toBeVisible();
  expect(errors).toEqual([]);
});

test('the training view has no axe violations, and the tabs work from the keyboard', async ({
  page,
}) => {
  const errors = await openTraining(page);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await page.getByText('Your own data (CSV)').click();
  await page.getByRole('button', { name: 'Check the gradients' }).click();
  await expect(page.getByTestId('check-summary')).toContainText('largest relative error');
  const results = await axeScan(page);
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole('tab', { name: 'Train' }).press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Step through a pass' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  expect(errors).toEqual([]);
});

test('fits a 1-D curve: prediction against the data, each unit as a curve along x₁', async ({
  page,
}) => {
  const errors = await openTraining(page, 'Curve y = sin x (1-D)');
  await expect(page.getByRole('heading', { name: 'The fitted curve' })).toBeVisible();
  await expect(page.getByTestId('network-shape')).toHaveText(/^1 → .* → 1$/);
  const plot = page.getByRole('img', { name: /The network's output ŷ over x₁ \(curves\)/ });
  await expect(plot).toHaveAttribute('data-frames', /\d+/);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('1');
  // The plot has data: some pixels are the dots' blue, some the curve's near-black.
  const colors = await plot.evaluate((canvas) => {
    const c = canvas as HTMLCanvasElement;
    const data = c.getContext('2d')?.getImageData(0, 0, c.width, c.height).data ?? [];
    let blue = 0;
    let dark = 0;
    for (let i = 0; i < data.length; i += 4) {
      const [r, g, b] = [data[i] as number, data[i + 1] as number, data[i + 2] as number];
      if (b > 150 && r < 60) blue++;
      if (r < 40 && g < 40 && b < 60 && (data[i + 3] as number) > 200) dark++;
    }
    return { blue, dark };
  });
  expect(colors.blue).toBeGreaterThan(100);
  expect(colors.dark).toBeGreaterThan(100);
  await expect(
    page.getByRole('img', { name: /hidden layer 1, unit 1: its output along x₁/ }),
  ).toBeVisible();
  await expect(page.getByRole('img', { name: /input x₁: its output along x₁/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('three spirals: three softmax outputs with cross-entropy, a unit picture per class', async ({
  page,
}) => {
  const errors = await openTraining(page, 'Three spirals (3 classes)');
  await expect(page.getByTestId('data-summary')).toContainText('3 classes');
  await expect(page.getByTestId('network-shape')).toHaveText(/→ 3$/);
  await expect(page.getByText(/3 softmax units, cross-entropy/)).toBeVisible();
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-accuracy')).toHaveText(/%/);
  for (const name of ['class 1', 'class 2', 'class 3']) {
    await expect(
      page.getByRole('img', { name: `The output ${name}: its output over the input plane` }),
    ).toBeVisible();
  }
  expect(errors).toEqual([]);
});

test('Reset returns to the same initial weights; New seed draws others', async ({ page }) => {
  const errors = await openTraining(page);
  const loss = page.getByTestId('train-loss');
  const epoch = page.getByTestId('train-epoch');
  // The first reset comes after an epoch, so that the epoch back at 0 shows it has happened: the
  // loss read next is the initial weights' (the one shown before might still be, for a moment).
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch).toHaveText('1');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(epoch).toHaveText('0');
  await expect(loss).not.toHaveText('—');
  const initial = await loss.textContent();
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(epoch).toHaveText('1');
  await expect(loss).not.toHaveText(initial ?? '');
  await page.getByRole('button', { name: 'Reset' }).click();
  await expect(epoch).toHaveText('0');
  await expect(loss).toHaveText(initial ?? '');
  await page.getByRole('button', { name: 'New seed' }).click();
  await expect(page.getByRole('textbox', { name: 'Weight seed', exact: true })).toHaveValue('2');
  await expect(page.getByTestId('train-epoch')).toHaveText('0');
  await expect(loss).not.toHaveText(initial ?? '');
  expect(errors).toEqual([]);
});

test('stops by itself after the chosen number of epochs', async ({ page }) => {
  const errors = await openTraining(page);
  await page.getByRole('combobox', { name: 'Stop' }).selectOption('epochs');
  await setField(page, 'Stop after epochs', '3');
  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByText('Stopped: reached the epoch limit.')).toBeVisible({
    timeout: 15_000,
  });
  await expect(page.getByTestId('train-epoch')).toHaveText('3');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();
  expect(errors).toEqual([]);
});

test('a deep sigmoid network shows its gradients vanishing layer by layer', async ({ page }) => {
  const errors = await openTraining(page);
  await page
    .getByRole('combobox', { name: 'Start from' })
    .selectOption({ label: '6 × 8 · sigmoid (vanishing gradients)' });
  await expect(page.getByTestId('network-shape')).toHaveText(/^2 → (8 → ){6}1$/);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('gradient-health')).toContainText('Vanishing gradients: layer 1');
  await expect(page.getByRole('img', { name: /Gradient norm per layer over time/ })).toBeVisible();
  expect(errors).toEqual([]);
});

test('the gradient check agrees, layer by layer, and sorts by any column', async ({ page }) => {
  const errors = await openTraining(page);
  await page.getByRole('button', { name: 'Check the gradients' }).click();
  await expect(page.getByTestId('check-summary')).toContainText(
    'Backprop and the differences agree on every parameter.',
  );
  const layers = page.getByTestId('check-layers');
  await expect(layers.getByRole('row')).toHaveCount(1 + 2);
  const table = page
    .getByRole('table')
    .filter({ has: page.getByRole('columnheader', { name: /Backprop/ }) });
  const relative = table.getByRole('columnheader', { name: /Relative error/ });
  await expect(relative).toHaveAttribute('aria-sort', 'descending');
  const column = async () =>
    (await table.locator('tbody tr td:nth-child(5)').allTextContents()).map((t) =>
      Number(t.replace('−', '-').replace(/[^\d.e+-]/g, '')),
    );
  const descending = await column();
  expect(descending).toEqual(descending.slice().sort((a, b) => b - a));
  await relative.getByRole('button').click();
  await expect(relative).toHaveAttribute('aria-sort', 'ascending');
  const ascending = await column();
  expect(ascending).toEqual(descending.slice().reverse());
  await table
    .getByRole('columnheader', { name: /Parameter/ })
    .getByRole('button')
    .click();
  await expect(table.locator('tbody tr').first().locator('th')).toContainText('Weight');
  expect(errors).toEqual([]);
});

test('a value that cannot be used is explained beside its field and changes nothing', async ({
  page,
}) => {
  const errors = await openTraining(page);
  const summary = page.getByTestId('data-summary');
  const before = await summary.textContent();
  for (const [label, value, message] of [
    ['Learning rate η', 'fast', '"fast" is not a number.'],
    ['Batch size', '0', 'Must be between 1 and 32.'],
    ['Points', '12.5', 'A whole number, please.'],
    ['Noise', '0.9', 'Must be between 0 and 0.5.'],
    ['Training share', '1', 'Must be between 0.1 and 0.9.'],
    ['Data seed', '-3', 'Must be between 0 and 2147483647.'],
  ] as const) {
    const field = page.getByRole('textbox', { name: label, exact: true });
    await field.fill(value);
    await field.press('Enter');
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const describedBy = await field.getAttribute('aria-describedby');
    await expect(page.locator(`[id="${describedBy}"]`)).toHaveText(message);
  }
  await expect(summary).toHaveText(before ?? '');
  expect(errors).toEqual([]);
});

test('exports the trained weights as a file the stepper can import', async ({ page }) => {
  const errors = await openTraining(page);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('1');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export the weights (JSON)' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('backstep-trained-network.json');
  const path = await file.path();
  const { readFile } = await import('node:fs/promises');
  const saved = JSON.parse(await readFile(path, 'utf8')) as {
    work: { network: { inputSize: number; layers: { weights: number[][] }[] } };
  };
  expect(saved.work.network.inputSize).toBe(2);
  const shown = (await page.getByTestId('network-shape').textContent()) ?? '';
  expect(saved.work.network.layers).toHaveLength(shown.split('→').length - 1);
  // The file holds the network training reached: the one the page keeps as the Train tab's work.
  await expect
    .poll(async () => (await savedOpenTraining(page))?.work?.network)
    .toEqual(saved.work.network);
  expect(errors).toEqual([]);
});

test('shows any unit full size, by pointing at it or choosing it, and discretizes', async ({
  page,
}) => {
  const errors = await openTraining(page);
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('1');
  const heading = page.getByRole('heading', { name: /over the input plane$/ });
  await expect(heading).toHaveText('Output over the input plane');
  await page.getByRole('img', { name: /^The hidden layer 1, unit 1:/ }).hover();
  await expect(heading).toHaveText('Hidden layer 1, unit 1 over the input plane');
  await page.mouse.move(0, 0);
  await expect(heading).toHaveText('Output over the input plane');
  await page.getByRole('combobox', { name: 'Show' }).selectOption({ label: 'input x₁' });
  await expect(heading).toHaveText('Input x₁ over the input plane');
  await page
    .getByRole('combobox', { name: 'Show' })
    .selectOption({ label: "the network's output" });
  await page.getByRole('checkbox', { name: 'Discretize (two colors)' }).check();
  const canvas = page.getByTestId('boundary-canvas');
  await expect
    .poll(() =>
      canvas.evaluate((c) => {
        const data = (c as HTMLCanvasElement).getContext('2d')?.getImageData(0, 0, 100, 100).data;
        const colors = new Set<string>();
        for (let i = 0; data && i < data.length; i += 4) colors.add(`${data[i]},${data[i + 2]}`);
        return colors.size;
      }),
    )
    .toBeLessThanOrEqual(2);
  expect(errors).toEqual([]);
});
