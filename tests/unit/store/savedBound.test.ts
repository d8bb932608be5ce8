/**
 * The bound the gate relies on (workCheck.ts, `runProblem`): a network whose every weight and bias
 * is within ±maxSavedValue, run on samples within it, at the largest sizes either tab allows,
 * computes its pass — every z, a, δ, gradient and the loss finite — whatever its activations and
 * loss. So the check of an edit need not run the updated network's pass when the update stays
 * within what can be saved. The worst cases for growth: every number at the bound, all of one
 * sign (ReLU, linear, ELU and swish pass it on), or alternating; the targets at their extremes.
 * A new activation, loss or limit that breaks the bound fails here.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  LOSS_REGISTRY,
  LOSSES,
  lossProblem,
  runPass,
  type Activation,
  type Loss,
  type Network,
  type Sample,
} from '../../../src/engine';
import { LIMITS, STEPPER_SIZES, TRAINING_SIZES } from '../../../src/store/limits';

const BOUND = LIMITS.maxSavedValue;
const SIZES = {
  inputs: Math.max(STEPPER_SIZES.maxInputs, TRAINING_SIZES.maxInputs),
  hidden: Math.max(STEPPER_SIZES.maxHiddenLayers, TRAINING_SIZES.maxHiddenLayers),
  units: Math.max(STEPPER_SIZES.maxUnits, TRAINING_SIZES.maxUnits),
  outputs: Math.max(STEPPER_SIZES.maxOutputs, TRAINING_SIZES.maxOutputs),
  samples: Math.max(STEPPER_SIZES.maxSamples, TRAINING_SIZES.maxSamples),
};

const HIDDEN = ACTIVATIONS.filter((a) => a !== 'softmax');
/** Every loss with each output activation it admits (the squared losses take any). */
const PAIRS: [Activation, Loss][] = LOSSES.flatMap((loss) =>
  ACTIVATIONS.filter((output) => lossProblem(loss, output) === null).map(
    (output): [Activation, Loss] => [output, loss],
  ),
);

type Value = (layer: number, i: number, j: number) => number;
const same: Value = () => BOUND;
const alternating: Value = (l, i, j) => ((l + i + j) % 2 ? BOUND : -BOUND);

function network(hidden: Activation, output: Activation, loss: Loss, value: Value): Network {
  const sizes = [SIZES.inputs, ...Array<number>(SIZES.hidden).fill(SIZES.units), SIZES.outputs];
  return {
    inputSize: SIZES.inputs,
    loss,
    layers: sizes.slice(1).map((n, l) => ({
      activation: l === SIZES.hidden ? output : hidden,
      weights: Array.from({ length: sizes[l] as number }, (_, i) =>
        Array.from({ length: n }, (_, j) => value(l, i, j)),
      ),
      biases: Array.from({ length: n }, (_, j) => value(l, -1, j)),
    })),
  };
}

function samples(loss: Loss, sign: number): Sample[] {
  const probabilities = LOSS_REGISTRY[loss].family !== 'squared';
  return Array.from({ length: SIZES.samples }, (_, s) => ({
    x: Array<number>(SIZES.inputs).fill(sign * BOUND),
    y: Array.from({ length: SIZES.outputs }, (_, j) =>
      probabilities ? (s + j) % 2 : ((s + j) % 2 ? -BOUND : BOUND),
    ),
  }));
}

const finite = (values: ArrayLike<number>) => Array.from(values).every(Number.isFinite);

describe('a pass within what can be saved always computes', () => {
  it.each(PAIRS)('output %s with %s, every hidden activation, at the extremes', (output, loss) => {
    for (const hidden of HIDDEN) {
      for (const [value, sign] of [
        [same, 1],
        [same, -1],
        [alternating, 1],
      ] as const) {
        const pass = runPass(network(hidden, output, loss, value), samples(loss, sign));
        expect(Number.isFinite(pass.loss), `${hidden}`).toBe(true);
        for (const g of pass.grads) {
          expect(g.dW.every(finite) && finite(g.db), `${hidden}`).toBe(true);
        }
      }
    }
  });

  it('and anywhere in between (random numbers within the bound, random activations)', () => {
    const number = fc.double({ min: -BOUND, max: BOUND, noNaN: true });
    fc.assert(
      fc.property(
        fc.constantFrom(...PAIRS),
        fc.constantFrom(...HIDDEN),
        fc.array(number, { minLength: 64, maxLength: 64 }),
        fc.integer({ min: 0, max: 1 }),
        ([output, loss], hidden, pool, flip) => {
          const value: Value = (l, i, j) =>
            (pool[(l * 31 + (i + 1) * 7 + j) % pool.length] as number) * (flip ? -1 : 1);
          const pass = runPass(network(hidden, output, loss, value), samples(loss, 1));
          expect(Number.isFinite(pass.loss)).toBe(true);
        },
      ),
      { numRuns: 30 },
    );
  });
});
