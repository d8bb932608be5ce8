import { describe, expect, it } from 'vitest';
import type { Network, Sample } from '../../../src/engine';
import { stepEquations, type EquationBlock } from '../../../src/math';
import { context } from './fixtures';

/** 64 inputs x_i = i/4 into one unit, w_i1 = (i+1)/8, b = 0.5: every number exact in binary. */
const wide: Network = {
  inputSize: 64,
  loss: 'halfSse',
  layers: [
    {
      activation: 'sigmoid',
      weights: Array.from({ length: 64 }, (_, i) => [(i + 1) / 8]),
      biases: [0.5],
    },
  ],
};
const samples: Sample[] = [{ x: Array.from({ length: 64 }, (_, i) => i / 4), y: [1] }];

describe('equations from a 64-input layer stay readable', () => {
  it('writes z with its first three and last two terms around ⋯, the title saying so', () => {
    const [z] = stepEquations(context(wide, samples, { kind: 'forward', layer: 1, unit: 0 })) as [
      EquationBlock,
    ];
    expect(z.title).toBe(
      'Pre-activation z₁⁽¹⁾: 64 weighted terms, the first three and the last two written out',
    );
    // The Σ stays; no 64-term line.
    expect(z.general).toBe('z_{1}^{(1)} = \\sum_{i=1}^{64} w_{i1}^{(1)}x_{i} + b_{1}^{(1)}');
    expect(z.substituted).toBe(
      '= 0.125\\cdot 0 + 0.25\\cdot 0.25 + 0.375\\cdot 0.5 + \\cdots + 7.875\\cdot 15.5 + 8\\cdot 15.75 + 0.5',
    );
    // Σ i(i+1)/32 over i = 0…63, plus 0.5: (85344 + 2016)/32 + 0.5.
    expect(z.result).toBe('= 2730.5');
  });

  it('keeps the bias first in LFD (x₀ = 1)', () => {
    const [z] = stepEquations(
      context(wide, samples, { kind: 'forward', layer: 1, unit: 0 }, 'lfd'),
    ) as [EquationBlock];
    expect(z.substituted).toBe(
      '= 0.5\\cdot 1 + 0.125\\cdot 0 + 0.25\\cdot 0.25 + 0.375\\cdot 0.5 + \\cdots + 7.875\\cdot 15.5 + 8\\cdot 15.75',
    );
    expect(z.result).toBe('= 2730.5');
  });

  it('lists the first three and last two inputs at the start', () => {
    const [start] = stepEquations(context(wide, samples, { kind: 'start' })) as [EquationBlock];
    expect(start.substituted).toBe(
      'x_{1} = 0, \\quad x_{2} = 0.25, \\quad x_{3} = 0.5, \\quad \\dots, \\quad x_{63} = 15.5, \\quad x_{64} = 15.75; \\qquad y_{1} = 1',
    );
  });
});
