import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { runPass, type Network } from '../../../src/engine';
import { NOTATION_IDS, notationFor, stepEquations, stepTitle, texNumber } from '../../../src/math';
import { createAppStore, EXAMPLES } from '../../../src/store';
import { learnerSchema } from '../../../src/store/schema';
import { context } from './fixtures';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));
const chain = EXAMPLES.find((e) => e.id === 'chain-1-1-1-1');
if (!chain) throw new Error('no chain example');
const at = (step: Parameters<typeof context>[2]) =>
  stepEquations(context(chain.network, chain.samples, step, 'chain', 0, 1));

// The 1-1-1-1 chain by hand: x = 1, y = 1; w = 0.8, −1.2, 1.5; b = 0.1, 0.4, −0.3; sigmoid;
// C = (a⁽ᴸ⁾ − y)². Layers 1, 2, 3 are L−2, L−1, L.
const a1 = sigma(0.8 * 1 + 0.1); // 0.71095
const a2 = sigma(-1.2 * a1 + 0.4); // 0.388615
const a3 = sigma(1.5 * a2 - 0.3); // 0.570262
const dCda3 = 2 * (a3 - 1); // −0.859475
const s3 = a3 * (1 - a3); // σ′(z⁽ᴸ⁾) = 0.245063
const dCdz3 = s3 * dCda3; // −0.210626
const dCda2 = 1.5 * s3 * dCda3; // ∂C/∂a⁽ᴸ⁻¹⁾ = w⁽ᴸ⁾σ′(z⁽ᴸ⁾)·2(a⁽ᴸ⁾ − y) = −0.315939
const s2 = a2 * (1 - a2); // 0.237593
const t = (x: number) => texNumber(x);

describe("note 002's notation: C, layers from the output, link by link", () => {
  it('is in the registry, so the select, the saved-work schema and the store take it', () => {
    expect(NOTATION_IDS).toEqual(['standard', 'lfd', 'chain', 'rowVector']);
    const store = createAppStore();
    store.getState().setNotation('chain');
    expect(store.getState().notation).toBe('chain');
    expect(learnerSchema.shape.notation.safeParse('chain').success).toBe(true);
    expect(learnerSchema.shape.notation.safeParse('chainz').success).toBe(false);
  });

  it('the 1-1-1-1 chain example opens in it', () => {
    const store = createAppStore();
    expect(store.getState().loadExample('chain-1-1-1-1')).toBeNull();
    expect(store.getState().notation).toBe('chain');
  });

  it('writes layers from the output, a unit index only where a layer has several units', () => {
    const one = notationFor('chain', chain.network);
    expect(one.tex.activation(3, 0)).toBe('a^{(L)}');
    expect(one.tex.activation(2, 0)).toBe('a^{(L-1)}');
    expect(one.tex.activation(0, 0)).toBe('x');
    expect(one.tex.weight(3, 0, 0)).toBe('w^{(L)}');
    expect(one.tex.bias(1, 0)).toBe('b^{(L-2)}');
    expect(one.tex.delta(3, 0)).toBe('\\frac{\\partial C}{\\partial z^{(L)}}');
    expect(one.tex.target(0)).toBe('y');
    expect(one.tex.loss()).toBe('C');
    expect(one.text.unit('a', 2, 0)).toBe('a⁽ᴸ⁻¹⁾');
    expect(one.text.weight(1, 0, 0)).toBe('w⁽ᴸ⁻²⁾');
    const wide = notationFor('chain', [2, 2, 1]);
    expect(wide.tex.activation(1, 1)).toBe('a_{2}^{(L-1)}');
    expect(wide.tex.activation(0, 1)).toBe('x_{2}');
    expect(wide.tex.weight(2, 1, 0)).toBe('w_{21}^{(L)}');
    expect(wide.tex.activation(2, 0)).toBe('a^{(L)}');
    expect(wide.text.weight(1, 0, 1)).toBe('w₁₂⁽ᴸ⁻¹⁾');
    expect(stepTitle({ kind: 'outputDelta', layer: 2 }, { ...chain.network }, 'chain')).toBe(
      'Output ∂C/∂z — layer 2',
    );
  });

  it('the forward and loss steps: z⁽ᴸ⁾ = w⁽ᴸ⁾a⁽ᴸ⁻¹⁾ + b⁽ᴸ⁾, C = (a⁽ᴸ⁾ − y)²', () => {
    const [z, a] = at({ kind: 'forward', layer: 3 });
    expect(z?.general).toBe('z^{(L)} = w^{(L)}a^{(L-1)} + b^{(L)}');
    expect(z?.substituted).toBe('= 1.5\\cdot 0.388615 + (-0.3)');
    expect(a?.title).toBe('Activation a⁽ᴸ⁾ (sigmoid)');
    expect(a?.result).toBe(`= ${t(a3)}`);
    const [first] = at({ kind: 'forward', layer: 1 });
    expect(first?.general).toBe('z^{(L-2)} = w^{(L-2)}x + b^{(L-2)}');
    const [loss] = at({ kind: 'loss' });
    expect(loss?.general).toBe('C = (a^{(L)} - y)^2');
    expect(loss?.result).toBe(`= ${t((a3 - 1) ** 2)}`);
  });

  it('the output step: ∂C/∂a⁽ᴸ⁾ = 2(a⁽ᴸ⁾ − y), then ∂C/∂z⁽ᴸ⁾ = ∂a⁽ᴸ⁾/∂z⁽ᴸ⁾ · ∂C/∂a⁽ᴸ⁾', () => {
    const [dCda, dCdz] = at({ kind: 'outputDelta', layer: 3 });
    expect(dCda).toEqual({
      title: '∂C/∂a⁽ᴸ⁾: the cost’s derivative',
      general: '\\frac{\\partial C}{\\partial a^{(L)}} = 2(a^{(L)} - y)',
      substituted: '= 2(0.570262 - 1)',
      result: '= -0.859475',
    });
    expect(t(dCda3)).toBe('-0.859475');
    expect(dCdz).toEqual({
      title: 'Output ∂C/∂z⁽ᴸ⁾ = ∂a⁽ᴸ⁾/∂z⁽ᴸ⁾ · ∂C/∂a⁽ᴸ⁾',
      general:
        '\\frac{\\partial C}{\\partial z^{(L)}} = \\frac{\\partial a^{(L)}}{\\partial z^{(L)}}\\cdot \\frac{\\partial C}{\\partial a^{(L)}} = ' +
        "\\sigma'(z^{(L)})\\cdot 2(a^{(L)} - y) = a^{(L)}(1 - a^{(L)})\\cdot 2(a^{(L)} - y)",
      substituted: '= 0.570262(1 - 0.570262)\\cdot (-0.859475) = 0.245063\\cdot (-0.859475)',
      result: '= -0.210626',
    });
    expect([t(s3), t(dCdz3)]).toEqual(['0.245063', '-0.210626']);
  });

  it('the hidden step names ∂C/∂a⁽ᴸ⁻¹⁾ = ∂z⁽ᴸ⁾/∂a⁽ᴸ⁻¹⁾ · ∂a⁽ᴸ⁾/∂z⁽ᴸ⁾ · ∂C/∂a⁽ᴸ⁾ = w⁽ᴸ⁾σ′(z⁽ᴸ⁾)·2(a⁽ᴸ⁾ − y)', () => {
    const [dCda, dCdz] = at({ kind: 'hiddenDelta', layer: 2 });
    expect(dCda).toEqual({
      title: '∂C/∂a⁽ᴸ⁻¹⁾: back along the links from layer 3',
      general:
        '\\frac{\\partial C}{\\partial a^{(L-1)}} = \\frac{\\partial z^{(L)}}{\\partial a^{(L-1)}}\\cdot \\frac{\\partial a^{(L)}}{\\partial z^{(L)}}\\cdot \\frac{\\partial C}{\\partial a^{(L)}} = ' +
        "w^{(L)}\\sigma'(z^{(L)})\\cdot 2(a^{(L)} - y)",
      substituted: '= 1.5\\cdot 0.245063\\cdot (-0.859475)',
      result: '= -0.315939',
    });
    expect(t(dCda2)).toBe('-0.315939');
    expect(dCdz?.general).toBe(
      '\\frac{\\partial C}{\\partial z^{(L-1)}} = \\frac{\\partial a^{(L-1)}}{\\partial z^{(L-1)}}\\cdot \\frac{\\partial C}{\\partial a^{(L-1)}} = ' +
        "\\sigma'(z^{(L-1)})\\cdot \\frac{\\partial C}{\\partial a^{(L-1)}} = a^{(L-1)}(1 - a^{(L-1)})\\cdot \\frac{\\partial C}{\\partial a^{(L-1)}}",
    );
    expect(dCdz?.result).toBe(`= ${t(s2 * dCda2)}`);
    // Further back, the last factor is the ∂C/∂a the step before found.
    const [back] = at({ kind: 'hiddenDelta', layer: 1 });
    expect(back?.general).toBe(
      '\\frac{\\partial C}{\\partial a^{(L-2)}} = \\frac{\\partial z^{(L-1)}}{\\partial a^{(L-2)}}\\cdot \\frac{\\partial a^{(L-1)}}{\\partial z^{(L-1)}}\\cdot \\frac{\\partial C}{\\partial a^{(L-1)}} = ' +
        "w^{(L-1)}\\sigma'(z^{(L-1)})\\cdot \\frac{\\partial C}{\\partial a^{(L-1)}}",
    );
    expect(back?.substituted).toBe('= (-1.2)\\cdot 0.237593\\cdot (-0.315939)');
    expect(back?.result).toBe(`= ${t(-1.2 * s2 * dCda2)}`);
  });

  it('the gradients: ∂C/∂w⁽ᴸ⁾ = ∂z⁽ᴸ⁾/∂w⁽ᴸ⁾ · ∂a⁽ᴸ⁾/∂z⁽ᴸ⁾ · ∂C/∂a⁽ᴸ⁾ = a⁽ᴸ⁻¹⁾σ′(z⁽ᴸ⁾)·2(a⁽ᴸ⁾ − y)', () => {
    const [w, b] = at({ kind: 'gradients', layer: 3 });
    expect(w).toEqual({
      title: 'Gradient ∂C/∂w⁽ᴸ⁾ = ∂z/∂w · ∂a/∂z · ∂C/∂a',
      general:
        '\\frac{\\partial C}{\\partial w^{(L)}} = \\frac{\\partial z^{(L)}}{\\partial w^{(L)}}\\cdot \\frac{\\partial a^{(L)}}{\\partial z^{(L)}}\\cdot \\frac{\\partial C}{\\partial a^{(L)}} = ' +
        "a^{(L-1)}\\,\\sigma'(z^{(L)})\\cdot 2(a^{(L)} - y)",
      substituted: '= 0.388615\\cdot 0.245063\\cdot (-0.859475)',
      result: `= ${t(a2 * s3 * dCda3)}`,
    });
    expect(b?.general).toBe(
      '\\frac{\\partial C}{\\partial b^{(L)}} = \\frac{\\partial z^{(L)}}{\\partial b^{(L)}}\\cdot \\frac{\\partial a^{(L)}}{\\partial z^{(L)}}\\cdot \\frac{\\partial C}{\\partial a^{(L)}} = ' +
        "1\\cdot \\sigma'(z^{(L)})\\cdot 2(a^{(L)} - y)",
    );
    expect(b?.substituted).toBe('= 1\\cdot 0.245063\\cdot (-0.859475)');
    const [first] = at({ kind: 'gradients', layer: 1 });
    expect(first?.general).toMatch(
      /= x\\,\\sigma'\(z\^\{\(L-2\)\}\)\\cdot \\frac\{\\partial C\}\{\\partial a\^\{\(L-2\)\}\}$/,
    );
    // Every result is backprop's own gradient.
    const grads = runPass(chain.network, chain.samples).grads;
    expect(first?.result).toBe(`= ${t(grads[0]?.dW[0]?.[0] as number)}`);
    expect(w?.result).toBe(`= ${t(grads[2]?.dW[0]?.[0] as number)}`);
  });

  it('works for any network: sums over the next layer’s units, j and k as in the standard notation', () => {
    const network: Network = {
      inputSize: 2,
      loss: 'mse',
      layers: [
        {
          activation: 'tanh',
          weights: [
            [0.5, -0.3],
            [0.2, 0.8],
          ],
          biases: [0.1, -0.1],
        },
        {
          activation: 'sigmoid',
          weights: [
            [1.1, 0.4],
            [-0.7, 0.3],
          ],
          biases: [0.2, 0],
        },
      ],
    };
    const samples = [
      { x: [1, 0.5], y: [1, 0] },
      { x: [0, 1], y: [0, 1] },
    ];
    const snapshot = runPass(network, samples);
    const ctx = (step: Parameters<typeof context>[2]) =>
      context(network, samples, step, 'chain', 1);
    const [dCda] = stepEquations(ctx({ kind: 'hiddenDelta', layer: 1, unit: 1 }));
    expect(dCda?.general).toBe(
      '\\frac{\\partial C_{2}}{\\partial a_{2}^{(L-1)}} = \\sum_{k=1}^{2} \\frac{\\partial z_{k}^{(L)}}{\\partial a_{2}^{(L-1)}}\\cdot \\frac{\\partial a_{k}^{(L)}}{\\partial z_{k}^{(L)}}\\cdot \\frac{\\partial C_{2}}{\\partial a_{k}^{(L)}} = ' +
        "\\sum_{k=1}^{2} w_{2k}^{(L)}\\sigma'(z_{k}^{(L)})\\cdot \\frac{2}{K}(a_{k}^{(L)} - y_{k})",
    );
    const deltas = (l: number) => Array.from(snapshot.samples[1]?.layers[l - 1]?.delta ?? []);
    // The ∂C/∂z blocks give the engine's δ, unit by unit.
    for (const [kind, layer] of [
      ['outputDelta', 2],
      ['hiddenDelta', 1],
    ] as const) {
      const results = stepEquations(ctx({ kind, layer }))
        .filter((b) => !b.title.startsWith('∂'))
        .map((b) => b.result);
      expect(results).toEqual(deltas(layer).map((d) => `= ${t(d)}`));
    }
    const gradients = stepEquations(ctx({ kind: 'gradients', layer: 1 }));
    expect(gradients[0]?.title).toBe(
      'Gradient ∂C/∂w₁₁⁽ᴸ⁻¹⁾ = ∂z/∂w · ∂a/∂z · ∂C/∂a (mean over the 2 samples)',
    );
    expect(gradients[0]?.result).toBe(`= ${t(snapshot.grads[0]?.dW[0]?.[0] as number)}`);
    for (const block of gradients) {
      for (const tex of [block.general, block.substituted, block.result]) {
        expect(() => katex.renderToString(tex, { throwOnError: true })).not.toThrow();
      }
    }
  });
});
