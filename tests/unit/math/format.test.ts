import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatNumber, texNumber } from '../../../src/math';

/**
 * The plain-form mantissa the long way: the magnitude of the number rounded to d digits, then
 * toFixed with the places that leave d significant digits (the definition formatNumber's fast
 * path must agree with).
 */
function reference(x: number, digits: number): string {
  const abs = Math.abs(x);
  const magnitude = Math.floor(Math.log10(Number(abs.toPrecision(digits))));
  const fixed = abs.toFixed(Math.max(0, digits - 1 - magnitude));
  const mantissa = fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
  return (x < 0 ? '\u2212' : '') + mantissa;
}

describe('numbers for people', () => {
  it('keeps significant digits, drops trailing zeros, writes a true minus', () => {
    expect(formatNumber(0.1498)).toBe('0.1498');
    expect(formatNumber(0.14999)).toBe('0.15');
    expect(formatNumber(0.0004386)).toBe('0.0004386');
    expect(formatNumber(-0.0004386123)).toBe('−0.0004386');
    expect(formatNumber(0.298371108, 6)).toBe('0.298371');
    expect(formatNumber(1.0000001)).toBe('1');
    expect(formatNumber(0)).toBe('0');
    expect(formatNumber(-0.01436, 4)).toBe('−0.01436');
  });

  it('rounds up across a power of ten without losing the plain form', () => {
    expect(formatNumber(0.099996)).toBe('0.1');
    expect(formatNumber(9999.6)).toBe('10000');
    expect(formatNumber(12345.6)).toBe('12346');
    expect(formatNumber(999999.4, 4)).toBe('999999');
  });

  it('uses an exponent only far from 1', () => {
    expect(formatNumber(1.2e-7)).toBe('1.2e−7');
    expect(formatNumber(-3.25e-5, 3)).toBe('−3.25e−5');
    expect(formatNumber(2.5e6)).toBe('2.5e6');
    expect(texNumber(1.2e-7)).toBe('1.2\\times10^{-7}');
    expect(texNumber(-0.5, 6, true)).toBe('(-0.5)');
  });

  it('matches the long way for every number in the plain range and every digit count', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 1e-4, max: 999_999, noNaN: true }),
        fc.boolean(),
        fc.integer({ min: 1, max: 17 }),
        (abs, negative, digits) => {
          const x = negative ? -abs : abs;
          expect(formatNumber(x, digits)).toBe(reference(x, digits));
        },
      ),
      { numRuns: 5000 },
    );
  });
});
