/**
 * Each loss and each activation on its own, with numbers worked out by hand. A one-layer network
 * with input x = 0 makes z equal to the biases exactly, so every expected value is a short formula.
 */
import { describe, expect, it } from 'vitest';
import {
  LEAKY_RELU_SLOPE,
  lossOf,
  numericalGradients,
  runPass,
  sigmoid,
  softplus,
  squaredErrorFactor,
  type Activation,
  type Loss,
  type Network,
} from '../../../src/engine';

function expectRel(actual: number | undefined, expected: number, rel = 1e-14) {
  expect(actual).toBeTypeOf('number');
  const err = Math.abs((actual as number) - expected);
  if (!(err <= rel * Math.abs(expected) + 1e-300)) {
    throw new Error(`${actual} is not ${expected} to ${rel} relative (error ${err})`);
  }
}

function expectAll(actual: ArrayLike<number> | undefined, expected: number[], rel = 1e-14) {
  expect(actual?.length).toBe(expected.length);
  expected.forEach((v, j) => expectRel(actual?.[j], v, rel));
}

/** Output layer only, z = b, for one sample with target y. */
function single(activation: Activation, loss: Loss, b: number[], y: number[]) {
  const network: Network = {
    inputSize: 1,
    loss,
    layers: [{ activation, weights: [b.map(() => 0.5)], biases: b }],
  };
  const snap = runPass(network, [{ x: [0], y }]);
  const layer = snap.samples[0]?.layers[0];
  return { loss: snap.loss, z: layer?.z, a: layer?.a, delta: layer?.delta, grads: snap.grads[0] };
}

describe('squared errors: sse = Σ(a−y)², halfSse = ½Σ(a−y)², mse = (1/K)Σ(a−y)² over K outputs', () => {
  const b = [0.5, -1, 2];
  const y = [0, 1, 1];
  const diff = [0.5, -2, 1]; // a − y with linear outputs; Σ diff² = 5.25

  it('sse', () => {
    const r = single('linear', 'sse', b, y);
    expectRel(r.loss, 5.25);
    expectAll(
      r.delta,
      diff.map((d) => 2 * d),
    );
  });
  it('halfSse', () => {
    const r = single('linear', 'halfSse', b, y);
    expectRel(r.loss, 2.625);
    expectAll(r.delta, diff);
  });
  it('mse', () => {
    const r = single('linear', 'mse', b, y);
    expectRel(r.loss, 1.75);
    expectAll(
      r.delta,
      diff.map((d) => (2 / 3) * d),
    );
  });
  it('squaredErrorFactor is the c of ∂L/∂a = c(a − y)', () => {
    expect(squaredErrorFactor('sse', 3)).toBe(2);
    expect(squaredErrorFactor('halfSse', 3)).toBe(1);
    expect(squaredErrorFactor('mse', 4)).toBe(0.5);
  });
  it('the weight gradient is a_prev·δ and the bias gradient is δ', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'halfSse',
      layers: [{ activation: 'linear', weights: [[2, -1]], biases: [0.5, 0] }],
    };
    const snap = runPass(network, [{ x: [3], y: [1, 1] }]);
    // a = [6.5, −3], a − y = [5.5, −4]
    expectAll(snap.grads[0]?.dW[0], [16.5, -12]);
    expectAll(snap.grads[0]?.db, [5.5, -4]);
  });
});

describe('cross-entropies', () => {
  it('binaryCrossEntropy = −Σ[y ln a + (1−y) ln(1−a)], δ = a − y', () => {
    const b = [0.3, -1.2];
    const y = [0.8, 0];
    const a = b.map((z) => 1 / (1 + Math.exp(-z)));
    const r = single('sigmoid', 'binaryCrossEntropy', b, y);
    const expected = -a.reduce(
      (s, aj, j) => s + (y[j] as number) * Math.log(aj) + (1 - (y[j] as number)) * Math.log(1 - aj),
      0,
    );
    expectRel(r.loss, expected, 1e-13);
    expectAll(
      r.delta,
      a.map((aj, j) => aj - (y[j] as number)),
      1e-13,
    );
  });

  it('crossEntropy with softmax, one-hot y: −ln a_k, δ = a − y', () => {
    const b = [1, 2, 0.5];
    const e = b.map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    const a = e.map((v) => v / total);
    const r = single('softmax', 'crossEntropy', b, [0, 1, 0]);
    expectAll(r.a, a);
    expectRel(r.loss, -Math.log(a[1] as number), 1e-13);
    expectAll(r.delta, [a[0] as number, (a[1] as number) - 1, a[2] as number], 1e-13);
  });

  it('crossEntropy with softmax, y not summing to 1: −Σ y ln a, δ = a·Σy − y', () => {
    const b = [1, 2, 0.5];
    const y = [0.5, 0.5, 0.5];
    const e = b.map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    const a = e.map((v) => v / total);
    const r = single('softmax', 'crossEntropy', b, y);
    expectRel(r.loss, -a.reduce((s, aj) => s + 0.5 * Math.log(aj), 0), 1e-13);
    expectAll(
      r.delta,
      a.map((aj) => 1.5 * aj - 0.5),
      1e-13,
    );
  });

  it('crossEntropy with sigmoid outputs: −Σ y ln a, δ_j = −y_j(1 − a_j)', () => {
    const b = [0.3, -1];
    const y = [1, 0.25];
    const a = b.map((z) => 1 / (1 + Math.exp(-z)));
    const r = single('sigmoid', 'crossEntropy', b, y);
    expectRel(r.loss, -(Math.log(a[0] as number) + 0.25 * Math.log(a[1] as number)), 1e-13);
    expectAll(r.delta, [-(1 - (a[0] as number)), -0.25 * (1 - (a[1] as number))], 1e-13);
  });
});

describe("activations and their derivatives (sse, δ = 2(a − y) f'(z))", () => {
  const y = [1, 1, 1];

  it("sigmoid: a = 1/(1+e^−z), f' = e^−z/(1+e^−z)²", () => {
    const b = [0, 1.5, -2];
    const r = single('sigmoid', 'sse', b, y);
    const a = b.map((z) => 1 / (1 + Math.exp(-z)));
    expectAll(r.a, a);
    expectAll(
      r.delta,
      b.map((z, j) => 2 * ((a[j] as number) - 1) * (Math.exp(-z) / (1 + Math.exp(-z)) ** 2)),
      1e-13,
    );
  });

  it("tanh: f' = 1/cosh²", () => {
    const b = [0, 0.7, -1.3];
    const r = single('tanh', 'sse', b, y);
    expectAll(r.a, b.map(Math.tanh));
    expectAll(
      r.delta,
      b.map((z) => (2 * (Math.tanh(z) - 1)) / Math.cosh(z) ** 2),
      1e-13,
    );
  });

  it("relu: relu'(0) = 0, 1 above, 0 below", () => {
    const r = single('relu', 'sse', [0, 2, -1], y);
    expectAll(r.a, [0, 2, 0]);
    expectAll(r.delta, [0, 2, 0]);
  });

  it('leakyRelu: slope 0.01 below zero and at zero, 1 above', () => {
    expect(LEAKY_RELU_SLOPE).toBe(0.01);
    const r = single('leakyRelu', 'sse', [0, 2, -1], y);
    expectAll(r.a, [0, 2, -0.01]);
    expectAll(r.delta, [2 * -1 * 0.01, 2, 2 * -1.01 * 0.01]);
  });

  it("linear: a = z, f' = 1", () => {
    const r = single('linear', 'sse', [0.25, -3, 4], y);
    expectAll(r.a, [0.25, -3, 4]);
    expectAll(r.delta, [-1.5, -8, 6]);
  });

  it('softmax with sse goes through the full Jacobian J_jk = a_j(1[j=k] − a_k)', () => {
    const b = [0.2, -0.4, 1.1];
    const t = [0, 1, 0];
    const e = b.map(Math.exp);
    const total = e.reduce((s, v) => s + v, 0);
    const a = e.map((v) => v / total);
    const g = a.map((aj, j) => 2 * (aj - (t[j] as number)));
    const delta = a.map((_, j) =>
      a.reduce(
        (s, ak, k) => s + (k === j ? ak * (1 - ak) : -ak * (a[j] as number)) * (g[k] as number),
        0,
      ),
    );
    const r = single('softmax', 'sse', b, t);
    expectAll(r.a, a);
    expectAll(r.delta, delta, 1e-13);
    // Not the elementwise shortcut a(1 − a)·g, which would differ:
    expect(
      Math.abs(
        (r.delta?.[0] as number) - (a[0] as number) * (1 - (a[0] as number)) * (g[0] as number),
      ),
    ).toBeGreaterThan(1e-3);
  });

  it('a hidden relu at z = 0 passes no gradient back; a hidden leakyRelu passes 0.01 of it', () => {
    for (const [activation, slope] of [
      ['relu', 0],
      ['leakyRelu', 0.01],
    ] as const) {
      const network: Network = {
        inputSize: 1,
        loss: 'sse',
        layers: [
          { activation, weights: [[1]], biases: [0] },
          { activation: 'linear', weights: [[3]], biases: [0.5] },
        ],
      };
      const snap = runPass(network, [{ x: [0], y: [0] }]);
      // a2 = 0.5, ∂C/∂z2 = 1, ∂C/∂a1 = 3, δ1 = 3·slope
      expectAll(snap.samples[0]?.layers[0]?.delta, [3 * slope]);
      expectAll(snap.grads[0]?.db, [3 * slope]);
    }
  });
});

describe('sigmoid and softplus helpers', () => {
  it('sigmoid and softplus agree with their definitions and never overflow', () => {
    for (const z of [-30, -2, 0, 0.5, 30]) expectRel(sigmoid(z), 1 / (1 + Math.exp(-z)), 1e-15);
    for (const z of [-2, 0, 0.5, 3]) expectRel(softplus(z), Math.log(1 + Math.exp(z)), 1e-14);
    expectRel(softplus(-30), Math.exp(-30), 1e-13); // ln(1 + ε) ≈ ε
    expectRel(softplus(30), 30, 1e-13);
    expect(sigmoid(-1000)).toBe(0);
    expect(sigmoid(1000)).toBe(1);
    expect(softplus(1000)).toBe(1000);
    expect(softplus(-1000)).toBe(0);
  });
});

describe('numericalGradients and lossOf', () => {
  it('central differences are exact (to rounding) on a quadratic: L = (wx + b − y)²', () => {
    const [w, b, x, y] = [0.75, -0.5, 2, 0.3];
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[w]], biases: [b] }],
    };
    const g = numericalGradients(network, [{ x: [x], y: [y] }]);
    const r = w * x + b - y;
    expectRel(g[0]?.dW[0]?.[0], 2 * r * x, 1e-9);
    expectRel(g[0]?.db[0], 2 * r, 1e-9);
    expectRel(lossOf(network, [{ x: [x], y: [y] }]), r * r);
  });

  it('uses (L(θ + h) − L(θ − h)) / 2h: the error shrinks like h², not h', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'halfSse',
      layers: [{ activation: 'tanh', weights: [[1.3]], biases: [0.2] }],
    };
    const batch = [{ x: [0.9], y: [-0.4] }];
    const a = Math.tanh(1.3 * 0.9 + 0.2);
    const exact = (a + 0.4) * (1 - a * a) * 0.9;
    const error = (h: number) =>
      Math.abs((numericalGradients(network, batch, h)[0]?.dW[0]?.[0] as number) - exact);
    const ratio = error(1e-2) / error(1e-3);
    expect(ratio).toBeGreaterThan(80);
    expect(ratio).toBeLessThan(120);
  });

  it('lossOf is the mean of the per-sample losses', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'sse',
      layers: [{ activation: 'linear', weights: [[2]], biases: [1] }],
    };
    // outputs 3, −1, 5 against 0: losses 9, 1, 25
    expect(
      lossOf(network, [
        { x: [1], y: [0] },
        { x: [-1], y: [0] },
        { x: [2], y: [0] },
      ]),
    ).toBe(35 / 3);
  });
});
