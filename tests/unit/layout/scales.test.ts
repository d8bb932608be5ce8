import { describe, expect, it } from 'vitest';
import {
  EDGE_WIDTH,
  SIGN_COLORS,
  edgeWidthScale,
  maxAbsGradient,
  maxAbsParameter,
  niceMax,
  signOf,
} from '../../../src/layout/scales';
import type { Network } from '../../../src/engine';

describe('edge scales', () => {
  it('colors by sign with the Okabe–Ito blue and vermillion', () => {
    expect(signOf(0.4)).toBe('positive');
    expect(signOf(-1e-9)).toBe('negative');
    expect(signOf(0)).toBe('zero');
    expect(SIGN_COLORS.positive).toBe('#0072b2');
    expect(SIGN_COLORS.negative).toBe('#d55e00');
  });

  it('rounds the largest value up to a nice number, so small edits keep the scale', () => {
    expect(niceMax(0.43)).toBe(0.5);
    expect(niceMax(0.55)).toBe(0.6);
    expect(niceMax(0.6)).toBe(0.6);
    expect(niceMax(0.0823)).toBeCloseTo(0.1, 12);
    expect(niceMax(7)).toBe(8);
    expect(niceMax(0)).toBe(0);
    expect(niceMax(Number.NaN)).toBe(0);
  });

  it('makes width proportional to |value|, quantized, never thinner than a hairline', () => {
    const width = edgeWidthScale(0.55); // top of the scale: 0.6
    expect(width(0.6)).toBe(EDGE_WIDTH.max);
    expect(width(-0.6)).toBe(EDGE_WIDTH.max);
    expect(width(0.3)).toBe(EDGE_WIDTH.max / 2);
    expect(width(0)).toBe(EDGE_WIDTH.min);
    expect(width(100)).toBe(EDGE_WIDTH.max);
    for (const v of [0.05, 0.11, 0.27, 0.44]) {
      const w = width(v);
      expect(w === EDGE_WIDTH.min || (w / EDGE_WIDTH.step) % 1 === 0).toBe(true);
      expect(width(v)).toBeLessThanOrEqual(width(v + 0.1));
    }
    expect(edgeWidthScale(0)(0.5)).toBe(EDGE_WIDTH.min);
  });

  it('finds the largest |w|, |b|, |∂L/∂w| and |∂L/∂b|', () => {
    const network: Network = {
      inputSize: 2,
      loss: 'halfSse',
      layers: [
        {
          activation: 'sigmoid',
          weights: [
            [0.1, -0.7],
            [0.2, 0.3],
          ],
          biases: [0.35, 0.1],
        },
        { activation: 'sigmoid', weights: [[0.4], [0.5]], biases: [-0.9] },
      ],
    };
    expect(maxAbsParameter(network)).toBe(0.9);
    expect(
      maxAbsGradient([
        { dW: [Float64Array.of(0.01, -0.2)], db: Float64Array.of(0.05) },
        { dW: [[0.1]], db: [-0.3] },
      ]),
    ).toBe(0.3);
  });
});
