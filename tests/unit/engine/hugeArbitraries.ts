/**
 * fast-check generators of networks whose pre-activations reach ±1000: each layer's weights and
 * biases are drawn in [−1, 1] and scaled so that the largest |z| it can produce is a chosen bound.
 */
import fc from 'fast-check';
import type { Activation, Loss, Network, Sample } from '../../../src/engine';
import { ALL_ACTIVATIONS, type Case } from './arbitraries';

/** In [−1, 1], at ±1 a third of the time so that sums line up and reach their bound. */
const unit = fc.oneof(fc.constantFrom(-1, 1), fc.double({ min: -1, max: 1, noNaN: true }));
const probability = fc.double({ min: 0, max: 1, noNaN: true });
/** Targets at the ends of [0, 1] half the time: where cancellation in a − y would show. */
const target = fc.oneof(fc.constantFrom(0, 1), probability);
const bounded = (a: Activation) => a === 'sigmoid' || a === 'tanh' || a === 'softmax';

/** How large |z| may get in a layer: sometimes small, mostly between 30 and 1000, often 1000. */
const zBound = fc.oneof(
  { weight: 1, arbitrary: fc.double({ min: 1, max: 30, noNaN: true }) },
  { weight: 2, arbitrary: fc.double({ min: 30, max: 1000, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(1000) },
);

export function hugeCaseArbitrary(output: Activation, loss: Loss): fc.Arbitrary<Case> {
  const shape = fc.record({
    inputSize: fc.integer({ min: 1, max: 3 }),
    hidden: fc.array(
      fc.record({
        units: fc.integer({ min: 1, max: 3 }),
        activation: fc.constantFrom(...ALL_ACTIVATIONS),
      }),
      { minLength: 0, maxLength: 2 },
    ),
    outputUnits: fc.integer({ min: 1, max: 3 }),
    batchSize: fc.integer({ min: 1, max: 2 }),
    bounds: fc.array(zBound, { minLength: 3, maxLength: 3 }),
  });
  const crossEntropy = loss === 'binaryCrossEntropy' || loss === 'crossEntropy';
  return shape.chain(({ inputSize, hidden, outputUnits, batchSize, bounds }) => {
    const specs = [...hidden, { units: outputUnits, activation: output }];
    let nPrev = inputSize;
    let aBound = 1; // |x| ≤ 1
    const layers = specs.map((spec, l) => {
      const zMax = bounds[l] as number;
      // |z_j| ≤ (nPrev·aBound + 1)·c when every |w|, |b| ≤ c.
      const c = zMax / (nPrev * aBound + 1);
      const scaled = unit.map((v) => v * c);
      const layer = fc.record({
        activation: fc.constant(spec.activation),
        weights: fc.array(fc.array(scaled, { minLength: spec.units, maxLength: spec.units }), {
          minLength: nPrev,
          maxLength: nPrev,
        }),
        biases: fc.array(scaled, { minLength: spec.units, maxLength: spec.units }),
      });
      nPrev = spec.units;
      aBound = bounded(spec.activation) ? 1 : zMax;
      return layer;
    });
    const sample: fc.Arbitrary<Sample> = fc.record({
      x: fc.array(unit, { minLength: inputSize, maxLength: inputSize }),
      y: fc.array(crossEntropy ? target : unit, { minLength: outputUnits, maxLength: outputUnits }),
    });
    return fc.record({
      network: fc.record({
        inputSize: fc.constant(inputSize),
        layers: fc.tuple(...layers),
        loss: fc.constant(loss),
      }) as fc.Arbitrary<Network>,
      batch: fc.array(sample, { minLength: batchSize, maxLength: batchSize }),
    });
  });
}
