import { describe, expect, it } from 'vitest';
import { applyGradients, lossOf, passSteps, runPass, type PassStep } from '../../../src/engine';
import { stepSummary } from '../../../src/math';
import { classic, classicSamples, NOTATION_IDS } from './fixtures';

const snapshot = runPass(classic, classicSamples);
const updatedNetwork = applyGradients(classic, snapshot.grads, 0.5);
const updated = { network: updatedNetwork, loss: lossOf(updatedNetwork, classicSamples) };
const summary = (step: PassStep, notation: (typeof NOTATION_IDS)[number] = 'standard') =>
  stepSummary(step, { network: classic, snapshot, sampleIndex: 0, notation, updated, digits: 4 });

describe('stepSummary: what a step computed, for the live region', () => {
  it('names every value of the classic 2-2-2 pass with the numbers worked by hand', () => {
    expect(summary({ kind: 'start' })).toBe('Nothing computed yet.');
    // z₁ = 0.15·0.05 + 0.2·0.1 + 0.35 = 0.3775, a₁ = σ(0.3775) = 0.593269992
    expect(summary({ kind: 'forward', layer: 1 })).toBe(
      'Computed z₁⁽¹⁾ = 0.3775, a₁⁽¹⁾ = 0.5933, z₂⁽¹⁾ = 0.3925, a₂⁽¹⁾ = 0.5969.',
    );
    expect(summary({ kind: 'loss' })).toBe('Computed the loss L = 0.2984.');
    expect(summary({ kind: 'outputDelta', layer: 2 })).toBe(
      'Computed δ₁⁽²⁾ = 0.1385, δ₂⁽²⁾ = −0.0381.',
    );
    expect(summary({ kind: 'gradients', layer: 2, unit: 0 })).toBe(
      'Computed ∂L/∂w₁₁⁽²⁾ = 0.08217, ∂L/∂w₂₁⁽²⁾ = 0.08267, ∂L/∂b₁⁽²⁾ = 0.1385.',
    );
    expect(summary({ kind: 'update' })).toBe(
      'Applied gradient descent to every weight and bias; the loss went from 0.2984 to 0.2805.',
    );
  });

  it('speaks each notation, and is a plain sentence for every step', () => {
    expect(summary({ kind: 'forward', layer: 1, unit: 0 }, 'lfd')).toBe(
      'Computed s₁⁽¹⁾ = 0.3775, x₁⁽¹⁾ = 0.5933.',
    );
    expect(summary({ kind: 'hiddenDelta', layer: 1, unit: 1 }, 'rowVector')).toBe(
      'Computed (k₁)₂ = 0.009954.',
    );
    for (const notation of NOTATION_IDS) {
      for (const step of passSteps(classic, 'unit')) {
        expect(summary(step, notation)).toMatch(/^[A-Z][^\\]*\.$/);
        expect(summary(step, notation)).not.toMatch(/undefined|NaN|\?/);
      }
    }
  });

  it('lists at most twelve values, then says how many more', () => {
    const wide = {
      ...classic,
      inputSize: 16,
      layers: [
        {
          activation: 'tanh' as const,
          weights: Array.from({ length: 16 }, () => [0.1]),
          biases: [0],
        },
        ...classic.layers.slice(1).map((l) => ({ ...l, weights: [l.weights[0] as number[]] })),
      ],
    };
    const samples = [{ x: Array.from({ length: 16 }, () => 0.5), y: [0.01, 0.99] }];
    const text = stepSummary(
      { kind: 'gradients', layer: 1 },
      {
        network: wide,
        snapshot: runPass(wide, samples),
        sampleIndex: 0,
        notation: 'standard',
        digits: 4,
      },
    );
    expect(text).toMatch(/ and 5 more\.$/);
  });
});
