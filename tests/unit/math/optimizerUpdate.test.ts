/**
 * The update step's equations with an optimizer (issue 16): each parameter's state, its rule with
 * the numbers substituted, and its step, in every notation; numbers the engine's own.
 */
import { describe, expect, it } from 'vitest';
import { optimizerStep, type Optimizer } from '../../../src/engine';
import { stepEquations, type EquationBlock } from '../../../src/math';
import { NOTATION_IDS } from '../../../src/math/notations';
import { classicContext } from './fixtures';

const ADAM: Optimizer = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
const titled = (blocks: EquationBlock[], title: string) =>
  blocks.filter((b) => b.title.startsWith(title));

describe('the update step with an optimizer (classic 2-2-2, η = 0.5)', () => {
  it('Adam: m, v, m̂, v̂ and the step of w₁₁⁽²⁾, after a pass that left a state', () => {
    const ctx = classicContext({ kind: 'update' });
    // The state a first pass left: m, v of every parameter, t = 1.
    const first = optimizerStep(ctx.network, ctx.snapshot.grads, 0.5, { optimizer: ADAM });
    const blocks = stepEquations({ ...ctx, optimizer: ADAM, optimizerState: first.state });
    expect(blocks).toHaveLength(2 + 12 * 5);
    const w11 = titled(blocks, 'Update w₁₁⁽²⁾');
    expect(w11.map((b) => b.title)).toEqual([
      'Update w₁₁⁽²⁾: first moment m',
      'Update w₁₁⁽²⁾: second moment v',
      'Update w₁₁⁽²⁾: m̂, the first moment bias-corrected (t = 2)',
      'Update w₁₁⁽²⁾: v̂, the second moment bias-corrected (t = 2)',
      'Update w₁₁⁽²⁾',
    ]);
    expect(w11.map((b) => b.general)).toEqual([
      'm_{w_{11}^{(2)}} \\leftarrow \\beta_1\\,m_{w_{11}^{(2)}} + (1 - \\beta_1)\\,\\frac{\\partial L}{\\partial w_{11}^{(2)}}',
      'v_{w_{11}^{(2)}} \\leftarrow \\beta_2\\,v_{w_{11}^{(2)}} + (1 - \\beta_2)\\left(\\frac{\\partial L}{\\partial w_{11}^{(2)}}\\right)^2',
      '\\hat{m}_{w_{11}^{(2)}} = \\frac{m_{w_{11}^{(2)}}}{1 - \\beta_1^{t}}',
      '\\hat{v}_{w_{11}^{(2)}} = \\frac{v_{w_{11}^{(2)}}}{1 - \\beta_2^{t}}',
      'w_{11}^{(2)} \\leftarrow w_{11}^{(2)} - \\eta\\,\\frac{\\hat{m}_{w_{11}^{(2)}}}{\\sqrt{\\hat{v}_{w_{11}^{(2)}}} + \\epsilon}',
    ]);
    // The same gradient g = 0.082167 again, on top of m = 0.1g, v = 0.001g²: m̂ = g, v̂ = g², and
    // the step is η·g/(|g| + ε) ≈ η = 0.5.
    expect(w11.map((b) => [b.substituted, b.result])).toEqual([
      ['= 0.9\\cdot 0.0082167 + (1 - 0.9)\\cdot 0.082167', '= 0.0156117'],
      [
        '= 0.999\\cdot (6.75142\\times10^{-6}) + (1 - 0.999)\\cdot 0.082167^2',
        '= 1.34961\\times10^{-5}',
      ],
      ['= \\frac{0.0156117}{1 - 0.9^{2}}', '= 0.082167'],
      ['= \\frac{1.34961\\times10^{-5}}{1 - 0.999^{2}}', '= 0.00675142'],
      ['= 0.4 - 0.5\\cdot\\frac{0.082167}{\\sqrt{0.00675142} + 1\\times10^{-8}}', '= -0.0999999'],
    ]);
    const second = optimizerStep(ctx.network, ctx.snapshot.grads, 0.5, {
      optimizer: ADAM,
      state: first.state,
    });
    expect(second.network.layers[1]?.weights[0]?.[0]).toBeCloseTo(-0.0999999391483537, 15);
  });

  it('momentum, Nesterov and RMSProp: the state and the step', () => {
    const ctx = classicContext({ kind: 'update' });
    const rows = (optimizer: Optimizer) =>
      titled(stepEquations({ ...ctx, optimizer }), 'Update w₁₁⁽²⁾').map((b) => [
        b.title,
        b.general,
        b.substituted,
        b.result,
      ]);
    const L = (w: string) => `\\frac{\\partial L}{\\partial ${w}}`;
    const w = 'w_{11}^{(2)}';
    // The first step: v = g, so momentum's step is SGD's.
    expect(rows({ kind: 'momentum', momentum: 0.9 })).toEqual([
      [
        'Update w₁₁⁽²⁾: velocity v',
        `v_{${w}} \\leftarrow \\mu\\,v_{${w}} + ${L(w)}`,
        '= 0.9\\cdot 0 + 0.082167',
        '= 0.082167',
      ],
      [
        'Update w₁₁⁽²⁾',
        `${w} \\leftarrow ${w} - \\eta\\,v_{${w}}`,
        '= 0.4 - 0.5\\cdot 0.082167',
        '= 0.358916',
      ],
    ]);
    // Nesterov looks ahead: 0.4 − 0.5·(g + 0.9g) = 0.4 − 0.5·1.9·0.082167.
    expect(rows({ kind: 'momentum', momentum: 0.9, nesterov: true })[1]).toEqual([
      'Update w₁₁⁽²⁾',
      `${w} \\leftarrow ${w} - \\eta\\left(${L(w)} + \\mu\\,v_{${w}}\\right)`,
      '= 0.4 - 0.5\\cdot\\left(0.082167 + 0.9\\cdot 0.082167\\right)',
      '= 0.321941',
    ]);
    // RMSProp's first step divides by √(0.01 g²) = 0.1|g|: 0.4 − 0.5/0.1 = −4.6.
    expect(rows({ kind: 'rmsprop', alpha: 0.99, epsilon: 1e-8 })).toEqual([
      [
        'Update w₁₁⁽²⁾: mean square v',
        `v_{${w}} \\leftarrow \\rho\\,v_{${w}} + (1 - \\rho)\\left(${L(w)}\\right)^2`,
        '= 0.99\\cdot 0 + (1 - 0.99)\\cdot 0.082167^2',
        '= 6.75142\\times10^{-5}',
      ],
      [
        'Update w₁₁⁽²⁾',
        `${w} \\leftarrow ${w} - \\eta\\,\\frac{${L(w)}}{\\sqrt{v_{${w}}} + \\epsilon}`,
        '= 0.4 - 0.5\\cdot\\frac{0.082167}{\\sqrt{6.75142\\times10^{-5}} + 1\\times10^{-8}}',
        '= -4.59999',
      ],
    ]);
  });

  it('in every notation, with its own symbols for the parameter and the rate', () => {
    for (const notation of NOTATION_IDS) {
      const ctx = classicContext({ kind: 'update' }, notation);
      const blocks = stepEquations({ ...ctx, optimizer: ADAM });
      expect(blocks.length).toBeGreaterThanOrEqual(2 + 12 * 5);
      const steps = blocks.filter(
        (b) => b.general.includes('\\hat{m}') && b.general.includes('\\leftarrow'),
      );
      expect(steps.length, notation).toBe(12);
      for (const b of blocks) expect(b.result, `${notation}: ${b.title}`).not.toContain('NaN');
    }
  });
});
