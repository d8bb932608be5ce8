import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

/** Open the app on the Train tab, with no console errors allowed. */
async function openTraining(page: Page): Promise<string[]> {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await page.getByRole('tab', { name: 'Train' }).click();
  await expect(page.getByRole('tab', { name: 'Train' })).toHaveAttribute('aria-selected', 'true');
  return errors;
}

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
  const errors = await openTraining(page);
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'XOR (two classes)' });
  await page
    .getByRole('combobox', { name: 'Start from' })
    .selectOption({ label: '4, 2 · tanh (Playground)' });
  await expect(page.getByTestId('network-shape')).toHaveText('2 → 4 → 2 → 1');
  await setField(page, 'Learning rate η', '0.1');
  await page.getByRole('combobox', { name: 'Stop' }).selectOption('loss');
  await setField(page, 'Stop at training loss ≤', '0.08');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('max');

  await page.getByRole('button', { name: 'Train', exact: true }).click();
  await expect(page.getByRole('button', { name: 'Pause training' })).toBeVisible();
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
    "Line 3: column 2 is 'abc', not a number.",
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
  const errors = await openTraining(page);
  await page
    .getByRole('combobox', { name: 'Dataset' })
    .selectOption({ label: 'Plane (regression)' });
  await page.getByRole('combobox', { name: 'Start from' }).selectOption({ label: '8, 8 · ReLU' });
  await setField(page, 'Learning rate η', '10');
  await page.getByRole('button', { name: 'Train', exact: true }).click();

  const warning = page.getByTestId('overflow-warning');
  await expect(warning).toBeVisible({ timeout: 15_000 });
  await expect(warning).toContainText('Training paused: the numbers overflowed.');
  await expect(warning).toContainText('The network from just before that step is kept');
  await expect(warning).toContainText('η = 10');
  await expect(page.getByRole('button', { name: 'Train', exact: true })).toBeVisible();

  // The kept network is in the main store and saved: every number finite and within ±10⁶.
  await expect
    .poll(async () =>
      page.evaluate(() => {
        const saved = JSON.parse(localStorage.getItem('backstep.work') ?? 'null');
        const layers = saved?.work?.network?.layers as
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

test('"One mini-batch" opens the next mini-batch in the stepper at its first step', async ({
  page,
}) => {
  const errors = await openTraining(page);
  await setField(page, 'Batch size', '4');
  await page.getByRole('button', { name: 'One epoch' }).click();
  await expect(page.getByTestId('train-epoch')).toHaveText('1');
  await page.getByRole('button', { name: /One mini-batch/ }).click();
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
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
  await page.getByRole('tab', { name: 'Train' }).press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Step through a pass' })).toBeFocused();
  await expect(page.getByRole('button', { name: 'Step forward' })).toBeVisible();
  expect(errors).toEqual([]);
});
