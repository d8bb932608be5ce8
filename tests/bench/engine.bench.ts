/**
 * Engine benchmark (run by `npm run bench`: `npx tsx tests/bench/engine.bench.ts`).
 *
 * 1. Training throughput: the engine's `train` beside a plain, preallocated Float64Array trainer
 *    written straightforwardly below (tanh hidden and output layers, ½ squared error, batches of 10,
 *    SGD, as in TensorFlow Playground's regression), on the same network and data. Warm-up, then
 *    best of 5 runs of about a second each; examples/s for both and engine ÷ reference.
 * 2. The optimizers in the Train tab's trainer (createTrainer) on the same network and data: each
 *    one's examples/s beside SGD's, runs of about 0.3 s, each round timing all of them; the median of each round's ratio to SGD
 *    (issue 16: each at least 0.8×).
 * 3. runPass latency on the largest network the UI allows (8 inputs, 8 hidden layers of 16 tanh
 *    units, 10 softmax outputs, cross-entropy) for a batch of 32: median and p95.
 * 4. A weight edit through the store's gate (the whole check of the work an edit would leave) on
 *    that network and batch, with 20 updates in the history: median and p95.
 * 5. The loss landscape (issue 16): a 64 × 64 grid of 2-16-16-16-16-1 on 500 points, as the Train
 *    tab's worker computes it (tanh from the table), for three pairs of parameters: the last layer's
 *    (the default pick), a middle layer's and the last, and two of the first layer (the worst: all
 *    but the first two layers recomputed at every point): every point recomputed, with the rank-1
 *    inner steps, and at the side drawn while training (liveSide). Median of 3; the budget is 500 ms
 *    (two refreshes a second).
 * 6. The digits in the Train tab's trainer (issue 15: 64-16-10 at ≥ 100,000 examples/s in the
 *    worker): the dataset in the box as the Train tab prepares it by default (899 training rows,
 *    standardised), tanh/softmax, batch 10, SGD and Adam; runs of about 0.3 s, the best and the
 *    median of 9; and one evaluation of both sets (the curves' point, at most every 100 ms).
 */
import {
  axisValues,
  lossLandscape,
  type LandscapeParameter,
  createTrainer,
  initializeNetwork,
  OPTIMIZER_REGISTRY,
  packSamples,
  runPass,
  train,
  type Network,
  type Optimizer,
  type Sample,
} from '../../src/engine';
import { updateOf, type LearnerState } from '../../src/store';
import { setParameter, stateFromExample } from '../../src/store/edits';
import { findExample } from '../../src/store/examples';
import { admit } from '../../src/store/gate';
import { liveSide } from '../../src/training/landscapeJob';
import { digitsData, digitsNetwork } from '../fixtures/digitsTraining';
import { median, percentiles } from './measure';

const now = (): number => Number(process.hrtime.bigint()) / 1e6; // ms

// ---------------------------------------------------------------------------------------------
// The reference: what a careful person writes by hand for exactly this network.
// W[l] is row-major n_prev × n (W[l][i·n + j] joins unit i below to unit j above).

interface Reference {
  sizes: number[];
  W: Float64Array[];
  b: Float64Array[];
}

function referenceFrom(network: Network): Reference {
  const sizes = [network.inputSize, ...network.layers.map((l) => l.biases.length)];
  return {
    sizes,
    W: network.layers.map((l) => Float64Array.from(l.weights.flat())),
    b: network.layers.map((l) => Float64Array.from(l.biases)),
  };
}

/** SGD over `count` samples stored flat in xs / ys, for `epochs` epochs. Mutates ref. */
function referenceTrain(
  ref: Reference,
  xs: Float64Array,
  ys: Float64Array,
  count: number,
  lr: number,
  batch: number,
  epochs: number,
): void {
  const { sizes, W, b } = ref;
  const L = W.length;
  const nIn = sizes[0]!;
  const nOut = sizes[L]!;
  const acts = sizes.map((n) => new Float64Array(n));
  const deltas = sizes.map((n) => new Float64Array(n));
  const gW = W.map((w) => new Float64Array(w.length));
  const gb = b.map((v) => new Float64Array(v.length));
  for (let epoch = 0; epoch < epochs; epoch++) {
    for (let start = 0; start < count; start += batch) {
      const end = Math.min(start + batch, count);
      for (let l = 0; l < L; l++) {
        gW[l]!.fill(0);
        gb[l]!.fill(0);
      }
      for (let s = start; s < end; s++) {
        // forward: a_j = tanh(b_j + Σ_i W_ij a_i)
        const input = acts[0]!;
        for (let i = 0; i < nIn; i++) input[i] = xs[s * nIn + i]!;
        for (let l = 0; l < L; l++) {
          const nPrev = sizes[l]!;
          const n = sizes[l + 1]!;
          const w = W[l]!;
          const bl = b[l]!;
          const aPrev = acts[l]!;
          const a = acts[l + 1]!;
          for (let j = 0; j < n; j++) {
            let z = bl[j]!;
            for (let i = 0; i < nPrev; i++) z += w[i * n + j]! * aPrev[i]!;
            a[j] = Math.tanh(z);
          }
        }
        // output δ = (a − y)(1 − a²)
        const out = acts[L]!;
        const dOut = deltas[L]!;
        for (let j = 0; j < nOut; j++) {
          const a = out[j]!;
          dOut[j] = (a - ys[s * nOut + j]!) * (1 - a * a);
        }
        // backward: gradients, then δ of the layer below
        for (let l = L - 1; l >= 0; l--) {
          const nPrev = sizes[l]!;
          const n = sizes[l + 1]!;
          const w = W[l]!;
          const d = deltas[l + 1]!;
          const aPrev = acts[l]!;
          const gw = gW[l]!;
          const gbl = gb[l]!;
          for (let j = 0; j < n; j++) gbl[j]! += d[j]!;
          for (let i = 0; i < nPrev; i++) {
            const ai = aPrev[i]!;
            for (let j = 0; j < n; j++) gw[i * n + j]! += ai * d[j]!;
          }
          if (l > 0) {
            const dPrev = deltas[l]!;
            for (let i = 0; i < nPrev; i++) {
              let sum = 0;
              for (let j = 0; j < n; j++) sum += w[i * n + j]! * d[j]!;
              const ai = aPrev[i]!;
              dPrev[i] = sum * (1 - ai * ai);
            }
          }
        }
      }
      // step with the mean gradient
      const m = end - start;
      for (let l = 0; l < L; l++) {
        const w = W[l]!;
        const g = gW[l]!;
        for (let k = 0; k < w.length; k++) w[k]! -= lr * (g[k]! / m);
        const bl = b[l]!;
        const g2 = gb[l]!;
        for (let k = 0; k < bl.length; k++) bl[k]! -= lr * (g2[k]! / m);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------

const COUNT = 2000;
const BATCH = 10;
const LR = 0.03;

/** A Playground-like regression set: x in [−1, 1]², y = 0.8·sin(3x₁)·cos(2x₂) in (−1, 1). */
function dataset(): { samples: Sample[]; xs: Float64Array; ys: Float64Array } {
  let state = 12345;
  const rand = () => {
    state = (Math.imul(state, 1103515245) + 12345) >>> 0;
    return state / 4294967296;
  };
  const samples: Sample[] = [];
  for (let s = 0; s < COUNT; s++) {
    const x = [2 * rand() - 1, 2 * rand() - 1];
    samples.push({ x, y: [0.8 * Math.sin(3 * x[0]!) * Math.cos(2 * x[1]!)] });
  }
  return {
    samples,
    xs: Float64Array.from(samples.flatMap((s) => s.x)),
    ys: Float64Array.from(samples.flatMap((s) => s.y)),
  };
}

function tanhNetwork(hidden: number[]): Network {
  return initializeNetwork(
    {
      inputSize: 2,
      loss: 'halfSse',
      layers: [
        ...hidden.map((units) => ({ units, activation: 'tanh' as const })),
        { units: 1, activation: 'tanh' },
      ],
    },
    2024,
  );
}

interface ThroughputRow {
  name: string;
  engine: number;
  reference: number;
  maxDiff: number;
}

function throughput(name: string, hidden: number[]): ThroughputRow {
  const { samples, xs, ys } = dataset();
  const network = tanhNetwork(hidden);
  const runEngine = (epochs: number) =>
    train(network, samples, { learningRate: LR, batchSize: BATCH, epochs });
  const runReference = (epochs: number) => {
    const ref = referenceFrom(network);
    referenceTrain(ref, xs, ys, COUNT, LR, BATCH, epochs);
    return ref;
  };
  const time = (f: () => unknown) => {
    const t0 = now();
    f();
    return now() - t0;
  };

  // Warm-up (JIT), then size a run to about one second.
  for (let k = 0; k < 5; k++) {
    runEngine(2);
    runReference(2);
  }
  const perEpoch =
    Math.min(
      time(() => runEngine(3)),
      time(() => runReference(3)),
    ) / 3;
  const epochs = Math.max(1, Math.round(1000 / perEpoch));

  // Both must compute the same thing: the same weights after a few epochs.
  const trained = runEngine(3);
  const refTrained = runReference(3);
  let maxDiff = 0;
  trained.layers.forEach((layer, l) => {
    const flat = layer.weights.flat();
    flat.forEach((w, k) => (maxDiff = Math.max(maxDiff, Math.abs(w - refTrained.W[l]![k]!))));
    layer.biases.forEach(
      (v, k) => (maxDiff = Math.max(maxDiff, Math.abs(v - refTrained.b[l]![k]!))),
    );
  });

  let bestEngine = Infinity;
  let bestReference = Infinity;
  for (let run = 0; run < 5; run++) {
    bestEngine = Math.min(
      bestEngine,
      time(() => runEngine(epochs)),
    );
    bestReference = Math.min(
      bestReference,
      time(() => runReference(epochs)),
    );
  }
  const examples = COUNT * epochs;
  return {
    name,
    engine: examples / (bestEngine / 1000),
    reference: examples / (bestReference / 1000),
    maxDiff,
  };
}

interface OptimizerRow {
  name: string;
  /** Best of the rounds. */
  perSecond: number;
  /** Examples/s ÷ SGD's, the median of the rounds. */
  ratio: number;
}

/** The trainer with each optimizer of the registry (Nesterov too) on one network and data. */
function optimizerThroughput(hidden: number[]): OptimizerRow[] {
  const { samples } = dataset();
  const data = packSamples(samples, 2, 1);
  const network = tanhNetwork(hidden);
  const optimizers: [string, Optimizer][] = [
    ...Object.values(OPTIMIZER_REGISTRY).map((r) => [r.name, r.defaults] as [string, Optimizer]),
    ['Nesterov', { kind: 'momentum', momentum: 0.9, nesterov: true }],
  ];
  const run = (optimizer: Optimizer, epochs: number) => {
    const trainer = createTrainer(
      network,
      data,
      { learningRate: LR / 10, batchSize: BATCH, penalty: { kind: 'none', rate: 0 }, optimizer },
      1,
    );
    const t0 = now();
    for (let e = 0; e < epochs; e++) {
      const problem = trainer.finishEpoch();
      if (problem) throw new Error(`${optimizer.kind} overflowed: ${JSON.stringify(problem)}`);
    }
    return now() - t0;
  };
  for (let k = 0; k < 5; k++) for (const [, o] of optimizers) run(o, 2);
  const epochs = Math.max(1, Math.round(300 / (run(optimizers[0]![1], 3) / 3)));
  // Each round times every optimizer once, close together: the ratio to SGD is taken per round and
  // its median kept, which a shared machine's load (it comes and goes) disturbs far less than the
  // ratio of two best times.
  const times = optimizers.map(() => [] as number[]);
  for (let r = 0; r < 9; r++) optimizers.forEach(([, o], k) => times[k]!.push(run(o, epochs)));
  return optimizers.map(([name], k) => ({
    name,
    perSecond: (COUNT * epochs) / (Math.min(...times[k]!) / 1000),
    ratio: median(times[0]!.map((sgd, r) => sgd / times[k]![r]!)),
  }));
}

function largestNetwork(): { network: Network; batch: Sample[] } {
  const network = initializeNetwork(
    {
      inputSize: 8,
      loss: 'crossEntropy',
      layers: [
        ...Array.from({ length: 8 }, () => ({ units: 16, activation: 'tanh' as const })),
        { units: 10, activation: 'softmax' },
      ],
    },
    7,
  );
  const batch: Sample[] = Array.from({ length: 32 }, (_, s) => ({
    x: Array.from({ length: 8 }, (_, i) => Math.sin(s * 1.7 + i)),
    y: Array.from({ length: 10 }, (_, k) => (k === s % 10 ? 1 : 0)),
  }));
  return { network, batch };
}

function percentilesOf(times: number[]): { median: number; p95: number; runs: number } {
  const { p50, p95 } = percentiles(times);
  return { median: p50, p95, runs: times.length };
}

function latency(): { median: number; p95: number; runs: number } {
  const { network, batch } = largestNetwork();
  let sink = 0;
  for (let k = 0; k < 500; k++) sink += runPass(network, batch).loss;
  const runs = 3000;
  const times: number[] = [];
  for (let k = 0; k < runs; k++) {
    const t0 = now();
    sink += runPass(network, batch).loss;
    times.push(now() - t0);
  }
  if (!Number.isFinite(sink)) throw new Error('runPass returned a non-finite loss');
  return percentilesOf(times);
}

function gateLatency(): { median: number; p95: number; runs: number } {
  const example = findExample('classic-2-2-2');
  if (!example) throw new Error('no classic example');
  const { network, batch } = largestNetwork();
  let state: LearnerState = { ...stateFromExample(example), network, samples: batch };
  for (let k = 0; k < 20; k++) {
    const update = updateOf(state.network, state.samples, state);
    state = {
      ...state,
      network: update.network,
      optimizerState: update.state,
      history: [...state.history, state.network],
      optimizerHistory: [...state.optimizerHistory, state.optimizerState],
    };
  }
  const times: number[] = [];
  for (let k = 0; k < 300; k++) {
    const weight = setParameter(state, { kind: 'weight', layer: 2, from: 3, to: 5 }, 0.01 * k);
    if (typeof weight === 'string') throw new Error(weight);
    const t0 = now();
    const next = admit(state, weight);
    times.push(now() - t0);
    if (typeof next === 'string') throw new Error(next);
  }
  return percentilesOf(times.slice(50));
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

interface LandscapeTime {
  name: string;
  /** 64 × 64, every point recomputed from the inner parameter's layer (before the rank-1 steps). */
  recomputed: number;
  /** 64 × 64 as the worker draws it live (rank-1 inner steps). */
  live: number;
  /** The side drawn while training (liveSide) and its time. */
  side: number;
  atSide: number;
}

function landscapeTimes(): LandscapeTime[] {
  const network = tanhNetwork([16, 16, 16, 16]);
  const sizes = [2, 16, 16, 16, 16, 1];
  const data = packSamples(dataset().samples.slice(0, 500), 2, 1);
  const w = (layer: number, from: number, to: number): LandscapeParameter => ({
    kind: 'weight',
    layer,
    from,
    to,
  });
  const pairs: [string, LandscapeParameter, LandscapeParameter][] = [
    ['w₁₁⁽⁵⁾ and w₂₁⁽⁵⁾ (last layer)', w(5, 0, 0), w(5, 1, 0)],
    ['w₁₁⁽³⁾ and b₁⁽⁵⁾', w(3, 0, 0), { kind: 'bias', layer: 5, unit: 0 }],
    ['w₁₁⁽¹⁾ and w₂₂⁽¹⁾ (first layer)', w(1, 0, 0), w(1, 1, 1)],
  ];
  const time = (x: LandscapeParameter, y: LandscapeParameter, side: number, rankOne: boolean) => {
    const values = axisValues(-1, 1, side);
    const times: number[] = [];
    for (let r = 0; r < 3; r++) {
      const start = now();
      lossLandscape(
        network,
        data,
        { parameter: x, values },
        { parameter: y, values },
        {
          exact: false,
          rankOne,
        },
      );
      times.push(now() - start);
    }
    times.sort((a, b) => a - b);
    return times[1]!;
  };
  return pairs.map(([name, x, y]) => {
    const side = liveSide(64, sizes, x, y, 500);
    return {
      name,
      recomputed: time(x, y, 64, false),
      live: time(x, y, 64, true),
      side,
      atSide: time(x, y, side, true),
    };
  });
}

interface DigitsRow {
  name: string;
  best: number;
  median: number;
}

/** The trainer on the digits, 64-16-10: examples/s per optimizer, and one curves' evaluation. */
function digitsThroughput(): { rows: DigitsRow[]; evaluateMs: number } {
  const data = digitsData();
  const optimizers: [string, Optimizer][] = [
    ['SGD', OPTIMIZER_REGISTRY.sgd.defaults],
    ['Adam', OPTIMIZER_REGISTRY.adam.defaults],
  ];
  const trainers = optimizers.map(([, optimizer]) =>
    createTrainer(
      digitsNetwork(),
      data.train,
      { learningRate: 0.003, batchSize: BATCH, penalty: { kind: 'none', rate: 0 }, optimizer },
      1,
    ),
  );
  for (const trainer of trainers) for (let k = 0; k < 3000; k++) trainer.step();
  const rates = trainers.map(() => [] as number[]);
  for (let r = 0; r < 9; r++) {
    trainers.forEach((trainer, k) => {
      const start = now();
      const before = trainer.examplesSeen;
      while (now() - start < 300) for (let i = 0; i < 20; i++) trainer.step();
      rates[k]!.push(((trainer.examplesSeen - before) * 1000) / (now() - start));
    });
  }
  const evaluations: number[] = [];
  const trainer = trainers[0]!;
  for (let r = 0; r < 30; r++) {
    const start = now();
    trainer.evaluate(data.train, 'argmax');
    trainer.evaluate(data.test, 'argmax', new Int32Array(data.test.count));
    evaluations.push(now() - start);
  }
  return {
    rows: optimizers.map(([name], k) => ({
      name,
      best: Math.max(...rates[k]!),
      median: median(rates[k]!),
    })),
    evaluateMs: median(evaluations),
  };
}

const rows = [throughput('2-8-8-1', [8, 8]), throughput('2-16-16-16-16-1', [16, 16, 16, 16])];
const optimizerRows = [
  { network: '2-8-8-1', rows: optimizerThroughput([8, 8]) },
  { network: '2-16-16-16-16-1', rows: optimizerThroughput([16, 16, 16, 16]) },
];
const lat = latency();
const gate = gateLatency();
const digits = digitsThroughput();

console.log(
  `Engine benchmark (Node ${process.version}; ${COUNT} samples, batch ${BATCH}, tanh, ½ squared error, best of 5)\n`,
);
console.log('network            engine ex/s   reference ex/s   engine÷ref   max |Δw| vs reference');
for (const r of rows) {
  console.log(
    `${r.name.padEnd(18)} ${fmt(r.engine).padStart(11)}   ${fmt(r.reference).padStart(14)}   ${(r.engine / r.reference).toFixed(2).padStart(10)}   ${r.maxDiff.toExponential(1)}`,
  );
}
console.log(
  `\nOptimizers in the Train tab's trainer (same networks and data, batch ${BATCH}; ex/s the best of 9 rounds, ÷ SGD the median of each round's ratio)\n`,
);
console.log('network            optimizer      ex/s   ÷ SGD (median)');
const slowOptimizers: string[] = [];
for (const { network, rows: optimizers } of optimizerRows) {
  for (const r of optimizers) {
    const ratio = r.ratio;
    if (ratio < 0.8) slowOptimizers.push(`${r.name} on ${network}`);
    console.log(
      `${network.padEnd(18)} ${r.name.padEnd(9)} ${fmt(r.perSecond).padStart(10)}   ${ratio.toFixed(2)}`,
    );
  }
}
console.log(
  `\nrunPass, 8-(16×8 tanh)-10 softmax, crossEntropy, batch 32: median ${lat.median.toFixed(3)} ms, p95 ${lat.p95.toFixed(3)} ms (${lat.runs} runs)`,
);
console.log(
  `a weight edit through the store's gate, same network and batch, 20 updates in the history: median ${gate.median.toFixed(3)} ms, p95 ${gate.p95.toFixed(3)} ms (${gate.runs} edits)`,
);
console.log(
  '\nLoss landscape of 2-16-16-16-16-1 on 500 points (tanh table), CPU time, median of 3: 64 × 64 recomputed / 64 × 64 rank-1 / the side drawn while training',
);
for (const l of landscapeTimes()) {
  console.log(
    `  ${l.name.padEnd(34)} ${l.recomputed.toFixed(0).padStart(6)} / ${l.live.toFixed(0).padStart(6)} ms / ${l.side} × ${l.side}: ${l.atSide.toFixed(0)} ms${l.atSide > 500 ? '  (over the 500 ms of two refreshes a second)' : ''}`,
  );
}
console.log(
  `\nDigits 64-16-10 (tanh/softmax, 899 training rows standardised, batch ${BATCH}) in the Train tab's trainer:`,
);
for (const d of digits.rows) {
  console.log(
    `  ${d.name.padEnd(5)} ${fmt(d.best).padStart(9)} examples/s best, ${fmt(d.median)} median of 9${d.best < 100_000 ? '  (under the 100,000 of issue 15)' : ''}`,
  );
}
console.log(
  `  one point of the curves (both sets evaluated, 1,797 rows): ${digits.evaluateMs.toFixed(2)} ms median`,
);
const slow = rows.filter((r) => r.engine < r.reference);
if (slow.length > 0)
  console.log(
    `\nNOTE: the engine was slower than the reference on ${slow.map((r) => r.name).join(', ')}.`,
  );
if (slowOptimizers.length > 0)
  console.log(`\nNOTE: below 0.8× SGD's examples/s: ${slowOptimizers.join(', ')}.`);
if (lat.p95 >= 1) console.log('\nNOTE: runPass p95 latency is not under 1 ms.');
