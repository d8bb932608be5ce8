/**
 * The optimizers (issue 16) against a reference written here, independently of the engine: plain
 * loops over plain arrays, as torch.optim writes them (Adam's m by lerp, its step as
 * lr/(1 − β₁ᵗ) · m / (√v/√(1 − β₂ᵗ) + ε); RMSprop's by addcdiv). The gradients come from runPass,
 * tested on its own elsewhere; every update of train, optimizerStep and the trainer must match the
 * reference to 1e-9 relative.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  applyGradients,
  createTrainer,
  MAX_PARAMETER,
  optimizerStep,
  packSamples,
  runPass,
  train,
  validateOptimizer,
  type Network,
  type Optimizer,
  type OptimizerState,
  type PassSnapshot,
  type Sample,
} from '../../../src/engine';
import { ALLOWED_PAIRS, caseArbitrary } from './arbitraries';

/** Every parameter of a network, flat: each layer's weights row by row, then its biases. */
function flatten(network: Network): number[] {
  return network.layers.flatMap((layer) => [...layer.weights.flat(), ...layer.biases]);
}

/** Which flat entries are biases, and which weights (the penalty's). */
function biasMask(network: Network): boolean[] {
  return network.layers.flatMap((layer) => [
    ...layer.weights.flat().map(() => false),
    ...layer.biases.map(() => true),
  ]);
}

function gradientsOf(grads: PassSnapshot['grads']): number[] {
  return grads.flatMap((g) => [
    ...Array.from(g.dW).flatMap((row) => Array.from(row)),
    ...Array.from(g.db),
  ]);
}

function unflatten(network: Network, flat: number[]): Network {
  let k = 0;
  return {
    ...network,
    layers: network.layers.map((layer) => ({
      ...layer,
      weights: layer.weights.map((row) => row.map(() => flat[k++] as number)),
      biases: layer.biases.map(() => flat[k++] as number),
    })),
  };
}

interface RefState {
  t: number;
  buf: number[]; // momentum_buffer, square_avg or exp_avg_sq
  avg: number[]; // exp_avg (Adam)
}

/** torch.optim's step on plain arrays, in place. `frozen[k]`: no gradient, no update. */
function referenceStep(
  o: Optimizer,
  lr: number,
  params: number[],
  grads: number[],
  state: RefState,
  frozen: boolean[] = [],
): void {
  state.t += 1;
  const step = state.t;
  for (let k = 0; k < params.length; k++) {
    if (frozen[k]) continue;
    const p = params[k] as number;
    const grad = grads[k] as number;
    if (o.kind === 'sgd') {
      params[k] = p + -lr * grad;
    } else if (o.kind === 'momentum') {
      // buf = clone(grad) at the first step, then buf·μ + grad (dampening 0).
      const buf = step === 1 ? grad : (state.buf[k] as number) * o.momentum + grad;
      state.buf[k] = buf;
      const d = o.nesterov ? grad + o.momentum * buf : buf;
      params[k] = p + -lr * d;
    } else if (o.kind === 'rmsprop') {
      const sq = (state.buf[k] as number) * o.alpha + (1 - o.alpha) * grad * grad;
      state.buf[k] = sq;
      const avg = Math.sqrt(sq) + o.epsilon;
      params[k] = p + (-lr * grad) / avg;
    } else {
      const expAvg = state.avg[k] as number;
      const m = expAvg + (1 - o.beta1) * (grad - expAvg); // lerp
      const v = (state.buf[k] as number) * o.beta2 + (1 - o.beta2) * grad * grad;
      state.avg[k] = m;
      state.buf[k] = v;
      const biasCorrection1 = 1 - Math.pow(o.beta1, step);
      const biasCorrection2 = 1 - Math.pow(o.beta2, step);
      const stepSize = lr / biasCorrection1;
      const denom = Math.sqrt(v) / Math.sqrt(biasCorrection2) + o.epsilon;
      params[k] = p + (-stepSize * m) / denom;
    }
  }
}

/** The learning rate of the comparisons. */
const ETA = 0.05;

const freshRef = (n: number): RefState => ({ t: 0, buf: Array(n).fill(0), avg: Array(n).fill(0) });

/**
 * Some drawn cases diverge (weights near 2 on inputs near −2 grow without bound in a few steps):
 * a run that comes near the trainer's bound, or would leave the float64 range, compares nothing,
 * so the case is discarded as soon as the reference's parameters say so.
 */
function discardIfDiverging(params: number[]): void {
  fc.pre(params.every((p) => Math.abs(p) < MAX_PARAMETER / 2));
}

/** The reference's steps, one per mini-batch: a mean gradient each, `extra` added (a penalty). */
function referenceRun(
  network: Network,
  batches: Sample[][],
  optimizer: Optimizer,
  extra: (gradient: number, param: number, k: number) => number = (g) => g,
  jitter = 0,
): number[] {
  const params = flatten(network);
  const state = freshRef(params.length);
  batches.forEach((batch, step) => {
    const grads = gradientsOf(runPass(unflatten(network, params), batch).grads).map((g, k) => {
      const gradient = extra(g, params[k] as number, k);
      return gradient + jitter * Math.max(1, Math.abs(gradient)) * ((k + step) % 2 ? 1 : -1);
    });
    referenceStep(optimizer, ETA, params, grads, state);
    discardIfDiverging(params);
  });
  return params;
}

/**
 * A gradient's rounding error, relative to the larger of 1 and its size, bounded generously: train
 * and the trainer reach each gradient by another route than runPass, a few ulps apart.
 */
const GRADIENT_ROUNDING = 1e-13;

/**
 * The reference's parameters, and how far each moves when every gradient is off by a rounding error
 * either way: the problem's own conditioning. It is tiny for plain and momentum SGD; Adam and RMSprop
 * divide a gradient by √v + ε, so where a gradient is near zero (a softmax's sum that cancels to
 * ±1e−15) its rounding moves the parameter by up to η per step, and no two routes can agree there.
 */
function referenceWithSpread(
  network: Network,
  batches: Sample[][],
  optimizer: Optimizer,
  extra?: (gradient: number, param: number, k: number) => number,
): { params: number[]; spread: number[] } {
  const params = referenceRun(network, batches, optimizer, extra);
  const up = referenceRun(network, batches, optimizer, extra, GRADIENT_ROUNDING);
  const down = referenceRun(network, batches, optimizer, extra, -GRADIENT_ROUNDING);
  const spread = params.map((p, k) =>
    Math.max(Math.abs((up[k] as number) - p), Math.abs((down[k] as number) - p)),
  );
  return { params, spread };
}

/** The mini-batches of a run: consecutive slices of the samples, epoch after epoch. */
function consecutiveBatches(samples: Sample[], batchSize: number, epochs: number): Sample[][] {
  const batches: Sample[][] = [];
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < samples.length; start += batchSize) {
      batches.push(samples.slice(start, start + batchSize));
    }
  }
  return batches;
}

/**
 * Relative to the larger of |expected| and η, the size of a move, plus ten times the reference's
 * own spread under rounding (see referenceWithSpread) where two routes reach the gradients.
 */
function expectCloseTo(
  actual: number[],
  expected: number[],
  { rel = 1e-9, floor = ETA, spread = [] as number[] } = {},
) {
  expect(actual.length).toBe(expected.length);
  actual.forEach((a, k) => {
    const e = expected[k] as number;
    const err = Math.abs(a - e);
    if (!(err <= rel * Math.max(Math.abs(e), floor) + 10 * (spread[k] ?? 0))) {
      throw new Error(`parameter ${k}: ${a} is not ${e} to ${rel} relative (error ${err})`);
    }
  });
}

const OPTIMIZERS: Optimizer[] = [
  { kind: 'sgd' },
  { kind: 'momentum', momentum: 0.9 },
  { kind: 'momentum', momentum: 0.5, nesterov: true },
  { kind: 'rmsprop', alpha: 0.99, epsilon: 1e-8 },
  { kind: 'rmsprop', alpha: 0.5, epsilon: 1e-3 },
  { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  { kind: 'adam', beta1: 0.5, beta2: 0.8, epsilon: 1e-3 },
];

/** A network and batch from every allowed (output, loss) pair, hidden activations of all kinds. */
const anyCase = fc
  .constantFrom(...ALLOWED_PAIRS)
  .chain(([output, loss]) => caseArbitrary(output, loss));

describe.each(OPTIMIZERS.map((o) => [JSON.stringify(o), o] as const))(
  'optimizer %s against the reference',
  (_, optimizer) => {
    it('train: every parameter after 3 epochs of mini-batches, to 1e-9', () => {
      fc.assert(
        fc.property(anyCase, fc.integer({ min: 1, max: 3 }), ({ network, batch }, batchSize) => {
          const o = { learningRate: ETA, batchSize, epochs: 3, optimizer };
          const batches = consecutiveBatches(batch, batchSize, 3);
          const { params, spread } = referenceWithSpread(network, batches, optimizer);
          expectCloseTo(flatten(train(network, batch, o)), params, { spread });
        }),
        { numRuns: 40 },
      );
    });

    it('optimizerStep: the state carried from pass to pass by hand, to 1e-9', () => {
      fc.assert(
        fc.property(anyCase, ({ network, batch }) => {
          let current = network;
          let state: OptimizerState | undefined;
          const params = flatten(network);
          const ref = freshRef(params.length);
          for (let pass = 0; pass < 4; pass++) {
            const grads = runPass(current, batch).grads;
            const result = optimizerStep(current, grads, ETA, { optimizer, state });
            referenceStep(optimizer, ETA, params, gradientsOf(grads), ref);
            discardIfDiverging(params);
            // The state is plain data: it survives JSON as it is (JSON writes −0 as 0, the same
            // number to every step that reads it).
            state = JSON.parse(JSON.stringify(result.state)) as OptimizerState;
            expect(state).toEqual(withoutNegativeZero(result.state));
            expect(state.t).toBe(pass + 1);
            current = result.network;
            expectCloseTo(flatten(current), params);
          }
        }),
        { numRuns: 25 },
      );
    });

    it('the trainer, with an L2 penalty added to each weight gradient before the optimizer', () => {
      fc.assert(
        fc.property(anyCase, fc.integer({ min: 1, max: 3 }), ({ network, batch }, batchSize) => {
          const lambda = 0.01;
          const trainer = createTrainer(
            network,
            packSamples(batch, network.inputSize, batch[0]?.y.length ?? 0),
            { learningRate: ETA, batchSize, penalty: { kind: 'L2', rate: lambda }, optimizer },
            3,
          );
          const batches: Sample[][] = [];
          let problem: ReturnType<typeof trainer.step> = null;
          for (let s = 0; s < 5 && !problem; s++) {
            batches.push(trainer.nextBatch().map((i) => batch[i] as Sample));
            problem = trainer.step();
          }
          const biases = biasMask(network);
          const { params, spread } = referenceWithSpread(network, batches, optimizer, (g, p, k) =>
            biases[k] ? g : g + lambda * p,
          );
          // The reference stayed well within the bound (or the case was discarded): no step of
          // the trainer may have stopped.
          expect(problem).toBeNull();
          expectCloseTo(flatten(trainer.network()), params, { spread });
        }),
        { numRuns: 25 },
      );
    });

    it('frozen biases keep their values, and their state stays at zero', () => {
      fc.assert(
        fc.property(anyCase, ({ network, batch }) => {
          const params = flatten(network);
          const ref = freshRef(params.length);
          const frozen = biasMask(network);
          let current = network;
          let state: OptimizerState | undefined;
          for (let pass = 0; pass < 3; pass++) {
            const grads = runPass(current, batch).grads;
            ({ network: current, state } = optimizerStep(current, grads, ETA, {
              optimizer,
              state,
              trainBiases: false,
            }));
            referenceStep(optimizer, ETA, params, gradientsOf(grads), ref, frozen);
            discardIfDiverging(params);
          }
          expectCloseTo(flatten(current), params);
          for (const buffer of [state?.m, state?.v]) {
            for (const layer of buffer ?? []) expect(layer.biases.every((x) => x === 0)).toBe(true);
          }
        }),
        { numRuns: 15 },
      );
    });
  },
);

/** −0 written as 0, all through a plain value: what JSON keeps of it. */
function withoutNegativeZero(value: unknown): unknown {
  if (typeof value === 'number') return value + 0;
  if (Array.isArray(value)) return value.map(withoutNegativeZero);
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, withoutNegativeZero(v)]));
  }
  return value;
}

describe('optimizer properties', () => {
  const grads = (network: Network, batch: Sample[]) => runPass(network, batch).grads;

  it('momentum 0, with or without Nesterov, is SGD to the last bit', () => {
    fc.assert(
      fc.property(anyCase, fc.boolean(), ({ network, batch }, nesterov) => {
        const o = { learningRate: 0.1, batchSize: 2, epochs: 2 };
        expect(
          train(network, batch, { ...o, optimizer: { kind: 'momentum', momentum: 0, nesterov } }),
        ).toEqual(train(network, batch, o));
        const g = grads(network, batch);
        expect(
          optimizerStep(network, g, 0.1, { optimizer: { kind: 'momentum', momentum: 0, nesterov } })
            .network,
        ).toEqual(applyGradients(network, g, 0.1));
      }),
      { numRuns: 60 },
    );
  });

  it("Adam's first step moves every parameter with a gradient by about η, against it", () => {
    fc.assert(
      fc.property(
        anyCase,
        fc.double({ min: 1e-3, max: 1, noNaN: true }),
        ({ network, batch }, eta) => {
          const epsilon = 1e-8;
          const g = gradientsOf(grads(network, batch));
          const before = flatten(network);
          const after = flatten(
            optimizerStep(network, grads(network, batch), eta, {
              optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon },
            }).network,
          );
          g.forEach((gk, k) => {
            const delta = (after[k] as number) - (before[k] as number);
            if (gk === 0) return expect(delta).toBe(0);
            // |Δ| = η|g| / (|g| + ε) ≤ η: never more than η, and η itself for any gradient well
            // above ε (for smaller ones the move can be below the parameter's last digit).
            expect(Math.abs(delta)).toBeLessThanOrEqual(eta * (1 + 1e-9));
            if (Math.abs(gk) < 100 * epsilon) return;
            expect(Math.sign(delta)).toBe(-Math.sign(gk));
            const expected = (eta * Math.abs(gk)) / (Math.abs(gk) + epsilon);
            expect(Math.abs(Math.abs(delta) - expected)).toBeLessThanOrEqual(
              1e-12 * (1 + Math.abs(before[k] as number)),
            );
            expect(Math.abs(Math.abs(delta) - eta)).toBeLessThanOrEqual(0.01 * eta);
          });
        },
      ),
      { numRuns: 60 },
    );
  });

  it("RMSprop's first step is η g / (√((1 − ρ) g²) + ε)", () => {
    fc.assert(
      fc.property(
        anyCase,
        fc.double({ min: 0, max: 0.999, noNaN: true }),
        fc.double({ min: 1e-10, max: 1e-2, noNaN: true }),
        ({ network, batch }, alpha, epsilon) => {
          const g = gradientsOf(grads(network, batch));
          const before = flatten(network);
          const after = flatten(
            optimizerStep(network, grads(network, batch), 0.01, {
              optimizer: { kind: 'rmsprop', alpha, epsilon },
            }).network,
          );
          g.forEach((gk, k) => {
            const step = (0.01 * gk) / (Math.sqrt((1 - alpha) * gk * gk) + epsilon);
            const moved = (before[k] as number) - (after[k] as number);
            expect(Math.abs(moved - step)).toBeLessThanOrEqual(
              1e-12 * (Math.abs(step) + Math.abs(before[k] as number)) + 1e-300,
            );
          });
        },
      ),
      { numRuns: 60 },
    );
  });
});

describe('one Adam step, worked by hand', () => {
  // 1 input → 1 linear unit, L = ½(a − y)²; x = 2, y = 1, w = 0.5, b = 0.25 (all exact in binary):
  // z = a = 1.25, δ = a − y = 0.25, ∂L/∂w = δx = 0.5, ∂L/∂b = δ = 0.25.
  const network: Network = {
    inputSize: 1,
    loss: 'halfSse',
    layers: [{ activation: 'linear', weights: [[0.5]], biases: [0.25] }],
  };
  const batch: Sample[] = [{ x: [2], y: [1] }];
  const adam: Optimizer = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };

  it('m, v, m̂, v̂ and the new w and b', () => {
    const { network: after, state } = optimizerStep(network, runPass(network, batch).grads, 0.1, {
      optimizer: adam,
    });
    // w: m = 0.1·0.5 = 0.05; v = 0.001·0.25 = 0.00025; m̂ = 0.05/0.1 = 0.5; v̂ = 0.00025/0.001 = 0.25;
    // w ← 0.5 − 0.1·0.5/(√0.25 + 1e−8) = 0.5 − 0.05/0.50000001 = 0.5 − 0.09999999800000004
    //   = 0.40000000199999996.
    // b: m = 0.025; v = 0.0000625; m̂ = 0.25; v̂ = 0.0625;
    // b ← 0.25 − 0.1·0.25/(0.25 + 1e−8) = 0.25 − 0.025/0.25000001 = 0.25 − 0.09999999600000016
    //   = 0.15000000399999984: a gradient half w's moves b by as much, about η.
    expect(state.t).toBe(1);
    // (1 − 0.9 and 1 − 0.999 are not exact in binary: to 1e−15 relative.)
    expectCloseTo([state.m?.[0]?.weights[0]?.[0] ?? NaN], [0.05], { rel: 1e-15, floor: 0 });
    expectCloseTo([state.v?.[0]?.weights[0]?.[0] ?? NaN], [0.00025], { rel: 1e-12, floor: 0 });
    expectCloseTo([state.m?.[0]?.biases[0] ?? NaN], [0.025], { rel: 1e-15, floor: 0 });
    expectCloseTo([state.v?.[0]?.biases[0] ?? NaN], [0.0000625], { rel: 1e-12, floor: 0 });
    expectCloseTo([after.layers[0]?.weights[0]?.[0] ?? NaN], [0.40000000199999997], {
      rel: 1e-15,
      floor: 0,
    });
    expectCloseTo([after.layers[0]?.biases[0] ?? NaN], [0.15000000399999985], {
      rel: 1e-15,
      floor: 0,
    });
  });
});

describe('bad optimizer options', () => {
  const network: Network = {
    inputSize: 1,
    loss: 'halfSse',
    layers: [{ activation: 'linear', weights: [[0.5]], biases: [0.25] }],
  };
  const batch: Sample[] = [{ x: [2], y: [1] }];
  const o = { learningRate: 0.1, batchSize: 1, epochs: 1 };
  it.each([
    [
      { kind: 'adagrad' },
      'Unknown optimizer "adagrad"; expected one of sgd, momentum, rmsprop, adam.',
    ],
    [{ kind: 'toString' }, 'Unknown optimizer "toString"'],
    [
      { kind: 'momentum', momentum: -0.1 },
      "Momentum's momentum μ is -0.1; it must be a number in [0, 1).",
    ],
    [
      { kind: 'momentum', momentum: 1 },
      "Momentum's momentum μ is 1; it must be a number in [0, 1).",
    ],
    [
      { kind: 'momentum', momentum: 0.9, nesterov: 'yes' },
      'Nesterov is yes; it must be true or false.',
    ],
    [
      { kind: 'rmsprop', alpha: 0.9, epsilon: 0 },
      "RMSProp's epsilon ε is 0; it must be a number > 0 and ≤ 1.",
    ],
    [
      { kind: 'rmsprop', alpha: 1.5, epsilon: 1e-8 },
      "RMSProp's decay ρ is 1.5; it must be a number in [0, 1).",
    ],
    [
      { kind: 'adam', beta1: 1, beta2: 0.999, epsilon: 1e-8 },
      "Adam's first-moment decay β₁ is 1; it must be a number in [0, 1).",
    ],
    [
      { kind: 'adam', beta1: 0.9, beta2: -0.5, epsilon: 1e-8 },
      "Adam's second-moment decay β₂ is -0.5; it must be a number in [0, 1).",
    ],
    [
      { kind: 'adam', beta1: 0.9, beta2: 0.999 },
      "Adam's epsilon ε is missing; it must be a number > 0 and ≤ 1.",
    ],
    [
      { kind: 'adam', beta1: NaN, beta2: 0.999, epsilon: 1e-8 },
      "Adam's first-moment decay β₁ is NaN",
    ],
  ])('%j throws: %s', (optimizer, message) => {
    expect(() => validateOptimizer(optimizer)).toThrow(message);
    expect(() => train(network, batch, { ...o, optimizer: optimizer as Optimizer })).toThrow(
      message,
    );
    expect(() =>
      optimizerStep(network, runPass(network, batch).grads, 0.1, {
        optimizer: optimizer as Optimizer,
      }),
    ).toThrow(message);
  });

  it('a negative learning rate throws for every optimizer', () => {
    expect(() =>
      train(network, batch, {
        ...o,
        learningRate: -1,
        optimizer: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      }),
    ).toThrow('The learning rate is -1; it must be a finite number ≥ 0.');
  });

  it('a state that does not fit the network throws; one of another optimizer starts fresh', () => {
    const g = runPass(network, batch).grads;
    const adam: Optimizer = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
    expect(() =>
      optimizerStep(network, g, 0.1, {
        optimizer: adam,
        state: { kind: 'adam', t: 1, m: [{ weights: [[1, 2]], biases: [0] }] },
      }),
    ).toThrow("The optimizer's m does not fit the network");
    const fresh = optimizerStep(network, g, 0.1, { optimizer: adam });
    const fromOther = optimizerStep(network, g, 0.1, {
      optimizer: adam,
      state: { kind: 'momentum', t: 3, v: [{ weights: [[9]], biases: [9] }] },
    });
    expect(fromOther).toEqual(fresh);
  });
});
