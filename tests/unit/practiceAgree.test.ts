import { describe, expect, it } from 'vitest';
import { agrees } from '../../src/practice/agree';

describe('agrees: three significant digits', () => {
  it('accepts rounding and truncation of the third digit, refuses the next value off', () => {
    expect(agrees(0.4386, 0.438568)).toBe(true);
    expect(agrees(0.439, 0.438568)).toBe(true);
    expect(agrees(0.438, 0.438568)).toBe(true);
    expect(agrees(0.4374, 0.438568)).toBe(false);
    expect(agrees(0.44, 0.438568)).toBe(false);
  });
  it('scales with the magnitude and keeps the sign', () => {
    expect(agrees(-1234, -1235.2)).toBe(true);
    expect(agrees(1235, -1235.2)).toBe(false);
    expect(agrees(0.000438, 0.000438568)).toBe(true);
    expect(agrees(0.000428, 0.000438568)).toBe(false);
  });
  it('zero only agrees with zero; a non-number never agrees', () => {
    expect(agrees(0, 0)).toBe(true);
    expect(agrees(0.001, 0)).toBe(false);
    expect(agrees(Number.NaN, 1)).toBe(false);
  });
});
