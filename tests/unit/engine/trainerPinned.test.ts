import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createTrainer,
  OPTIMIZER_REGISTRY,
  type Activation,
  type Optimizer,
  type Penalty,
} from '../../../src/engine';
import type { ScalingId } from '../../../src/data';
import { digitsData, digitsNetwork } from '../../fixtures/digitsTraining';

/**
 * The trainer's numbers on the digits (64-16-10, batch 10), pinned to the last bit: the weights,
 * biases and optimizer state after 250 steps (2.8 epochs, the last batch of each epoch short),
 * the gradient norms, and both sets' evaluation with each test example's predicted class. The
 * trainer's fast paths (kernel.ts, descent.ts, activationLoops.ts) may only ever be faster: any
 * change of summation order, of a rounding or of a signed zero changes a digest here.
 */
interface Case {
  name: string;
  optimizer: Optimizer;
  hidden?: Activation;
  scaling?: ScalingId;
  penalty?: Penalty;
  trainBiases?: boolean;
  /** sha256 of every number below, as float64 bits. */
  digest: string;
  /** A few of them in the clear, so a failure says how far off it is. */
  /** w from input 18 to hidden unit 12 (input 0, always blank, never moves). */
  w0: number;
  testLoss: number;
}

const NONE: Penalty = { kind: 'none', rate: 0 };
const { sgd, momentum, rmsprop, adam } = OPTIMIZER_REGISTRY;

const CASES: Case[] = [
  {
    name: 'SGD',
    optimizer: sgd.defaults,
    digest: '6448e57c4d5d91808c0bd1bef9f1c1951177df796e0a1638e1e840dec6b7ba87',
    w0: 0.4007031689750008,
    testLoss: 0.6754357423391091,
  },
  {
    name: 'momentum',
    optimizer: momentum.defaults,
    digest: '70ffe8155ff0d3f3c8911ea96a5db6c26fce7f30952f329de492495bcd327638',
    w0: 0.8627461474366463,
    testLoss: 0.1797720177431964,
  },
  {
    name: 'Nesterov',
    optimizer: { kind: 'momentum', momentum: 0.9, nesterov: true },
    digest: '6f9163c62b7e780d21ae0e386d390559cc8d6abe15167d6ffafd15fdf9a875c7',
    w0: 0.853009477640447,
    testLoss: 0.1758863393700414,
  },
  {
    name: 'RMSProp',
    optimizer: rmsprop.defaults,
    digest: '81ac5527aac8eb82acff5759aa93735309ef689dcf83a2cd67e1af6888727c3d',
    w0: 0.5392899234066721,
    testLoss: 0.26617153450302533,
  },
  {
    name: 'Adam',
    optimizer: adam.defaults,
    digest: 'f4cf8cd4c64d17c6b81c2f45b634106611ba8211d6b6b02a27fc3c60a99bb23b',
    w0: 0.4375512666079219,
    testLoss: 0.3953284402657377,
  },
  {
    name: 'Adam, biases frozen, L2',
    optimizer: adam.defaults,
    trainBiases: false,
    penalty: { kind: 'L2', rate: 0.003 },
    digest: 'ffe1b26f42c43194228df68d2fe8f854d7e2b6723317f5284191cdbd0c757ab5',
    w0: 0.43255178224933577,
    testLoss: 0.40172050054980746,
  },
  {
    name: 'SGD, L1',
    optimizer: sgd.defaults,
    penalty: { kind: 'L1', rate: 0.001 },
    digest: '8b6da61b3a74b8b1c9c2a56e0d07bbc6cebcbd2bb406cee28776200b0ee965c8',
    w0: 0.3955655095551503,
    testLoss: 0.6800344200161496,
  },
  {
    name: 'SGD, ReLU, inputs as they are (0…16, many zeros)',
    optimizer: sgd.defaults,
    hidden: 'relu',
    scaling: 'raw',
    digest: '02628a725a190da28d6841d840de05b18b0d052408863da5fbad832d817a5b93',
    w0: -0.09942033589934994,
    testLoss: 0.47649491226775037,
  },
  {
    name: 'SGD, sigmoid, inputs stretched to [0, 1]',
    optimizer: sgd.defaults,
    hidden: 'sigmoid',
    scaling: 'unit',
    digest: '1a9c50e28ac8b2ca28b4e7d571bdb2c2fcf7719effa364bef28f7381613461ca',
    w0: 0.21849615820739898,
    testLoss: 2.190933586789134,
  },
];

function run(c: Case) {
  const data = digitsData(c.scaling ?? 'standard');
  const trainer = createTrainer(
    digitsNetwork(c.hidden ?? 'tanh'),
    data.train,
    {
      learningRate: c.optimizer.kind === 'sgd' || c.optimizer.kind === 'momentum' ? 0.03 : 0.003,
      batchSize: 10,
      penalty: c.penalty ?? NONE,
      trainBiases: c.trainBiases ?? true,
      optimizer: c.optimizer,
    },
    1,
  );
  for (let s = 0; s < 250; s++) expect(trainer.step()).toBeNull();
  const numbers: number[] = [];
  for (const w of trainer.kernel.W) numbers.push(...w);
  for (const b of trainer.kernel.b) numbers.push(...b);
  const state = trainer.optimizerState();
  numbers.push(state.t);
  for (const buffers of [state.m ?? [], state.v ?? []]) {
    for (const layer of buffers) numbers.push(...layer.weights.flat(), ...layer.biases);
  }
  numbers.push(...(trainer.takeGradientNorms() ?? []));
  const train = trainer.evaluate(data.train, 'argmax');
  const predictions = new Int32Array(data.test.count);
  const test = trainer.evaluate(data.test, 'argmax', predictions);
  numbers.push(train.loss, train.accuracy ?? NaN, test.loss, test.accuracy ?? NaN, ...predictions);
  numbers.push(trainer.penalty());
  const digest = createHash('sha256')
    .update(new Uint8Array(Float64Array.from(numbers).buffer))
    .digest('hex');
  return { digest, w0: trainer.kernel.W[0]![300]!, testLoss: test.loss, count: numbers.length };
}

describe('the trainer on the digits, 64-16-10, batch 10: the numbers pinned to the last bit', () => {
  for (const c of CASES) {
    it(c.name, () => {
      const got = run(c);
      expect({ w0: got.w0, testLoss: got.testLoss, digest: got.digest }).toEqual({
        w0: c.w0,
        testLoss: c.testLoss,
        digest: c.digest,
      });
    });
  }
});
