import { expect, test } from '@playwright/test';

test('the app shell renders the network diagram without console errors', async ({ page }) => {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text());
  });
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('./');
  await expect(page.getByRole('heading', { name: 'Backstep' })).toBeVisible();
  const diagram = page.getByRole('group', { name: /network diagram/i });
  await expect(diagram).toBeVisible();
  // The default example is the 2-2-2 network: 2 inputs, 2 hidden units, 2 outputs.
  await expect(diagram.locator('circle')).not.toHaveCount(0);
  expect(errors).toEqual([]);
});
