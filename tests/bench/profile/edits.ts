import { expect, type Page } from '@playwright/test';

/** A network of tanh hidden layers of one size (softmax and cross-entropy for several outputs). */
export interface NetworkShape {
  inputs: number;
  hidden: number;
  units: number;
  outputs: number;
  samples: number;
}

/** The stepper bench's networks, by the SHAPE the profiles take. */
export const SHAPES: Record<string, NetworkShape> = {
  pg: { inputs: 2, hidden: 6, units: 8, outputs: 1, samples: 10 },
  big: { inputs: 8, hidden: 8, units: 16, outputs: 10, samples: 32 },
};
/** The network, the applied updates and the stylesheet a profile's env asks for. */
export function profiled(): [NetworkShape, { history: number; css?: string }] {
  const name = process.env.SHAPE ?? 'pg';
  const shape = SHAPES[name];
  if (!shape) throw new Error(`SHAPE is one of ${Object.keys(SHAPES).join(', ')}.`);
  const css = process.env.CSS;
  return [shape, { history: Number(process.env.HIST ?? 0), ...(css ? { css } : {}) }];
}

/** Types a value into a labelled field and confirms it with Enter. */
export async function setField(page: Page, label: string, value: string) {
  const field = page.getByRole('textbox', { name: label, exact: true });
  await field.fill(value);
  await field.press('Enter');
  await expect(field).toHaveValue(value);
}

/**
 * The stepper bench's setup (stepper.bench.spec.ts): the network built through the Network and
 * Sample panels as a learner would, `history` updates applied first (none by default), at the
 * gradient step with edges by |∂L/∂w| and w₄₆⁽²⁾ selected; `css` (a stylesheet) added last.
 */
export async function openNetwork(
  page: Page,
  shape: NetworkShape,
  options: { history?: number; css?: string } = {},
): Promise<void> {
  await page.goto('./');
  await setField(page, 'Units in input layer', String(shape.inputs));
  for (let l = 2; l <= shape.hidden; l++) {
    await page.getByRole('button', { name: 'Add layer before' }).last().click();
  }
  for (let l = 1; l <= shape.hidden; l++) {
    await setField(page, `Units in hidden ${l} layer`, String(shape.units));
    await page
      .getByRole('combobox', { name: `Activation of hidden ${l} layer` })
      .selectOption('tanh');
  }
  await setField(page, 'Units in output layer', String(shape.outputs));
  if (shape.outputs > 1) {
    await page
      .getByRole('combobox', { name: 'Activation of output layer' })
      .selectOption('softmax');
    await page.getByRole('combobox', { name: 'Loss' }).selectOption('crossEntropy');
  }
  for (let n = 1; n < shape.samples; n++) {
    await page.getByRole('button', { name: 'Add sample' }).click();
  }
  for (let h = 0; h < (options.history ?? 0); h++) {
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Step forward' }).click();
  }
  await page.getByRole('combobox', { name: 'Edges show' }).selectOption('gradients');
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Step back' }).click();
  await expect(page.getByTestId('phase')).toContainText('Gradients');
  await page.getByTestId('edge-2-3-5').dispatchEvent('click');
  await expect(page.getByRole('textbox', { name: 'Weight w₄₆⁽²⁾' })).toBeVisible();
  if (options.css) await page.addStyleTag({ content: options.css });
}

/** The weight's drag handle, pressed: `move(i)` makes the bench's i-th edit (±i px). */
export async function grabHandle(page: Page): Promise<(i: number) => Promise<void>> {
  await page.locator('.inspector .scrub').scrollIntoViewIfNeeded();
  const box = await page.locator('.inspector .scrub').boundingBox();
  if (!box) throw new Error('No drag handle on screen.');
  const y = box.y + box.height / 2;
  const x0 = box.x + box.width / 2;
  await page.mouse.move(x0, y);
  await page.mouse.down();
  return (i) => page.mouse.move(x0 + (i % 2 ? i : -i), y);
}
