/**
 * Pre-activations of ±1000: the cross-entropies are taken from the logits, so losses and gradients
 * stay finite and exact where a naive ln(σ(z)) would give ln 0 = −∞ and NaN gradients. And when
 * numbers do overflow, the engine says so instead of returning NaN.
 */
import { describe, expect, it } from 'vitest';
import {
  applyGradients,
  elementwise,
  lossOf,
  numericalGradients,
  runPass,
  sigmoid,
  train,
  type Activation,
  type Loss,
  type Network,
  type Sample,
} from '../../../src/engine';

/** −0 + 0 is +0: compare signs of zero away. */
const unsign = (values: number[]) => values.map((v) => v + 0);

function finite(values: ArrayLike<number> | undefined) {
  return Array.from(values ?? [NaN]).every(Number.isFinite);
}

/** One layer on a single input x = 2 with zero weights, so z = b and ∂L/∂W = 2δ. */
function huge(activation: Activation, loss: Loss, b: number[], y: number[]) {
  const network: Network = {
    inputSize: 1,
    loss,
    layers: [{ activation, weights: [b.map(() => 0)], biases: b }],
  };
  const snap = runPass(network, [{ x: [2], y }]);
  const layer = snap.samples[0]?.layers[0];
  expect(Number.isFinite(snap.loss)).toBe(true);
  expect(
    finite(layer?.a) &&
      finite(layer?.delta) &&
      finite(snap.grads[0]?.db) &&
      finite(snap.grads[0]?.dW[0]),
  ).toBe(true);
  return {
    loss: snap.loss,
    a: Array.from(layer?.a ?? []),
    delta: Array.from(layer?.delta ?? []),
    dW: Array.from(snap.grads[0]?.dW[0] ?? []),
  };
}

describe('sigmoid + binaryCrossEntropy at z = ±1000', () => {
  it('z = 1000 with y = 0 and z = −1000 with y = 1: loss 1000 each, δ = ±1', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [1000, -1000], [0, 1]);
    expect(r.loss).toBe(2000);
    expect(r.a).toEqual([1, 0]);
    expect(r.delta).toEqual([1, -1]);
    expect(r.dW).toEqual([2, -2]);
  });
  it('confident and right: loss 0, δ = 0', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [1000, -1000], [1, 0]);
    expect(r.loss).toBe(0);
    expect(unsign(r.delta)).toEqual([0, 0]);
  });
  it('a soft target: y = 0.25 at z = 1000 costs 0.75·1000', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [1000], [0.25]);
    expect(r.loss).toBeCloseTo(750, 10);
    expect(r.delta).toEqual([0.75]);
  });
});

describe('softmax + crossEntropy at z = ±1000', () => {
  it('z = [1000, −1000, 0], y = e₂: loss = 2000, δ = a − y = [1, −1, 0]', () => {
    const r = huge('softmax', 'crossEntropy', [1000, -1000, 0], [0, 1, 0]);
    expect(r.loss).toBe(2000);
    expect(r.a).toEqual([1, 0, 0]);
    expect(r.delta).toEqual([1, -1, 0]);
  });
  it('z = [1000, 999, −1000], y = e₁: loss = ln(1 + e⁻¹)', () => {
    const r = huge('softmax', 'crossEntropy', [1000, 999, -1000], [1, 0, 0]);
    const p = 1 / (1 + Math.exp(-1));
    expect(r.loss).toBeCloseTo(Math.log1p(Math.exp(-1)), 13);
    expect(r.delta[0]).toBeCloseTo(p - 1, 14);
    expect(r.delta[1]).toBeCloseTo(1 - p, 14);
    expect(r.delta[2]).toBe(0);
  });
});

describe('sigmoid + crossEntropy and tanh + sse at z = ±1000', () => {
  it('sigmoid + crossEntropy: −ln σ(−1000) = 1000, δ = −y(1 − a)', () => {
    const r = huge('sigmoid', 'crossEntropy', [-1000, 1000], [1, 1]);
    expect(r.loss).toBe(1000);
    expect(unsign(r.delta)).toEqual([-1, 0]);
  });
  it("tanh + sse: saturated outputs ±1, loss from a − y, δ = 0 since tanh' = 0", () => {
    const r = huge('tanh', 'sse', [1000, -1000], [0, 0.5]);
    expect(r.a).toEqual([1, -1]);
    expect(r.loss).toBe(3.25);
    expect(unsign(r.delta)).toEqual([0, 0]);
  });
});

describe('saturated hidden layers', () => {
  it.each(['sigmoid', 'tanh', 'softmax'] as const)(
    'hidden %s with biases ±1000 gives finite, exact gradients',
    (hidden) => {
      const network: Network = {
        inputSize: 2,
        loss: 'binaryCrossEntropy',
        layers: [
          {
            activation: hidden,
            weights: [
              [0.5, -0.5],
              [1, 1],
            ],
            biases: [1000, -1000],
          },
          { activation: 'sigmoid', weights: [[700], [-300]], biases: [0] },
        ],
      };
      const snap = runPass(network, [{ x: [1, -1], y: [0] }]);
      const a1 = Array.from(snap.samples[0]?.layers[0]?.a ?? []);
      // sigmoid and softmax saturate to [1, 0]; tanh to [1, −1].
      const expectedA = hidden === 'tanh' ? [1, -1] : [1, 0];
      expect(a1).toEqual(expectedA);
      const z2 = 700 * (expectedA[0] as number) - 300 * (expectedA[1] as number);
      expect(snap.loss).toBe(z2); // softplus(z2) = z2 for z2 ≥ 700
      expect(Array.from(snap.grads[1]?.dW.map((row) => row[0] as number) ?? [])).toEqual(expectedA);
      // The hidden units are saturated: no gradient reaches their weights.
      expect(unsign(Array.from(snap.grads[0]?.db ?? []))).toEqual([0, 0]);
    },
  );
});

describe('relatively exact in saturation, not just finite (analytic values)', () => {
  /** e^−t/(1 + e^−t) = σ(−t) and 4e^−2t/(1 + e^−2t)² = tanh'(t), accurate in float64 for t > 0. */
  const sigmaMinus = (t: number) => Math.exp(-t) / (1 + Math.exp(-t));
  const sech2 = (t: number) => (4 * Math.exp(-2 * t)) / (1 + Math.exp(-2 * t)) ** 2;
  const rel = (actual: number | undefined, expected: number, tolerance = 1e-13) => {
    expect(actual).toBeTypeOf('number');
    expect(expected).not.toBe(0);
    expect(Math.abs((actual as number) - expected) / Math.abs(expected)).toBeLessThanOrEqual(
      tolerance,
    );
  };

  it('binary cross-entropy, right and confident: loss ln(1 + e^−|z|), δ = ∓σ(−|z|), not 0', () => {
    for (const t of [40, 100, 700]) {
      const r = huge('sigmoid', 'binaryCrossEntropy', [t, -t], [1, 0]);
      rel(r.loss, 2 * Math.log1p(Math.exp(-t)));
      rel(r.delta[0], -sigmaMinus(t));
      rel(r.delta[1], sigmaMinus(t));
      rel(r.dW[0], -2 * sigmaMinus(t));
    }
  });

  it('binary cross-entropy with a soft target at z = 800: (1 − y)·z + ln(1 + e^−z), δ = 1 − y', () => {
    const r = huge('sigmoid', 'binaryCrossEntropy', [800], [0.3]);
    rel(r.loss, 0.7 * 800);
    rel(r.delta[0], 0.7, 1e-15);
  });

  it('sigmoid + cross-entropy at z = 40: loss ln(1 + e^−40), δ = −σ(−40)', () => {
    const r = huge('sigmoid', 'crossEntropy', [40], [1]);
    rel(r.loss, Math.log1p(Math.exp(-40)));
    rel(r.delta[0], -sigmaMinus(40));
  });

  it('softmax + cross-entropy at z = [40, 0, −1000], y = e₁: loss ≈ e^−40, δ₁ = −(1 − a₁), not 0', () => {
    const r = huge('softmax', 'crossEntropy', [40, 0, -1000], [1, 0, 0]);
    const rest = Math.exp(-40) + Math.exp(-1040);
    rel(r.loss, Math.log1p(rest));
    rel(r.delta[0], -rest / (1 + rest));
    rel(r.delta[1], Math.exp(-40) / (1 + rest));
    expect(r.delta[2]).toBe(0); // e^−1040 is below the smallest float64
  });

  it('softmax + cross-entropy, a soft target at z = [700, 0]: δ = a·Σy − y with 1 − a₁ = e^−700/(1 + e^−700)', () => {
    const r = huge('softmax', 'crossEntropy', [700, 0], [0.25, 0.5]);
    const small = sigmaMinus(700);
    rel(r.loss, 0.25 * Math.log1p(Math.exp(-700)) + 0.5 * (700 + Math.log1p(Math.exp(-700))));
    rel(r.delta[0], (1 - small) * 0.75 - 0.25);
    rel(r.delta[1], small * 0.75 - 0.5);
  });

  it("sigmoid and tanh outputs with squared error: δ carries f'(z) = σ(z)σ(−z) or sech² z, not 0", () => {
    const s = huge('sigmoid', 'halfSse', [40], [0.5]);
    rel(s.delta[0], 0.5 * (1 - sigmaMinus(40)) * sigmaMinus(40));
    const t = huge('tanh', 'halfSse', [-20, 300], [0, 0]);
    rel(t.delta[0], -1 * sech2(20));
    rel(t.delta[1], 1 * sech2(300));
  });

  it("elementwise f' (what the equations show) is relatively exact too, and equals the kernel's", () => {
    for (const z of [-300, -20, -3, -0.5, 0, 0.5, 3, 20, 300]) {
      const t = Math.abs(z);
      rel(elementwise.tanh.df(z, Math.tanh(z)), t === 0 ? 1 : sech2(t), 1e-14);
      const sigmoidPrime = sigmaMinus(t) * (1 - sigmaMinus(t));
      rel(elementwise.sigmoid.df(z, sigmoid(z)), sigmoidPrime, 1e-14);
      // halfSse on one linear-free unit: δ = (a − y)·f'(z) with y = a − 1, so δ = f'(z)
      for (const activation of ['tanh', 'sigmoid'] as const) {
        const a = activation === 'tanh' ? Math.tanh(z) : sigmoid(z);
        const r = huge(activation, 'halfSse', [z], [a - 1]);
        expect(r.delta[0]).toBe(elementwise[activation].df(z, a));
      }
    }
  });

  it('a saturated hidden tanh (z = 300) and a saturated hidden softmax still pass back their tiny δ', () => {
    const tanhHidden: Network = {
      inputSize: 1,
      loss: 'halfSse',
      layers: [
        { activation: 'tanh', weights: [[0]], biases: [300] },
        { activation: 'linear', weights: [[2]], biases: [0] },
      ],
    };
    const snap = runPass(tanhHidden, [{ x: [1], y: [0] }]);
    // a₂ = 2·tanh(300) = 2, δ₂ = 2, δ₁ = w·δ₂·sech²(300)
    rel(snap.samples[0]?.layers[0]?.delta[0], 2 * 2 * sech2(300));

    const softmaxHidden: Network = {
      inputSize: 1,
      loss: 'halfSse',
      layers: [
        { activation: 'softmax', weights: [[0, 0]], biases: [40, 0] },
        { activation: 'linear', weights: [[1], [3]], biases: [0] },
      ],
    };
    const snap2 = runPass(softmaxHidden, [{ x: [1], y: [0] }]);
    // g = ∂L/∂a₁ = out·[1, 3]; δ_j = a_j (g_j − Σ a_k g_k); for unit 1: a₁a₂(g₁ − g₂)
    const a2 = sigmaMinus(40);
    const a1 = 1 - a2;
    const out = a1 + 3 * a2;
    rel(snap2.samples[0]?.layers[0]?.delta[0], a1 * a2 * (out - 3 * out), 1e-12);
    rel(snap2.samples[0]?.layers[0]?.delta[1], a2 * a1 * (3 * out - out), 1e-12);
  });
});

describe('overflow is reported, naming where, not returned as NaN or ±Infinity', () => {
  const big: Network = {
    inputSize: 1,
    loss: 'sse',
    layers: [
      { activation: 'linear', weights: [[1e200]], biases: [0] },
      { activation: 'linear', weights: [[1e200]], biases: [0] },
    ],
  };
  const batch: Sample[] = [
    { x: [0], y: [0] },
    { x: [1], y: [0] },
  ];

  it('runPass: the first value that overflowed, by sample, layer and unit', () => {
    expect(() => runPass(big, batch)).toThrow(
      /^Sample 2, layer 2: z\[1\] overflowed to Infinity: the values grew too large/,
    );
  });
  it('runPass: an infinite z hidden behind a saturating tanh is still reported', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [
        { activation: 'tanh', weights: [[1e200]], biases: [0] },
        { activation: 'linear', weights: [[1]], biases: [0] },
      ],
    };
    // z = 1e200 · 1e200 = Infinity, yet tanh(Infinity) = 1 and the loss would be a finite 1.
    expect(() => runPass(network, [{ x: [1e200], y: [0] }])).toThrow(
      /Sample 1, layer 1: z\[1\] overflowed to Infinity/,
    );
  });
  it('runPass: a loss that overflows although every z and a is finite', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1e160]], biases: [0] }],
    };
    expect(() => runPass(network, [{ x: [1e160], y: [0] }])).toThrow(
      /^Sample 1, layer 1: z\[1\] overflowed to Infinity/,
    );
    expect(() => runPass(network, [{ x: [1e-4], y: [0] }])).toThrow(
      /^Sample 1: the loss overflowed to Infinity/,
    );
  });
  it('lossOf and numericalGradients throw instead of returning Infinity or NaN', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1e160]], biases: [0] }],
    };
    expect(() => lossOf(network, [{ x: [1e-4], y: [0] }])).toThrow(/Sample 1: the loss overflowed/);
    expect(() => numericalGradients(network, [{ x: [1e-4], y: [0] }])).toThrow(/overflowed/);
    const fine: Network = {
      ...network,
      layers: [{ activation: 'linear', weights: [[1]], biases: [0] }],
    };
    expect(() => numericalGradients(fine, [{ x: [1], y: [0] }], 0)).toThrow(/step h is 0/);
    expect(() => numericalGradients(fine, [{ x: [1], y: [0] }], NaN)).toThrow(/step h is NaN/);
    // h so large that L(θ ± h) overflows: named, not NaN
    expect(() => numericalGradients(fine, [{ x: [1], y: [0] }], 1e200)).toThrow(
      /Sample 1: the loss overflowed/,
    );
  });
  it('the mean of finite per-sample losses can still overflow: reported as the mean loss', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1.3e154]], biases: [0] }],
    };
    // each loss (1.3e154)² = 1.69e308 is finite; their sum is not
    const two = [
      { x: [1], y: [0] },
      { x: [-1], y: [0] },
    ];
    expect(Number.isFinite(lossOf(network, two.slice(0, 1)))).toBe(true);
    expect(() => lossOf(network, two)).toThrow(/^The mean loss overflowed to Infinity/);
    expect(() => runPass(network, two)).toThrow(/^The mean loss overflowed to Infinity/);
  });
  it('applyGradients: the weight that overflowed, by layer, row and column', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1, 2]], biases: [0, 0] }],
    };
    const grads = [{ dW: [[0, 1e300]], db: [0, 0] }];
    expect(() => applyGradients(network, grads, 1e300)).toThrow(
      /^Layer 1: weight w\[1\]\[2\] overflowed to -Infinity/,
    );
  });
  it('train: diverging weights end in an error naming the epoch, layer and weight', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[1]], biases: [0] }],
    };
    expect(() =>
      train(network, [{ x: [10], y: [0] }], { learningRate: 1, batchSize: 1, epochs: 400 }),
    ).toThrow(/^Epoch \d+, layer 1: weight w\[1\]\[1\] overflowed to (-?Infinity|NaN)/);
  });
});
