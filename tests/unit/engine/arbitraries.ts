/** fast-check generators of small random networks and batches for the engine's property tests. */
import fc from 'fast-check';
import type { Activation, Loss, Network, Sample } from '../../../src/engine';

export const ALL_ACTIVATIONS: Activation[] = [
  'sigmoid',
  'tanh',
  'relu',
  'leakyRelu',
  'elu',
  'swish',
  'linear',
  'softmax',
];

/**
 * Every (output activation, loss) pair the brief allows, written out by hand (not taken from the
 * engine): the squared errors with any output, binary cross-entropy with sigmoid only,
 * cross-entropy with softmax or sigmoid.
 */
export const ALLOWED_PAIRS: [Activation, Loss][] = [
  ...ALL_ACTIVATIONS.flatMap((a): [Activation, Loss][] => [
    [a, 'sse'],
    [a, 'halfSse'],
    [a, 'mse'],
  ]),
  ['sigmoid', 'binaryCrossEntropy'],
  ['softmax', 'crossEntropy'],
  ['sigmoid', 'crossEntropy'],
];

const weight = fc.double({ min: -2, max: 2, noNaN: true });
const probability = fc.double({ min: 0, max: 1, noNaN: true });

export interface Case {
  network: Network;
  batch: Sample[];
}

/**
 * A network of 1–3 layers (hidden activations drawn from all eight), 1–4 units each, weights and
 * biases in [−2, 2]; a batch of 1–4 samples with x in [−2, 2] and y in [0, 1] for the
 * cross-entropies, [−2, 2] otherwise. With `hidden`, the last hidden layer has that activation.
 */
export function caseArbitrary(
  output: Activation,
  loss: Loss,
  hidden?: Activation,
): fc.Arbitrary<Case> {
  const hiddenLayer = (activation: fc.Arbitrary<Activation>) =>
    fc.record({ units: fc.integer({ min: 1, max: 4 }), activation });
  const shape = fc.record({
    inputSize: fc.integer({ min: 1, max: 4 }),
    hidden:
      hidden === undefined
        ? fc.array(hiddenLayer(fc.constantFrom(...ALL_ACTIVATIONS)), { minLength: 0, maxLength: 2 })
        : fc
            .tuple(
              fc.array(hiddenLayer(fc.constantFrom(...ALL_ACTIVATIONS)), { maxLength: 1 }),
              hiddenLayer(fc.constant(hidden)),
            )
            .map(([before, last]) => [...before, last]),
    outputUnits: fc.integer({ min: 1, max: 4 }),
    batchSize: fc.integer({ min: 1, max: 4 }),
  });
  const target = loss === 'binaryCrossEntropy' || loss === 'crossEntropy' ? probability : weight;
  return shape.chain(({ inputSize, hidden, outputUnits, batchSize }) => {
    const specs = [...hidden, { units: outputUnits, activation: output }];
    let nPrev = inputSize;
    const layers = specs.map((spec) => {
      const layer = fc.record({
        activation: fc.constant(spec.activation),
        weights: fc.array(fc.array(weight, { minLength: spec.units, maxLength: spec.units }), {
          minLength: nPrev,
          maxLength: nPrev,
        }),
        biases: fc.array(weight, { minLength: spec.units, maxLength: spec.units }),
      });
      nPrev = spec.units;
      return layer;
    });
    const sample = fc.record({
      x: fc.array(weight, { minLength: inputSize, maxLength: inputSize }),
      y: fc.array(target, { minLength: outputUnits, maxLength: outputUnits }),
    });
    return fc.record({
      network: fc.record({
        inputSize: fc.constant(inputSize),
        layers: fc.tuple(...layers),
        loss: fc.constant(loss),
      }),
      batch: fc.array(sample, { minLength: batchSize, maxLength: batchSize }),
    });
  });
}
