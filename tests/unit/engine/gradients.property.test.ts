/**
 * Backprop against two independent answers, for every allowed output activation × loss with
 * random hidden activations (softmax and sigmoid included): float64 reverse-mode autodiff
 * (reference.ts) to ~1e-12, and central finite differences to ~1e-6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  numericalGradients,
  runPass,
  type Network,
  type PassSnapshot,
  type Sample,
} from '../../../src/engine';
import { ALL_ACTIVATIONS, ALLOWED_PAIRS, caseArbitrary } from './arbitraries';
import { closeness, flatten, referencePass } from './reference';

function expectClose(
  label: string,
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  floor: number | ArrayLike<number>,
) {
  const c = closeness(actual, expected, rel, floor);
  if (!(c.worst <= 1)) {
    throw new Error(
      `${label}: entry ${c.at} is ${c.actual}, expected ${c.expected} (error ${c.worst.toExponential(2)}× allowed)`,
    );
  }
}

/**
 * True when some ReLU-like unit sits so close to its kink that a finite difference would straddle
 * it. ELU has no kink (its slope is 1 from both sides) but its curvature jumps from 0 to 1 at 0,
 * which costs a straddling central difference O(h) instead of O(h²).
 */
function nearKink(network: Network, snapshot: PassSnapshot, margin: number): boolean {
  return snapshot.samples.some((s) =>
    s.layers.some((values, l) => {
      const activation = network.layers[l]?.activation;
      if (activation !== 'relu' && activation !== 'leakyRelu' && activation !== 'elu') return false;
      return Array.from(values.z).some((z) => Math.abs(z) < margin);
    }),
  );
}

const runs = Number(process.env.ENGINE_PROPERTY_RUNS ?? 60);

/**
 * Central differences at h and h/2, extrapolated (Richardson: (4·D(h/2) − D(h))/3), which cancels
 * their O(h²·L''') error. Alone, D(h) at h = 1e-5 misses by h²·L'''/6: where a steep chain makes
 * L''' about 1e4 (a slope of exactly 0 at the bottom of a cubic), that is 1e-7, the whole
 * allowance. What remains is O(h⁴) and the rounding, O(ε·L/h).
 */
function extrapolatedGradients(network: Network, batch: Sample[]): number[] {
  const coarse = flatten(numericalGradients(network, batch, 1e-5));
  const fine = flatten(numericalGradients(network, batch, 5e-6));
  return fine.map((f, k) => (4 * f - (coarse[k] as number)) / 3);
}

describe.each(ALLOWED_PAIRS)('output %s with %s', (output, loss) => {
  it('equals float64 reverse-mode autodiff to ~1e-12: loss, every z, a, δ and gradient', () => {
    fc.assert(
      fc.property(caseArbitrary(output, loss), ({ network, batch }) => {
        const snapshot = runPass(network, batch);
        const ref = referencePass(network, batch);
        const rel = 1e-12;
        expectClose('loss', [snapshot.loss], [ref.loss], rel, ref.lossScale);
        snapshot.samples.forEach((sample, s) => {
          const r = ref.samples[s];
          if (!r) throw new Error('missing reference sample');
          expectClose(`sample ${s + 1} loss`, [sample.loss], [r.loss], rel, r.lossScale);
          sample.layers.forEach((values, l) => {
            expectClose(
              `sample ${s + 1} layer ${l + 1} z`,
              values.z,
              r.z[l] ?? [],
              rel,
              r.zScale[l] ?? [],
            );
            expectClose(
              `sample ${s + 1} layer ${l + 1} a`,
              values.a,
              r.a[l] ?? [],
              rel,
              r.aScale[l] ?? [],
            );
            expectClose(
              `sample ${s + 1} layer ${l + 1} δ`,
              values.delta,
              r.delta[l] ?? [],
              rel,
              r.deltaScale[l] ?? [],
            );
          });
        });
        snapshot.grads.forEach((g, l) => {
          const r = ref.grads[l];
          const scales = ref.gradScales[l];
          if (!r || !scales) throw new Error('missing reference layer');
          expectClose(
            `layer ${l + 1} gradient`,
            flatten([g]),
            flatten([r]),
            rel,
            flatten([scales]),
          );
        });
      }),
      { numRuns: runs },
    );
  });

  it('equals central finite differences (numericalGradients) to ~1e-6', () => {
    fc.assert(
      fc.property(caseArbitrary(output, loss), ({ network, batch }) => {
        const snapshot = runPass(network, batch);
        fc.pre(!nearKink(network, snapshot, 1e-2));
        const backprop = flatten(snapshot.grads);
        const numeric = extrapolatedGradients(network, batch);
        // The floor for the rounding, which scales with the loss.
        const floor = 1e-1 * Math.max(1, snapshot.loss);
        expectClose('finite differences', backprop, numeric, 1e-6, floor);
      }),
      { numRuns: runs },
    );
  });
});

/**
 * The full cross product: every activation as the hidden layer feeding every allowed output × loss
 * (8 × 27 = 216 combinations), a few random networks each, against autodiff and central differences.
 */
describe.each(ALL_ACTIVATIONS)('hidden %s', (hidden) => {
  it.each(ALLOWED_PAIRS)(
    'into output %s with %s: autodiff to ~1e-12, finite differences to ~1e-6',
    (output, loss) => {
      fc.assert(
        fc.property(caseArbitrary(output, loss, hidden), ({ network, batch }) => {
          const snapshot = runPass(network, batch);
          const ref = referencePass(network, batch);
          expectClose(
            'gradient',
            flatten(snapshot.grads),
            flatten(ref.grads),
            1e-12,
            flatten(ref.gradScales),
          );
          snapshot.samples.forEach((sample, s) =>
            sample.layers.forEach((values, l) =>
              expectClose(
                `sample ${s + 1} layer ${l + 1} δ`,
                values.delta,
                ref.samples[s]?.delta[l] ?? [],
                1e-12,
                ref.samples[s]?.deltaScale[l] ?? [],
              ),
            ),
          );
          if (nearKink(network, snapshot, 1e-2)) return;
          const floor = 1e-1 * Math.max(1, snapshot.loss);
          expectClose(
            'finite differences',
            flatten(snapshot.grads),
            extrapolatedGradients(network, batch),
            1e-6,
            floor,
          );
        }),
        { numRuns: Math.max(3, Math.ceil(runs / 10)) },
      );
    },
  );
});

describe('the property tests themselves', () => {
  it('is tight: a gradient entry off by 1e-8 relative always fails, most fail at 1e-10', () => {
    const network: Network = {
      inputSize: 2,
      loss: 'crossEntropy',
      layers: [
        {
          activation: 'tanh',
          weights: [
            [0.7, -1.1, 0.4],
            [0.2, 0.9, -1.6],
          ],
          biases: [0.1, -0.3, 0.5],
        },
        {
          activation: 'softmax',
          weights: [
            [1.2, -0.4],
            [0.3, 0.8],
            [-1.5, 0.6],
          ],
          biases: [0, 0.2],
        },
      ],
    };
    const batch = [
      { x: [0.3, -1.2], y: [1, 0] },
      { x: [1.7, 0.4], y: [0, 1] },
    ];
    const g = flatten(runPass(network, batch).grads);
    const ref = referencePass(network, batch);
    const r = flatten(ref.grads);
    const scales = flatten(ref.gradScales);
    expect(closeness(g, r, 1e-12, scales).worst).toBeLessThanOrEqual(1);
    // The yardstick is a running error bound, so it exceeds |gradient| where terms cancel (here
    // the two samples' terms in entry 1 cancel to 0.0015 from ~1): the tolerance there is looser.
    const caught = (k: number, by: number) =>
      closeness(
        g.map((v, m) => (m === k ? v * (1 + by) : v)),
        r,
        1e-12,
        scales,
      ).worst > 1;
    expect(g.every((_, k) => caught(k, 1e-8))).toBe(true);
    expect(g.filter((_, k) => caught(k, 1e-10)).length).toBeGreaterThan(g.length / 2);
  });

  it('extrapolates central differences where one step size misses a zero slope by the allowance', () => {
    // fast-check's shrunk counterexample (seed 105531319): w₄₁⁽²⁾ feeds a tanh unit at z = 0 whose
    // only way out, ×2 into a swish output with target 0, puts the loss at the bottom of a steep
    // cubic (an input of 9.97 before it): the slope is 0, and D(1e-5) is 1.0000056e-7.
    const network: Network = {
      inputSize: 4,
      loss: 'sse',
      layers: [
        {
          activation: 'linear',
          weights: [
            [0, 0, 0, -1.9866326498870002],
            [0, 0, 0, 0],
            [0, 0, 0, -1.9999999999999962],
            [0, 0, 0, 0],
          ],
          biases: [0, 0, 0, 1.9998586406350336],
        },
        {
          activation: 'tanh',
          weights: [
            [0, 0, 0],
            [0, 0, 0],
            [0, 0, 0],
            [0, 0, -0.18585955654202715],
          ],
          biases: [0, 0, 0],
        },
        {
          activation: 'swish',
          weights: [
            [0, 1.9999999988284374, 0, 0],
            [0, 0, 0, 0],
            [1.9999884959379386, 0, 0, 0],
          ],
          biases: [1.9825700992650368, 0, 0, 0],
        },
      ],
    };
    const batch = [
      { x: [0, 0, 0, 0], y: [0, 0, 0, 0] },
      { x: [-1.9999999999999984, 0, -1.9999999999990865, 0], y: [0, 0, 0, 0] },
    ];
    const snapshot = runPass(network, batch);
    const backprop = flatten(snapshot.grads);
    const floor = 1e-1 * Math.max(1, snapshot.loss);
    expect(backprop[29]).toBe(0);
    const plain = flatten(numericalGradients(network, batch));
    expect(closeness(backprop, plain, 1e-6, floor).worst).toBeGreaterThan(1);
    const extrapolated = extrapolatedGradients(network, batch);
    expect(Math.abs(extrapolated[29] as number)).toBeLessThan(1e-11);
    expect(closeness(backprop, extrapolated, 1e-6, floor).worst).toBeLessThan(0.05);
  });

  it('the autodiff reference itself matches a hand derivative: d/dw ½(tanh(wx+b) − y)²', () => {
    const [w, b, x, y] = [0.7, 0.1, 0.3, 0.2];
    const a = Math.tanh(w * x + b);
    const ref = referencePass(
      {
        inputSize: 1,
        loss: 'halfSse',
        layers: [{ activation: 'tanh', weights: [[w]], biases: [b] }],
      },
      [{ x: [x], y: [y] }],
    );
    const sech2 = 1 / Math.cosh(w * x + b) ** 2;
    expect(ref.loss).toBeCloseTo(0.5 * (a - y) ** 2, 15);
    expect(ref.grads[0]?.dW[0]?.[0]).toBeCloseTo((a - y) * sech2 * x, 15);
    expect(ref.grads[0]?.db[0]).toBeCloseTo((a - y) * sech2, 15);
  });
});
