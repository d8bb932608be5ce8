import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { Network } from '../../../src/engine';
import { fullChainEquation } from '../../../src/math';
import { EXAMPLES } from '../../../src/store';
import { classicContext, context, NETWORKS, NOTATION_IDS } from './fixtures';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const chain = EXAMPLES.find((e) => e.id === 'chain-1-1-1-1');
if (!chain) throw new Error('no chain example');

describe("fullChainEquation: note 002's product, factor by factor", () => {
  it('writes the 1-1-1-1 chain for w⁽¹⁾ with every factor, worked by hand', () => {
    // x = 1, y = 1; w = 0.8, −1.2, 1.5; b = 0.1, 0.4, −0.3; sigmoid; C = (a⁽³⁾ − y)².
    const a1 = sigma(0.8 + 0.1);
    const a2 = sigma(-1.2 * a1 + 0.4);
    const a3 = sigma(1.5 * a2 - 0.3);
    const factors = [2 * (a3 - 1), a3 * (1 - a3), 1.5, a2 * (1 - a2), -1.2, a1 * (1 - a1), 1];
    const expected = factors.reduce((p, f) => p * f, 1);
    const ctx = context(chain.network, chain.samples, { kind: 'update' });
    const block = fullChainEquation(ctx, { kind: 'weight', layer: 1, from: 0, to: 0 });
    expect(block?.general).toBe(
      '\\frac{\\partial L}{\\partial w_{11}^{(1)}} = ' +
        '\\frac{\\partial L}{\\partial a_{1}^{(3)}}\\cdot \\frac{\\partial a_{1}^{(3)}}{\\partial z_{1}^{(3)}}\\cdot ' +
        '\\frac{\\partial z_{1}^{(3)}}{\\partial a_{1}^{(2)}}\\cdot \\frac{\\partial a_{1}^{(2)}}{\\partial z_{1}^{(2)}}\\cdot ' +
        '\\frac{\\partial z_{1}^{(2)}}{\\partial a_{1}^{(1)}}\\cdot \\frac{\\partial a_{1}^{(1)}}{\\partial z_{1}^{(1)}}\\cdot ' +
        '\\frac{\\partial z_{1}^{(1)}}{\\partial w_{11}^{(1)}} = ' +
        "2(a_{1}^{(3)} - y_{1})\\cdot \\sigma'(z_{1}^{(3)})\\cdot w_{11}^{(3)}\\cdot \\sigma'(z_{1}^{(2)})\\cdot " +
        "w_{11}^{(2)}\\cdot \\sigma'(z_{1}^{(1)})\\cdot x_{1}",
    );
    expect(block?.result).toBe(`= ${expected.toPrecision(6).replace(/0+$/, '')}`);
    // …and it is backprop's own gradient.
    expect(expected).toBeCloseTo(ctx.snapshot.grads[0]?.dW[0]?.[0] as number, 14);
    expect(block?.substituted.split('\\cdot ')).toHaveLength(7);
  });

  it('the bias chain ends in ∂z/∂b = 1; x₀ = 1 in the LFD notation', () => {
    const ctx = context(chain.network, chain.samples, { kind: 'update' }, 'lfd');
    const block = fullChainEquation(ctx, { kind: 'bias', layer: 2, unit: 0 });
    expect(block?.general).toMatch(/x_\{0\}\^\{\(1\)\}$/);
    expect(Number(block?.result.slice(2))).toBeCloseTo(ctx.snapshot.grads[1]?.db[0] as number, 5);
  });

  it('sums over the paths when they fan out: one product of local derivatives per output', () => {
    const ctx = classicContext({ kind: 'update' }); // two outputs: two paths from w₁₁⁽¹⁾ to L
    const paths = fullChainEquation(ctx, { kind: 'weight', layer: 1, from: 0, to: 0 });
    expect(paths?.general).toBe(
      '\\frac{\\partial L}{\\partial w_{11}^{(1)}} = \\sum_{k=1}^{2} ' +
        '\\frac{\\partial L}{\\partial a_{k}^{(2)}}\\cdot \\frac{\\partial a_{k}^{(2)}}{\\partial z_{k}^{(2)}}\\cdot ' +
        '\\frac{\\partial z_{k}^{(2)}}{\\partial a_{1}^{(1)}}\\cdot \\frac{\\partial a_{1}^{(1)}}{\\partial z_{1}^{(1)}}\\cdot ' +
        '\\frac{\\partial z_{1}^{(1)}}{\\partial w_{11}^{(1)}} = \\sum_{k=1}^{2} ' +
        "(a_{k}^{(2)} - y_{k})\\cdot \\sigma'(z_{k}^{(2)})\\cdot w_{1k}^{(2)}\\cdot \\sigma'(z_{1}^{(1)})\\cdot x_{1} = " +
        "(a_{1}^{(2)} - y_{1})\\cdot \\sigma'(z_{1}^{(2)})\\cdot w_{11}^{(2)}\\cdot \\sigma'(z_{1}^{(1)})\\cdot x_{1} + " +
        "(a_{2}^{(2)} - y_{2})\\cdot \\sigma'(z_{2}^{(2)})\\cdot w_{12}^{(2)}\\cdot \\sigma'(z_{1}^{(1)})\\cdot x_{1}",
    );
    expect(paths?.substituted.split(' + ')).toHaveLength(3); // two paths, then their two products
    expect(Number(paths?.result.slice(2))).toBeCloseTo(
      ctx.snapshot.grads[0]?.dW[0]?.[0] as number,
      6,
    );
    const chainCtx = context(chain.network, chain.samples, { kind: 'update' });
    expect(fullChainEquation(chainCtx, { kind: 'weight', layer: 3, from: 0, to: 0 })).toBeNull();
    expect(fullChainEquation(chainCtx, { kind: 'unit', layer: 1, unit: 0 })).toBeNull();
    // A 2-2-1 network: a hidden weight has one path to the loss.
    const net: Network = {
      inputSize: 2,
      loss: 'halfSse',
      layers: [
        {
          activation: 'tanh',
          weights: [
            [0.5, -0.3],
            [0.2, 0.8],
          ],
          biases: [0.1, -0.1],
        },
        { activation: 'sigmoid', weights: [[1.1], [-0.7]], biases: [0.2] },
      ],
    };
    const small = context(net, [{ x: [1, 0.5], y: [1] }], { kind: 'update' });
    const block = fullChainEquation(small, { kind: 'weight', layer: 1, from: 1, to: 1 });
    expect(Number(block?.result.slice(2))).toBeCloseTo(
      small.snapshot.grads[0]?.dW[1]?.[1] as number,
      5,
    );
  });

  it('writes the first paths and the last when there are many, and sums all of them', () => {
    const large = NETWORKS.find((n) => n.name.startsWith('16-16-10'));
    if (!large) throw new Error('no large network');
    const ctx = context(large.network, large.samples, { kind: 'update' });
    const block = fullChainEquation(ctx, { kind: 'weight', layer: 1, from: 2, to: 3 });
    expect(block?.title).toContain('its 10 paths'); // one per output unit; softmax folds into δ
    expect(block?.substituted).toContain('\\cdots');
    expect(Number(block?.result.slice(2))).toBeCloseTo(
      (ctx.snapshot.samples[0]?.layers[0]?.delta[3] ?? NaN) * (large.samples[0]?.x[2] ?? NaN),
      5,
    );
  });

  it('typesets in every notation', () => {
    for (const notation of NOTATION_IDS) {
      const ctx = context(chain.network, chain.samples, { kind: 'update' }, notation);
      const block = fullChainEquation(ctx, { kind: 'weight', layer: 1, from: 0, to: 0 });
      for (const tex of [block?.general, block?.substituted, block?.result]) {
        expect(() => katex.renderToString(tex ?? '', { throwOnError: true })).not.toThrow();
      }
    }
  });
});
