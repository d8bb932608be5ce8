import { describe, expect, it } from 'vitest';
import { shownAt } from '../../../src/components/diagram/diagramText';

describe('unit numbers, formatted once per pass', () => {
  it('formats each entry at each digit count, and a missing list as not computed', () => {
    const z = Float64Array.from([0.123456789, -0.000438612]);
    expect(shownAt(z, 0, 4)).toBe('0.1235');
    expect(shownAt(z, 1, 4)).toBe('−0.0004386');
    expect(shownAt(z, 0, 8)).toBe('0.12345679');
    expect(shownAt(z, 0, 4)).toBe('0.1235');
    expect(shownAt(undefined, 0, 4)).toBe('—');
  });

  it('a new pass (new arrays) shows its own numbers', () => {
    const before = [0.5, 0.25];
    const after = [0.5, 0.75];
    expect(shownAt(before, 1, 4)).toBe('0.25');
    expect(shownAt(after, 1, 4)).toBe('0.75');
    expect(shownAt(before, 1, 4)).toBe('0.25');
  });
});
