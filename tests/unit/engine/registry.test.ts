/**
 * The activation and loss registries (issue 11, "one source per fact"): every record complete,
 * each f' against central differences of its own f, the two activations added through the registry
 * (ELU with α = 1, swish = z·σ(z)) checked against hand-worked numbers, and the lists derived from
 * the records.
 */
import { describe, expect, it } from 'vitest';
import {
  ACTIVATION_REGISTRY,
  ACTIVATIONS,
  assertNever,
  ELEMENTWISE_ACTIVATIONS,
  elementwise,
  isElementwise,
  LOSS_REGISTRY,
  LOSSES,
  initializeNetwork,
  lossOf,
  lossProblem,
  runPass,
  SQUARED_LOSSES,
  squaredErrorFactor,
  train,
  type Network,
  type TexNumbers,
} from '../../../src/engine';

const NUMBERS: TexNumbers = {
  num: (x) => String(x),
  factor: (x) => (x < 0 ? `(${x})` : String(x)),
};

/** Within k units in the last place of `expected`. */
function expectUlps(actual: number | undefined, expected: number, k = 2) {
  const ulp = Number.EPSILON * Math.abs(expected);
  expect(Math.abs((actual ?? NaN) - expected)).toBeLessThanOrEqual(k * ulp);
}

describe('the activation registry', () => {
  it('lists every id once, in menu order, the ids saved work and share links carry', () => {
    expect(ACTIVATIONS).toEqual([
      'sigmoid',
      'tanh',
      'relu',
      'leakyRelu',
      'elu',
      'swish',
      'linear',
      'softmax',
    ]);
    expect(ELEMENTWISE_ACTIVATIONS).toEqual(ACTIVATIONS.filter((a) => a !== 'softmax'));
    expect(Object.keys(elementwise).sort()).toEqual([...ELEMENTWISE_ACTIVATIONS].sort());
  });

  it.each(ACTIVATIONS)('%s: its record is complete', (activation) => {
    const record = ACTIVATION_REGISTRY[activation];
    expect(record.name).toMatch(/\S/);
    expect(record.label).toMatch(/\S/);
    expect(record.symbolTex).toMatch(/^\\/);
    expect(record.symbolText).toMatch(/^\S+$/);
    expect(typeof record.heInit).toBe('boolean');
    expect(isElementwise(activation)).toBe(record.elementwise !== null);
    const f = record.elementwise;
    if (f === null) return;
    for (const z of [-2.5, -0.3, 0.7, 3]) {
      const a = f.f(z);
      expect(Number.isFinite(a)).toBe(true);
      expect(
        typeof f.definitionTex('z', NUMBERS) === 'string' || f.definitionTex('z', NUMBERS) === null,
      ).toBe(true);
      expect(f.substitutedTex(z, NUMBERS)).toContain(String(z));
      expect(f.derivativeTex('a', 'z', NUMBERS)).toMatch(/\S/);
      expect(f.derivativeSubstitutedTex(a, z, NUMBERS)).toMatch(/\S/);
    }
  });

  it.each(ELEMENTWISE_ACTIVATIONS)(
    "%s: f' equals central differences of f to ~1e-9",
    (activation) => {
      const { f, df } = ACTIVATION_REGISTRY[activation].elementwise;
      const h = 1e-5;
      for (let z = -4.05; z < 4; z += 0.1) {
        const numeric = (f(z + h) - f(z - h)) / (2 * h);
        expect(Math.abs(df(z, f(z)) - numeric)).toBeLessThan(1e-9);
      }
    },
  );

  it('He initialization for the ReLU family only', () => {
    expect(ACTIVATIONS.filter((a) => ACTIVATION_REGISTRY[a].heInit)).toEqual([
      'relu',
      'leakyRelu',
      'elu',
      'swish',
    ]);
  });

  it('ELU (α = 1) by hand: ELU(−1) = e^−1 − 1, ELU′(−1) = e^−1, identity above 0', () => {
    const { f, df } = ACTIVATION_REGISTRY.elu.elementwise;
    expect(f(-1)).toBe(-0.6321205588285577);
    expect(df(-1, f(-1))).toBe(0.36787944117144233);
    expect(f(-0.5)).toBe(-0.3934693402873666);
    expect(f(2.5)).toBe(2.5);
    expect(df(2.5, 2.5)).toBe(1);
    // Relatively exact near 0 (expm1, not exp − 1) and at the far end, where a + 1 would be 0:
    expect(f(-1e-20)).toBe(-1e-20);
    expect(f(-1000)).toBe(-1);
    expect(df(-40, f(-40))).toBe(Math.exp(-40));
  });

  it('swish by hand: swish(1) = σ(1), swish′(1) = σ(1)(1 + σ(−1)), no overflow at ±1000', () => {
    const { f, df } = ACTIVATION_REGISTRY.swish.elementwise;
    expect(f(1)).toBe(0.7310585786300049);
    // Exactly 0.92767051187148673178…; the float64 nearest is …867, the formula lands within 2 ulp.
    expectUlps(df(1, f(1)), 0.9276705118714867);
    expectUlps(f(-0.5), -0.1887703343990727);
    expectUlps(df(-0.5, f(-0.5)), 0.2600388126973482);
    expect(f(1000)).toBe(1000);
    expect(df(1000, f(1000))).toBe(1);
    expect(Object.is(f(-1000), -0)).toBe(true);
    expect(df(-1000, f(-1000))).toBe(-0);
    expectUlps(df(-40, f(-40)), -1.6568581595637197e-16, 4); // σ(−40)(1 − 40σ(40)), no cancellation
  });
});

describe('the kernel runs the registry’s ELU and swish (hand-worked passes)', () => {
  const oneUnit = (activation: 'elu' | 'swish', w: number): Network => ({
    inputSize: 1,
    loss: 'halfSse',
    layers: [{ activation, weights: [[w]], biases: [0] }],
  });

  it('ELU output, z = −1, y = 0: a = e^−1 − 1, L = ½a², δ = a·e^−1', () => {
    const pass = runPass(oneUnit('elu', -1), [{ x: [1], y: [0] }]);
    expect(pass.samples[0]?.layers[0]?.a[0]).toBe(-0.6321205588285577);
    expectUlps(pass.loss, 0.19978820044686402);
    expectUlps(pass.samples[0]?.layers[0]?.delta[0], -0.23254415793482963);
    expectUlps(pass.grads[0]?.dW[0]?.[0], -0.23254415793482963);
  });

  it('swish output, z = 1, y = 0: a = σ(1), δ = a·swish′(1)', () => {
    const pass = runPass(oneUnit('swish', 1), [{ x: [1], y: [0] }]);
    expect(pass.samples[0]?.layers[0]?.a[0]).toBe(0.7310585786300049);
    expectUlps(pass.loss, 0.2672233226942615);
    expectUlps(pass.samples[0]?.layers[0]?.delta[0], 0.6781814858457381, 3);
  });

  it('ELU hidden layer under a linear output w = 2: δ¹ = 2·δ²·e^−1', () => {
    const network: Network = {
      inputSize: 1,
      loss: 'halfSse',
      layers: [
        { activation: 'elu', weights: [[-1]], biases: [0] },
        { activation: 'linear', weights: [[2]], biases: [0] },
      ],
    };
    const pass = runPass(network, [{ x: [1], y: [0] }]);
    expectUlps(pass.samples[0]?.layers[1]?.delta[0], -1.2642411176571153);
    expectUlps(pass.samples[0]?.layers[0]?.delta[0], -0.9301766317393185, 3);
  });
});

describe('ELU and swish train', () => {
  // XOR with a 2-4-1 network: a hidden layer that learns nothing leaves the loss near ln 2 = 0.69.
  const xor = [
    { x: [0, 0], y: [0] },
    { x: [0, 1], y: [1] },
    { x: [1, 0], y: [1] },
    { x: [1, 1], y: [0] },
  ];
  it.each(['elu', 'swish'] as const)(
    '%s hidden units learn XOR (binary cross-entropy)',
    (hidden) => {
      const network = initializeNetwork(
        {
          inputSize: 2,
          loss: 'binaryCrossEntropy',
          layers: [
            { units: 4, activation: hidden },
            { units: 1, activation: 'sigmoid' },
          ],
        },
        7,
      );
      const trained = train(network, xor, { learningRate: 0.5, batchSize: 4, epochs: 3000 });
      expect(lossOf(network, xor)).toBeGreaterThan(0.5);
      expect(lossOf(trained, xor)).toBeLessThan(0.05);
    },
  );
});

describe('the loss registry', () => {
  it('lists the ids saved work and share links carry, in menu order', () => {
    expect(LOSSES).toEqual(['sse', 'halfSse', 'mse', 'binaryCrossEntropy', 'crossEntropy']);
    expect(SQUARED_LOSSES).toEqual(['sse', 'halfSse', 'mse']);
  });

  it.each(LOSSES)('%s: its record is complete', (loss) => {
    const record = LOSS_REGISTRY[loss];
    expect(record.name).toMatch(/\S/);
    expect(record.label).toMatch(/\S/);
    if (record.family === 'squared') {
      expect(record.total(6, 3)).toBeGreaterThan(0);
      expect(record.factor(3)).toBeGreaterThan(0);
      expect(typeof record.prefixTex('3')).toBe('string');
      expect(typeof record.factorTex('3')).toBe('string');
    } else {
      expect(record.outputs.length).toBeGreaterThan(0);
      expect(record.outputsWhy).toMatch(/\S/);
    }
  });

  it('the squared errors by hand: Σ(a−y)² = 6 over n = 3 outputs', () => {
    const total = (loss: 'sse' | 'halfSse' | 'mse') => {
      const record = LOSS_REGISTRY[loss];
      return record.family === 'squared' ? record.total(6, 3) : NaN;
    };
    expect([total('sse'), total('halfSse'), total('mse')]).toEqual([6, 3, 2]);
    expect(LOSSES.map((l) => squaredErrorFactor(l, 4))).toEqual([2, 1, 0.5, 1, 1]);
  });

  it('the output layers each loss admits come from its record, with the same messages', () => {
    expect(lossProblem('binaryCrossEntropy', 'elu')).toBe(
      'Binary cross-entropy needs a sigmoid output layer (its outputs must be probabilities in (0, 1)); the output layer is elu.',
    );
    expect(lossProblem('crossEntropy', 'swish')).toBe(
      'Cross-entropy needs a softmax or sigmoid output layer (ln a needs a > 0); the output layer is swish.',
    );
    expect(lossProblem('crossEntropy', 'sigmoid')).toBeNull();
    expect(lossProblem('mse', 'swish')).toBeNull();
  });
});

it('assertNever names the case it was not meant to reach', () => {
  expect(() => assertNever('gelu' as never)).toThrow('Unhandled case: gelu');
});
