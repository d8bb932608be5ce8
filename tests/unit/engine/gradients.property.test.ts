/**
 * Backprop against two independent answers, for every allowed output activation × loss with
 * random hidden activations (softmax and sigmoid included): float64 reverse-mode autodiff
 * (reference.ts) to ~1e-12, and central finite differences to ~1e-6.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { numericalGradients, runPass, type Network, type PassSnapshot } from '../../../src/engine';
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
        const numeric = flatten(numericalGradients(network, batch));
        // Central differences err by O(h²·L''') + O(ε·L/h); the floor scales with the loss.
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
            flatten(numericalGradients(network, batch)),
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
