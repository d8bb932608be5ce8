import { describe, expect, it } from 'vitest';
import { percentiles, quantile } from '../../bench/measure';

const oneTo = (n: number) => Array.from({ length: n }, (_, i) => i + 1);

describe('the benchmarks’ quantile (nearest rank)', () => {
  it('takes the p95 of 40 frames as the 38th: two are slower, 5%', () => {
    expect(quantile(oneTo(40), 0.95)).toBe(38);
    expect(quantile(oneTo(120), 0.95)).toBe(114);
  });

  it('counts the same at other sizes and quantiles', () => {
    expect(quantile(oneTo(60), 0.95)).toBe(57);
    expect(quantile(oneTo(100), 0.99)).toBe(99);
  });

  it('takes the median of an odd count as the middle value, of an even one as the lower middle', () => {
    expect(quantile(oneTo(9), 0.5)).toBe(5);
    expect(quantile(oneTo(40), 0.5)).toBe(20);
  });

  it('rounds a rank up: of 10 frames, p95 is the slowest', () => {
    expect(quantile(oneTo(10), 0.95)).toBe(10);
    expect(quantile([7], 0.95)).toBe(7);
    expect(quantile([], 0.5)).toBeNaN();
  });

  it('sorts what percentiles is given', () => {
    expect(percentiles([3, 1, 2, 5, 4])).toEqual({ p50: 3, p95: 5, max: 5 });
  });
});
