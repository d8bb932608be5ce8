/** Shared by the worked-example tests: relative comparison and σ written out independently. */
import { expect } from 'vitest';

/** |actual − expected| ≤ rel·|expected| (+ a tiny absolute floor for values that are ~0). */
export function expectRel(actual: number | undefined, expected: number, rel = 1e-13) {
  expect(actual).toBeTypeOf('number');
  const err = Math.abs((actual as number) - expected);
  if (!(err <= rel * Math.abs(expected) + 1e-300)) {
    throw new Error(`${actual} is not ${expected} to ${rel} relative (error ${err})`);
  }
}

export const sigma = (z: number) => 1 / (1 + Math.exp(-z));
/** σ'(z) = e^−z / (1 + e^−z)², written without σ(1 − σ) so it is an independent route. */
export const sigmaPrime = (z: number) => Math.exp(-z) / (1 + Math.exp(-z)) ** 2;
