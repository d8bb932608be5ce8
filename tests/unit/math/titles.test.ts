import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { passSteps, LOSSES } from '../../../src/engine';
import { lossConventionTex, stepDescription, stepTitle } from '../../../src/math';
import { classic, NOTATION_IDS } from './fixtures';

describe('stepTitle', () => {
  it('names each phase, the layer and the unit', () => {
    const titles = passSteps(classic, 'layer').map((s) => stepTitle(s, classic, 'standard'));
    expect(titles).toEqual([
      'Start of pass',
      'Forward pass — layer 1 of 2',
      'Forward pass — layer 2 of 2',
      'Loss',
      'Output δ — layer 2',
      'Hidden δ — layer 1',
      'Gradients — layer 2',
      'Gradients — layer 1',
      'Gradient-descent update',
    ]);
    expect(stepTitle({ kind: 'forward', layer: 1, unit: 1 }, classic, 'standard')).toBe(
      'Forward pass — layer 1, unit 2',
    );
    expect(stepTitle({ kind: 'outputDelta', layer: 2, unit: 0 }, classic, 'rowVector')).toBe(
      'Output k — layer 2, unit 1',
    );
  });
});

describe('stepDescription', () => {
  it('is one plain sentence for every step, in every notation', () => {
    for (const notation of NOTATION_IDS) {
      for (const granularity of ['layer', 'unit'] as const) {
        for (const step of passSteps(classic, granularity)) {
          const text = stepDescription(step, classic, notation);
          expect(text).toMatch(/^[A-Z].*\.$/);
          expect(text).not.toMatch(/\\|undefined|NaN/);
        }
      }
    }
  });

  it('speaks each notation’s symbols', () => {
    expect(stepDescription({ kind: 'forward', layer: 1 }, classic, 'standard')).toBe(
      'For every unit of layer 1, the weighted sum z of the inputs plus the bias b, then the activation a = sigmoid(z).',
    );
    expect(stepDescription({ kind: 'forward', layer: 2, unit: 0 }, classic, 'rowVector')).toContain(
      'the row x₂ = f(x₁W₂ + b₂): the activations of layer 1 times the weights plus the bias b₂, through f = sigmoid.',
    );
    expect(stepDescription({ kind: 'hiddenDelta', layer: 1 }, classic, 'lfd')).toContain(
      'multivariable chain rule',
    );
    expect(stepDescription({ kind: 'outputDelta', layer: 2 }, classic, 'rowVector')).toContain(
      'k = ∂E/∂(x₁W₂ + b₂)',
    );
    expect(stepDescription({ kind: 'update' }, classic, 'rowVector')).toContain('α');
  });
});

describe('lossConventionTex', () => {
  it('writes the loss in force per sample and its mean over the batch', () => {
    expect(lossConventionTex('halfSse', 'standard', 2)).toBe(
      'L_{n} = \\tfrac12\\sum_{j=1}^{2} (a_{j}^{(L)} - y_{j})^2, \\qquad L = \\frac{1}{m}\\sum_{n=1}^{m} L_{n}',
    );
    expect(lossConventionTex('sse', 'lfd', 1)).toBe(
      'e_{n} = (x_{1}^{(L)} - y_{1})^2, \\qquad e = \\frac{1}{m}\\sum_{n=1}^{m} e_{n}',
    );
    // MSE divides by the number of outputs, K (n counts the samples; ½ would read as ½Σ).
    expect(lossConventionTex('mse', 'standard', 3)).toContain('\\frac{1}{K}\\sum_{j=1}^{K}');
    expect(lossConventionTex('mse', 'standard', 2)).toBe(
      'L_{n} = \\frac{1}{K}\\sum_{j=1}^{K} (a_{j}^{(L)} - y_{j})^2 \\; (K = 2), \\qquad L = \\frac{1}{m}\\sum_{n=1}^{m} L_{n}',
    );
    expect(lossConventionTex('halfSse', 'rowVector', 1)).toMatch(
      /^E_\{n\} = \\tfrac12\(\(x_\{L\}\)_\{1\} - y_\{1\}\)\^2/,
    );
    expect(lossConventionTex('crossEntropy', 'standard', 3)).toMatch(
      /^L_\{n\} = -\\sum_\{j=1\}\^\{3\} y_\{j\}\\ln\(a_\{j\}\^\{\(L\)\}\)/,
    );
  });

  it('renders for every loss and notation', () => {
    for (const loss of LOSSES) {
      for (const notation of NOTATION_IDS) {
        for (const n of [1, 3]) {
          expect(() =>
            katex.renderToString(lossConventionTex(loss, notation, n), { throwOnError: true }),
          ).not.toThrow();
        }
      }
    }
  });
});
