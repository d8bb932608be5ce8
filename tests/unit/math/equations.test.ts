import { describe, expect, it } from 'vitest';
import { passSteps, runPass, applyGradients, lossOf } from '../../../src/engine';
import { lazyStepEquations, stepEquations, type EquationBlock } from '../../../src/math';
import { classic, classicContext, classicSamples, context, NETWORKS } from './fixtures';
import { num } from '../../../src/math/tex';

const find = (blocks: EquationBlock[], title: string) => {
  const block = blocks.find((b) => b.title.startsWith(title));
  if (!block)
    throw new Error(`No block titled ${title} in ${blocks.map((b) => b.title).join(' | ')}`);
  return block;
};

describe('stepEquations on the classic 2-2-2 example (standard notation)', () => {
  it('says nothing is computed at the start, and lists the inputs and targets', () => {
    const [block, ...rest] = stepEquations(classicContext({ kind: 'start' }));
    expect(rest).toEqual([]);
    expect(block?.title).toContain('nothing is computed yet');
    expect(block?.general).toBe('');
    expect(block?.substituted).toBe(
      'x_{1} = 0.05, \\quad x_{2} = 0.1; \\qquad y_{1} = 0.01, \\quad y_{2} = 0.99',
    );
  });

  it('writes z₁⁽¹⁾ as a sum, term by term, with numbers, and its value', () => {
    const blocks = stepEquations(classicContext({ kind: 'forward', layer: 1, unit: 0 }));
    expect(blocks.map((b) => b.title)).toEqual([
      'Pre-activation z₁⁽¹⁾',
      'Activation a₁⁽¹⁾ (sigmoid)',
    ]);
    const [z, a] = blocks as [EquationBlock, EquationBlock];
    expect(z.general).toBe(
      'z_{1}^{(1)} = \\sum_{i=1}^{2} w_{i1}^{(1)}x_{i} + b_{1}^{(1)} = w_{11}^{(1)}x_{1} + w_{21}^{(1)}x_{2} + b_{1}^{(1)}',
    );
    expect(z.substituted).toBe('= 0.15\\cdot 0.05 + 0.2\\cdot 0.1 + 0.35');
    expect(z.result).toBe('= 0.3775');
    expect(a.general).toBe('a_{1}^{(1)} = \\sigma(z_{1}^{(1)}) = \\frac{1}{1+e^{-z_{1}^{(1)}}}');
    expect(a.substituted).toBe('= \\sigma(0.3775) = \\frac{1}{1+e^{-0.3775}}');
    expect(a.result).toBe('= 0.59327');
  });

  it('gives a layer step one z block and one a block per unit', () => {
    const blocks = stepEquations(classicContext({ kind: 'forward', layer: 2 }));
    expect(blocks.map((b) => b.result)).toEqual([
      '= 1.10591',
      '= 0.751365',
      '= 1.22492',
      '= 0.772928',
    ]);
    expect(blocks[0]?.substituted).toBe('= 0.4\\cdot 0.59327 + 0.45\\cdot 0.596884 + 0.6');
  });

  it('writes the loss with ½, term by term, with the outputs and targets', () => {
    const [loss, ...rest] = stepEquations(classicContext({ kind: 'loss' }));
    expect(rest).toEqual([]);
    expect(loss?.general).toBe(
      'L = \\tfrac12\\sum_{j=1}^{2} (a_{j}^{(2)} - y_{j})^2 = \\tfrac12\\left[(a_{1}^{(2)} - y_{1})^2 + (a_{2}^{(2)} - y_{2})^2\\right]',
    );
    expect(loss?.substituted).toBe(
      '= \\tfrac12\\left[(0.751365 - 0.01)^2 + (0.772928 - 0.99)^2\\right]',
    );
    expect(loss?.result).toBe('= 0.298371');
  });

  it('writes the output δ as ∂L/∂a times σ′, with each factor’s value', () => {
    const [d1, d2] = stepEquations(classicContext({ kind: 'outputDelta', layer: 2 }));
    expect(d1?.title).toBe('Output δ₁⁽²⁾ = ∂L/∂z₁⁽²⁾');
    expect(d1?.general).toBe(
      "\\delta_{1}^{(2)} = \\frac{\\partial L}{\\partial z_{1}^{(2)}} = \\frac{\\partial L}{\\partial a_{1}^{(2)}}\\cdot \\sigma'(z_{1}^{(2)}) = (a_{1}^{(2)} - y_{1})\\cdot a_{1}^{(2)}(1 - a_{1}^{(2)})",
    );
    expect(d1?.substituted).toBe(
      '= (0.751365 - 0.01)\\cdot 0.751365(1 - 0.751365) = 0.741365\\cdot 0.186816',
    );
    expect(d1?.result).toBe('= 0.138499');
    expect(d2?.substituted).toBe(
      '= (0.772928 - 0.99)\\cdot 0.772928(1 - 0.772928) = (-0.217072)\\cdot 0.17551',
    );
    expect(d2?.result).toBe('= -0.0380982');
  });

  it('writes the hidden δ as the sum over the next layer times σ′', () => {
    const [d1] = stepEquations(classicContext({ kind: 'hiddenDelta', layer: 1, unit: 0 }));
    expect(d1?.title).toContain('multivariable chain rule');
    expect(d1?.general).toBe(
      "\\delta_{1}^{(1)} = \\left(\\sum_{k=1}^{2} w_{1k}^{(2)}\\delta_{k}^{(2)}\\right)\\cdot \\sigma'(z_{1}^{(1)}) = \\left(w_{11}^{(2)}\\delta_{1}^{(2)} + w_{12}^{(2)}\\delta_{2}^{(2)}\\right)\\cdot a_{1}^{(1)}(1 - a_{1}^{(1)})",
    );
    expect(d1?.substituted).toBe(
      '= \\left(0.4\\cdot 0.138499 + 0.5\\cdot (-0.0380982)\\right)\\cdot 0.59327(1 - 0.59327) = 0.0363503\\cdot 0.241301',
    );
    expect(d1?.result).toBe('= 0.00877135');
  });

  it('writes each weight’s and bias’s gradient as a·δ and δ·1', () => {
    const blocks = stepEquations(classicContext({ kind: 'gradients', layer: 2, unit: 0 }));
    expect(blocks.map((b) => b.title)).toEqual([
      'Gradient ∂L/∂w₁₁⁽²⁾',
      'Gradient ∂L/∂w₂₁⁽²⁾',
      'Gradient ∂L/∂b₁⁽²⁾',
    ]);
    const w11 = find(blocks, 'Gradient ∂L/∂w₁₁⁽²⁾');
    expect(w11.general).toBe(
      '\\frac{\\partial L}{\\partial w_{11}^{(2)}} = \\frac{\\partial L}{\\partial z_{1}^{(2)}}\\cdot \\frac{\\partial z_{1}^{(2)}}{\\partial w_{11}^{(2)}} = a_{1}^{(1)}\\,\\delta_{1}^{(2)}',
    );
    expect(w11.substituted).toBe('= 0.59327\\cdot 0.138499');
    expect(w11.result).toBe('= 0.082167');
    const b1 = find(blocks, 'Gradient ∂L/∂b₁⁽²⁾');
    expect(b1.substituted).toBe('= 0.138499\\cdot 1');
    expect(b1.result).toBe('= 0.138499');
    const layer1 = stepEquations(classicContext({ kind: 'gradients', layer: 1 }));
    expect(layer1).toHaveLength(6);
    expect(find(layer1, 'Gradient ∂L/∂w₁₁⁽¹⁾').result).toBe('= 0.000438568');
  });

  it('updates every weight and bias, after a block comparing the loss before and after', () => {
    const ctx = classicContext({ kind: 'update' });
    const updated = applyGradients(classic, ctx.snapshot.grads, 0.5);
    const blocks = stepEquations({
      ...ctx,
      updated: { network: updated, loss: lossOf(updated, classicSamples) },
    });
    expect(blocks).toHaveLength(2 + 12);
    expect(blocks[0]?.title).toBe('Loss after the update: 0.280471 (was 0.298371)');
    expect(blocks[0]?.substituted).toBe('= 0.280471 - 0.298371');
    expect(blocks[0]?.result).toBe('= -0.0178997');
    // The gradient's prediction for the step taken: with SGD, Σ g·(−ηg) = −η Σ g² = −0.0181…,
    // close to the −0.0179 the loss fell by.
    const squares = ctx.snapshot.grads.reduce(
      (sum, g) =>
        sum +
        Array.from(g.dW).reduce((s, row) => s + Array.from(row).reduce((t, x) => t + x * x, 0), 0) +
        Array.from(g.db).reduce((t, x) => t + x * x, 0),
      0,
    );
    expect(blocks[1]?.title).toBe('What the gradient predicts of the change, for the step taken');
    expect(blocks[1]?.general).toBe(
      '\\Delta L \\approx \\sum_{p} \\frac{\\partial L}{\\partial p}\\,\\Delta p',
    );
    expect(blocks[1]?.substituted).toBe(
      '= 0.000438568\\cdot (-0.000219284) + 0.000497713\\cdot (-0.000248856) + 0.000877135\\cdot (-0.000438568) + \\cdots',
    );
    expect(blocks[1]?.result).toBe(`= ${num(-0.5 * squares)}`);
    const w11 = find(blocks, 'Update w₁₁⁽²⁾');
    expect(w11.general).toBe(
      'w_{11}^{(2)} \\leftarrow w_{11}^{(2)} - \\eta\\,\\frac{\\partial L}{\\partial w_{11}^{(2)}}',
    );
    expect(w11.substituted).toBe('= 0.4 - 0.5\\cdot 0.082167');
    expect(w11.result).toBe('= 0.358916');
    expect(find(blocks, 'Update b₂⁽²⁾').substituted).toBe('= 0.6 - 0.5\\cdot (-0.0380982)');
    // Without ctx.updated the same numbers are computed the way the store does.
    expect(stepEquations(ctx)).toEqual(blocks);
  });

  it('gives every step of the pass at least one block, in both granularities', () => {
    for (const granularity of ['layer', 'unit'] as const) {
      for (const step of passSteps(classic, granularity)) {
        expect(stepEquations(classicContext(step)).length).toBeGreaterThan(0);
      }
    }
  });

  it('returns no blocks for a step that names a unit the network does not have', () => {
    expect(stepEquations(classicContext({ kind: 'forward', layer: 1, unit: 5 }))).toEqual([]);
  });
});

describe('lazyStepEquations', () => {
  it('counts every block of a step without building any: no number is read until one is asked for', () => {
    for (const step of passSteps(classic, 'layer')) {
      const ctx = classicContext(step);
      const eager = stepEquations(ctx);
      // The same step, with a snapshot and an update that refuse to be read.
      const untouchable = new Proxy(ctx.snapshot, {
        get() {
          throw new Error('read');
        },
      });
      const lazy = lazyStepEquations({
        ...ctx,
        snapshot: untouchable,
        get updated(): never {
          throw new Error('read');
        },
      });
      expect(lazy.length, step.kind).toBe(eager.length);
      // Built for the real context, each block is the eager one.
      expect(lazyStepEquations(ctx).map((block) => block())).toEqual(eager);
      expect(() => lazy[0]?.(), step.kind).toThrow('read');
    }
  });
});

describe('losses and output δ for each convention', () => {
  const single = (loss: 'sse' | 'mse') => ({ ...classic, loss });

  it('writes SSE without ½ and ∂L/∂a = 2(a − y) (notes 001, 002)', () => {
    const ctx = context(single('sse'), classicSamples, { kind: 'loss' });
    expect(stepEquations(ctx)[0]?.general).toBe(
      'L = \\sum_{j=1}^{2} (a_{j}^{(2)} - y_{j})^2 = (a_{1}^{(2)} - y_{1})^2 + (a_{2}^{(2)} - y_{2})^2',
    );
    const [d1] = stepEquations({ ...ctx, step: { kind: 'outputDelta', layer: 2, unit: 0 } });
    expect(d1?.general).toContain('= 2(a_{1}^{(2)} - y_{1})\\cdot a_{1}^{(2)}(1 - a_{1}^{(2)})');
    expect(d1?.substituted).toBe(
      '= 2(0.751365 - 0.01)\\cdot 0.751365(1 - 0.751365) = 1.48273\\cdot 0.186816',
    );
    expect(d1?.result).toBe('= 0.276997');
  });

  it('writes MSE with 1/K (K outputs) and ∂L/∂a = (2/K)(a − y)', () => {
    const ctx = context(single('mse'), classicSamples, { kind: 'loss' });
    // Over the K = 2 outputs: 1/K, never ½ (the ½ of ½Σ), nor n (the samples' index).
    expect(stepEquations(ctx)[0]?.general).toMatch(
      /^L = \\frac\{1\}\{K\}\\sum_\{j=1\}\^\{K\} .* = \\frac\{1\}\{2\}\\left\[/,
    );
    const [d1] = stepEquations({ ...ctx, step: { kind: 'outputDelta', layer: 2, unit: 0 } });
    // c = 2/K in symbols, K = 2 written out where the numbers are.
    expect(d1?.general).toContain('= \\frac{2}{K}(a_{1}^{(2)} - y_{1})');
    expect(d1?.substituted).toBe(
      '= \\frac{2}{2}(0.751365 - 0.01)\\cdot 0.751365(1 - 0.751365) = 0.741365\\cdot 0.186816',
    );
  });

  it('writes softmax + cross-entropy as δ = a − y when the targets sum to 1, and the batch mean', () => {
    const { network, samples } = NETWORKS[1] as (typeof NETWORKS)[number];
    const ctx = context(network, samples, { kind: 'loss' }, 'standard', 1);
    const [sample, batch] = stepEquations(ctx);
    expect(sample?.title).toBe('Loss of sample 2: cross-entropy');
    expect(sample?.general).toMatch(
      /^L_\{2\} = -\\sum_\{j=1\}\^\{3\} y_\{j\}\\ln\(a_\{j\}\^\{\(2\)\}\)/,
    );
    // Listed, the minus is each term's: a narrow line wraps between the terms.
    expect(sample?.general).toMatch(
      /= -y_\{1\}\\ln\(a_\{1\}\^\{\(2\)\}\) -y_\{2\}\\ln\(a_\{2\}\^\{\(2\)\}\) -y_\{3\}\\ln\(a_\{3\}\^\{\(2\)\}\)$/,
    );
    expect(sample?.substituted).toMatch(
      /^= -0\\cdot \\ln\(0\.\d+\) -1\\cdot \\ln\(0\.\d+\) -0\\cdot \\ln\(0\.\d+\)$/,
    );
    expect(batch?.title).toContain('mean over the 3 samples');
    expect(batch?.general).toBe(
      'L = \\frac{1}{3}\\sum_{n=1}^{3} L_{n} = \\frac{1}{3}\\left(L_{1} + L_{2} + L_{3}\\right)',
    );
    const snapshot = runPass(network, samples);
    expect(batch?.result).toBe(`= ${Number(snapshot.loss.toPrecision(6))}`);
    const [d1] = stepEquations({ ...ctx, step: { kind: 'outputDelta', layer: 2, unit: 1 } });
    expect(d1?.general).toContain(
      '= a_{2}^{(2)} - y_{2} \\quad \\left(\\textstyle\\sum_{k} y_{k} = 1\\right)',
    );
    const a = snapshot.samples[1]?.layers[1]?.a[1] as number;
    expect(d1?.substituted).toBe(`= ${Number(a.toPrecision(6))} - 1`);
  });

  it('writes sigmoid + binary cross-entropy as δ = a − y', () => {
    const { network, samples } = NETWORKS[2] as (typeof NETWORKS)[number];
    const ctx = context(network, samples, { kind: 'outputDelta', layer: 2 });
    const [d] = stepEquations(ctx);
    expect(d?.general).toMatch(/= a_\{1\}\^\{\(2\)\} - y_\{1\}$/);
    expect(d?.substituted).toMatch(/^= 0\.\d+ - 0$/);
    const [loss] = stepEquations({ ...ctx, step: { kind: 'loss' } });
    expect(loss?.general).toBe(
      'L_{1} = -y_{1}\\ln(a_{1}^{(2)}) - (1 - y_{1})\\ln(1 - a_{1}^{(2)})',
    );
  });

  it('writes softmax with a squared loss through its Jacobian', () => {
    const { network, samples } = NETWORKS[4] as (typeof NETWORKS)[number];
    const [d] = stepEquations(
      context(network, samples, { kind: 'outputDelta', layer: 2, unit: 0 }),
    );
    expect(d?.general).toContain(
      'a_{1}^{(2)}\\left(g_{1} - \\sum_{k=1}^{2} a_{k}^{(2)}\\, g_{k}\\right)',
    );
    expect(d?.general).toContain(
      'g_{k} = \\frac{\\partial L}{\\partial a_{k}^{(2)}} = \\frac{2}{K}(a_{k}^{(2)} - y_{k})',
    );
  });

  it('lists each sample’s term of a mean gradient for up to 4 samples, else this sample’s alone', () => {
    const four = NETWORKS[2] as (typeof NETWORKS)[number];
    const [w] = stepEquations(
      context(four.network, four.samples, { kind: 'gradients', layer: 2, unit: 0 }),
    );
    expect(w?.title).toBe('Gradient ∂L/∂w₁₁⁽²⁾ (mean over the 4 samples)');
    expect(w?.general).toBe(
      '\\frac{\\partial L}{\\partial w_{11}^{(2)}} = \\frac{1}{4}\\sum_{n=1}^{4} \\frac{\\partial L_{n}}{\\partial w_{11}^{(2)}} = \\frac{1}{4}\\sum_{n=1}^{4} \\left(a_{1}^{(1)}\\,\\delta_{1}^{(2)}\\right)_{n}',
    );
    expect(w?.substituted.match(/\\cdot /g)).toHaveLength(4);
    const six = NETWORKS[3] as (typeof NETWORKS)[number];
    const [v] = stepEquations(
      context(six.network, six.samples, { kind: 'gradients', layer: 1, unit: 0 }, 'standard', 2),
    );
    expect(v?.substituted).toMatch(
      /^= \\frac\{1\}\{6\}\\left\(\\underbrace\{.*\}_\{n=3\} \+ \\sum_\{n\\neq 3\}/,
    );
  });
});
