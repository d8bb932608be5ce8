import { describe, expect, it } from 'vitest';
import {
  activationFunctionTex,
  notationFor,
  notationOf,
  parameterLabel,
  stepEquations,
} from '../../../src/math';
import type { NotationId } from '../../../src/store/types';
import { classicContext, NOTATION_IDS } from './fixtures';

/** A notation written for a 2-2-2 network (every layer has several units, so every index shows). */
const notation = (id: NotationId) => notationFor(id, [2, 2, 2]);
const tex = (id: NotationId) => notation(id).tex;

describe('TeX symbols per notation', () => {
  it('standard (notes 000, 002, 003): a, z, δ, w_ij from unit i of layer l−1, b, L, σ, η; inputs are x', () => {
    expect(tex('standard').activation(1, 0)).toBe('a_{1}^{(1)}');
    expect(tex('standard').activation(0, 1)).toBe('x_{2}');
    expect(tex('standard').activation('L', 'j')).toBe('a_{j}^{(L)}');
    expect(tex('standard').preActivation(2, 0)).toBe('z_{1}^{(2)}');
    expect(tex('standard').delta(2, 1)).toBe('\\delta_{2}^{(2)}');
    expect(tex('standard').weight(2, 0, 1)).toBe('w_{12}^{(2)}');
    expect(tex('standard').weight(1, 9, 0)).toBe('w_{10,1}^{(1)}');
    expect(tex('standard').bias(2, 0)).toBe('b_{1}^{(2)}');
    expect(tex('standard').loss()).toBe('L');
    expect(tex('standard').loss(1)).toBe('L_{2}');
    expect(activationFunctionTex(notationOf('standard'), 'sigmoid')).toBe('\\sigma');
    expect(activationFunctionTex(notationOf('standard'), 'relu')).toBe('\\operatorname{ReLU}');
    expect(notationOf('standard').learningRate.tex).toBe('\\eta');
  });

  it('LFD (note 001): x, s, θ, δ, the bias as w_0j, loss e', () => {
    expect(tex('lfd').activation(0, 0)).toBe('x_{1}^{(0)}');
    expect(tex('lfd').activation(1, 0)).toBe('x_{1}^{(1)}');
    expect(tex('lfd').preActivation(1, 0)).toBe('s_{1}^{(1)}');
    expect(tex('lfd').delta(1, 0)).toBe('\\delta_{1}^{(1)}');
    expect(tex('lfd').bias(2, 0)).toBe('w_{01}^{(2)}');
    expect(tex('lfd').loss()).toBe('e');
    expect(activationFunctionTex(notationOf('lfd'), 'tanh')).toBe('\\theta');
    expect(notationOf('lfd').learningRate.tex).toBe('\\eta');
  });

  it('row vectors (note 004): x_i, W_i, b_i, k_i, f, E, α', () => {
    expect(tex('rowVector').activation(0, 0)).toBe('(x_{0})_{1}');
    expect(tex('rowVector').activation(3, 0)).toBe('(x_{3})_{1}');
    expect(tex('rowVector').preActivation(2, 0)).toBe('(x_{1}W_{2} + b_{2})_{1}');
    expect(tex('rowVector').delta(2, 0)).toBe('(k_{2})_{1}');
    expect(tex('rowVector').weight(1, 2, 3)).toBe('(W_{1})_{34}');
    expect(tex('rowVector').bias(1, 0)).toBe('(b_{1})_{1}');
    expect(tex('rowVector').loss()).toBe('E');
    expect(activationFunctionTex(notationOf('rowVector'), 'sigmoid')).toBe('f');
    expect(notationOf('rowVector').learningRate.tex).toBe('\\alpha');
  });
});

describe('Unicode labels', () => {
  it('names parameters for accessible names: weight, bias, input, target', () => {
    expect(parameterLabel({ kind: 'weight', layer: 2, from: 0, to: 1 }, notation('standard'))).toBe(
      'Weight w₁₂⁽²⁾',
    );
    expect(parameterLabel({ kind: 'bias', layer: 2, unit: 0 }, notation('standard'))).toBe(
      'Bias b₁⁽²⁾',
    );
    expect(parameterLabel({ kind: 'input', sample: 0, index: 0 }, notation('standard'))).toBe(
      'Input x₁',
    );
    expect(parameterLabel({ kind: 'target', sample: 0, index: 1 }, notation('standard'))).toBe(
      'Target y₂',
    );
    expect(parameterLabel({ kind: 'target', sample: 2, index: 1 }, notation('standard'), 3)).toBe(
      'Target y₂ (sample 3)',
    );
    expect(parameterLabel({ kind: 'input', sample: 0, index: 0 }, notation('standard'), 1)).toBe(
      'Input x₁',
    );
  });

  it('uses each notation’s symbols', () => {
    expect(parameterLabel({ kind: 'bias', layer: 2, unit: 0 }, notation('lfd'))).toBe(
      'Bias w₀₁⁽²⁾',
    );
    expect(parameterLabel({ kind: 'input', sample: 0, index: 0 }, notation('lfd'))).toBe(
      'Input x₁⁽⁰⁾',
    );
    expect(
      parameterLabel({ kind: 'weight', layer: 2, from: 0, to: 1 }, notation('rowVector')),
    ).toBe('Weight (W₂)₁₂');
    expect(parameterLabel({ kind: 'bias', layer: 1, unit: 2 }, notation('rowVector'))).toBe(
      'Bias (b₁)₃',
    );
    expect(parameterLabel({ kind: 'input', sample: 1, index: 2 }, notation('rowVector'), 2)).toBe(
      'Input (x₀)₃ (sample 2)',
    );
    expect(
      parameterLabel({ kind: 'weight', layer: 1, from: 9, to: 11 }, notation('standard')),
    ).toBe('Weight w₁₀,₁₂⁽¹⁾');
  });

  it('names a unit’s z, a and δ', () => {
    expect(notation('standard').text.unit('a', 1, 1)).toBe('a₂⁽¹⁾');
    expect(notation('standard').text.unit('a', 0, 1)).toBe('x₂');
    expect(notation('standard').text.unit('z', 2, 0)).toBe('z₁⁽²⁾');
    expect(notation('standard').text.unit('delta', 2, 0)).toBe('δ₁⁽²⁾');
    expect(notation('lfd').text.unit('z', 1, 1)).toBe('s₂⁽¹⁾');
    expect(notation('lfd').text.unit('a', 1, 1)).toBe('x₂⁽¹⁾');
    expect(notation('rowVector').text.unit('a', 1, 1)).toBe('(x₁)₂');
    expect(notation('rowVector').text.unit('delta', 3, 0)).toBe('(k₃)₁');
    expect(notation('rowVector').text.unit('z', 1, 0)).toBe('(x₀W₁ + b₁)₁');
    expect(notation('standard').text.unit('z', 12, 10)).toBe('z₁₁⁽¹²⁾');
  });
});

describe('the classic example in each notation', () => {
  it('LFD: the bias is w_0j times x_0 = 1, first in the sum from i = 0', () => {
    const [s] = stepEquations(classicContext({ kind: 'forward', layer: 1, unit: 0 }, 'lfd'));
    expect(s?.title).toBe('Pre-activation s₁⁽¹⁾ (bias as w₀ⱼ with x₀ = 1)');
    expect(s?.general).toBe(
      's_{1}^{(1)} = \\sum_{i=0}^{2} w_{i1}^{(1)}x_{i}^{(0)} = w_{01}^{(1)}x_{0}^{(0)} + w_{11}^{(1)}x_{1}^{(0)} + w_{21}^{(1)}x_{2}^{(0)}',
    );
    expect(s?.substituted).toBe('= 0.35\\cdot 1 + 0.15\\cdot 0.05 + 0.2\\cdot 0.1');
    expect(s?.result).toBe('= 0.3775');
    const [, x] = stepEquations(classicContext({ kind: 'forward', layer: 1, unit: 0 }, 'lfd'));
    expect(x?.general).toBe(
      'x_{1}^{(1)} = \\theta(s_{1}^{(1)}) = \\sigma(s_{1}^{(1)}) = \\frac{1}{1+e^{-s_{1}^{(1)}}}',
    );
    const [loss] = stepEquations(classicContext({ kind: 'loss' }, 'lfd'));
    expect(loss?.general).toMatch(
      /^e = \\tfrac12\\sum_\{j=1\}\^\{2\} \(x_\{j\}\^\{\(2\)\} - y_\{j\}\)\^2/,
    );
    const [bias] = stepEquations(classicContext({ kind: 'gradients', layer: 2, unit: 0 }, 'lfd'));
    expect(bias?.title).toBe('Gradient ∂e/∂w₀₁⁽²⁾');
    expect(bias?.general).toMatch(/= x_\{0\}\^\{\(1\)\}\\,\\delta_\{1\}\^\{\(2\)\}$/);
    expect(bias?.substituted).toBe('= 1\\cdot 0.138499');
  });

  it('row vectors: x W in the row order, k for δ, E for the loss, α for the rate', () => {
    const [z] = stepEquations(classicContext({ kind: 'forward', layer: 1, unit: 0 }, 'rowVector'));
    expect(z?.general).toBe(
      '(x_{0}W_{1} + b_{1})_{1} = \\sum_{i=1}^{2} (x_{0})_{i}(W_{1})_{i1} + (b_{1})_{1} = (x_{0})_{1}(W_{1})_{11} + (x_{0})_{2}(W_{1})_{21} + (b_{1})_{1}',
    );
    expect(z?.substituted).toBe('= 0.05\\cdot 0.15 + 0.1\\cdot 0.2 + 0.35');
    const [k] = stepEquations(
      classicContext({ kind: 'outputDelta', layer: 2, unit: 0 }, 'rowVector'),
    );
    expect(k?.general).toBe(
      "(k_{2})_{1} = \\frac{\\partial E}{\\partial (x_{1}W_{2} + b_{2})_{1}} = \\frac{\\partial E}{\\partial (x_{2})_{1}}\\cdot f'((x_{1}W_{2} + b_{2})_{1}) = ((x_{2})_{1} - y_{1})\\cdot (x_{2})_{1}(1 - (x_{2})_{1})",
    );
    expect(k?.result).toBe('= 0.138499');
    const [h] = stepEquations(
      classicContext({ kind: 'hiddenDelta', layer: 1, unit: 0 }, 'rowVector'),
    );
    expect(h?.general).toContain('\\sum_{m=1}^{2} (k_{2})_{m}(W_{2})_{1m}');
    expect(h?.substituted).toContain('0.138499\\cdot 0.4 + (-0.0380982)\\cdot 0.5');
    const update = stepEquations(classicContext({ kind: 'update' }, 'rowVector'));
    expect(update.find((b) => b.title === 'Update (W₂)₁₁')?.general).toBe(
      '(W_{2})_{11} \\leftarrow (W_{2})_{11} - \\alpha\\,\\frac{\\partial E}{\\partial (W_{2})_{11}}',
    );
  });

  it('gives the same numbers in every notation', () => {
    for (const step of [
      { kind: 'forward', layer: 2, unit: 1 },
      { kind: 'outputDelta', layer: 2 },
      { kind: 'hiddenDelta', layer: 1 },
      { kind: 'gradients', layer: 1 },
    ] as const) {
      // Note 002's notation also shows each ∂C/∂a on the way (blocks titled ∂C/∂a…).
      const results = NOTATION_IDS.map((n) =>
        stepEquations(classicContext(step, n))
          .filter((b) => !b.title.startsWith('∂'))
          .map((b) => b.result)
          .sort(),
      );
      for (const result of results) expect(result).toEqual(results[0]);
    }
  });
});
