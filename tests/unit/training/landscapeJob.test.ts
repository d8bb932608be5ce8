import { describe, expect, it } from 'vitest';
import type { LandscapeParameter } from '../../../src/engine';
import { LIVE_WORK, liveSide } from '../../../src/training/landscapeJob';

const w = (layer: number): LandscapeParameter => ({ kind: 'weight', layer, from: 0, to: 0 });
const bench = [2, 16, 16, 16, 16, 1];

describe('liveSide', () => {
  it('keeps the learner’s grid where it fits two refreshes a second', () => {
    // The last layer's two weights: 2 multiply-adds a point and sample, 64² · 500 · 2 = 4.1·10⁶.
    expect(liveSide(64, bench, w(5), w(5), 500)).toBe(64);
    // A middle layer's and the last: the outer one's layer does not count.
    expect(liveSide(64, bench, w(3), w(5), 500)).toBe(64);
    expect(liveSide(16, bench, w(1), w(1), 500)).toBe(16);
  });

  it('halves it while it would not: the first layer of 2-16⁴-1 on 500 points draws 32 × 32', () => {
    // 546 a point and sample: 64² · 500 · 546 = 1.12·10⁹ > 3·10⁸ ≥ 32² · 500 · 546 = 2.80·10⁸.
    expect(64 * 64 * 500 * 546).toBeGreaterThan(LIVE_WORK);
    expect(32 * 32 * 500 * 546).toBeLessThanOrEqual(LIVE_WORK);
    expect(liveSide(64, bench, w(1), w(1), 500)).toBe(32);
    // The second layer: 1 + 16 + 256 + 16 + 1 = 290; 64² · 500 · 290 = 5.9·10⁸: 32 too.
    expect(liveSide(64, bench, w(2), w(1), 500)).toBe(32);
    // Never below 16, however large the data.
    expect(liveSide(64, bench, w(1), w(1), 100_000)).toBe(16);
  });
});
