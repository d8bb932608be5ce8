import { createRng, type Activation, type Loss, type Network, type Sample } from '../engine';

/**
 * Exercises to work through by hand: a fresh network and batch whose every number (weights,
 * biases, inputs, targets, η) has at most two decimals, drawn from a seed with the engine's seeded
 * generator, so the same kind and seed give the same exercise everywhere (a class shares a link).
 */

/** Which targets a kind draws: one decimal in (0, 1), a class label 0 or 1, or one-hot. */
type Targets = 'decimal' | 'binary' | 'oneHot';

interface ExerciseKindRecord {
  /** For titles: '2-2-1 sigmoid'. */
  name: string;
  /** The option in the kind menu, with the loss said: '2-2-1 sigmoid, binary cross-entropy'. */
  label: string;
  inputs: number;
  hidden: { units: number; activation: Activation };
  output: { units: number; activation: Activation };
  loss: Loss;
  targets: Targets;
}

const KINDS = {
  'chain-1-1-1': {
    name: '1-1-1 chain',
    label: '1-1-1 chain, squared error (note 002)',
    inputs: 1,
    hidden: { units: 1, activation: 'sigmoid' },
    output: { units: 1, activation: 'sigmoid' },
    loss: 'sse',
    targets: 'decimal',
  },
  'sigmoid-2-2-1': {
    name: '2-2-1 sigmoid',
    label: '2-2-1 sigmoid, binary cross-entropy',
    inputs: 2,
    hidden: { units: 2, activation: 'sigmoid' },
    output: { units: 1, activation: 'sigmoid' },
    loss: 'binaryCrossEntropy',
    targets: 'binary',
  },
  'half-squared-2-2-2': {
    name: '2-2-2 sigmoid, ½ squared error',
    label: '2-2-2 sigmoid, ½ squared error',
    inputs: 2,
    hidden: { units: 2, activation: 'sigmoid' },
    output: { units: 2, activation: 'sigmoid' },
    loss: 'halfSse',
    targets: 'decimal',
  },
  'softmax-2-3-2': {
    name: '2-3-2 softmax',
    label: '2-3-2 softmax, cross-entropy',
    inputs: 2,
    hidden: { units: 3, activation: 'sigmoid' },
    output: { units: 2, activation: 'softmax' },
    loss: 'crossEntropy',
    targets: 'oneHot',
  },
} as const satisfies Record<string, ExerciseKindRecord>;

export type ExerciseKind = keyof typeof KINDS;

/** Every kind's record, keyed by id. */
export const EXERCISE_KIND_REGISTRY: { readonly [K in ExerciseKind]: ExerciseKindRecord } = KINDS;

/** The ids in menu order. Saved work and share links carry them: never rename one. */
export const EXERCISE_KINDS = Object.keys(KINDS) as [ExerciseKind, ...ExerciseKind[]];

/** Seeds are whole numbers from 1 to this: four digits a teacher can read out to a class. */
export const MAX_EXERCISE_SEED = 9999;

/** What names an exercise, and what the work and its share link carry to reproduce it. */
export interface ExerciseId {
  kind: ExerciseKind;
  seed: number;
  /** Two samples in the batch (the gradient is their mean) instead of one. */
  batchOfTwo: boolean;
}

export interface Exercise {
  network: Network;
  samples: Sample[];
  learningRate: number;
  /** Exercises update the biases too. */
  trainBiases: boolean;
}

/**
 * 'Exercise, seed 4821: 2-2-1 sigmoid' (', batch of two' when it has two samples). The seed comes
 * first: a narrow Example box cuts the end of its title off, and the seed is what a class compares.
 */
export function exerciseTitle(id: ExerciseId): string {
  const batch = id.batchOfTwo ? ', batch of two' : '';
  return `Exercise, seed ${id.seed}: ${EXERCISE_KIND_REGISTRY[id.kind].name}${batch}`;
}

/** A seeded draw of whole numbers, lo…hi inclusive. */
function integers(seed: number): (lo: number, hi: number) => number {
  const rng = createRng(seed);
  return (lo, hi) => lo + Math.floor(rng() * (hi - lo + 1));
}

/**
 * k/100 or k/10 as the double a learner gets by typing the decimal (one correctly rounded
 * division: 3/20 is 0.15 exactly as typed, where 3 * 0.05 is 0.15000000000000002).
 */
const hundredths = (k: number) => k / 100;
const tenths = (k: number) => k / 10;

const LEARNING_RATES = [0.1, 0.5, 1] as const;

export function exercise(kind: ExerciseKind, seed: number, batchOfTwo = false): Exercise {
  const spec = EXERCISE_KIND_REGISTRY[kind];
  const draw = integers(seed);
  const nonZero = (lo: number, hi: number) => {
    const k = draw(lo, hi - 1);
    return k >= 0 ? k + 1 : k;
  };
  // Weights ±0.05…±1.00 in steps of 0.05; biases −0.5…0.5 in tenths; inputs ±0.1…±1.0.
  const weight = () => hundredths(5 * nonZero(-20, 20));
  const bias = () => tenths(draw(-5, 5));
  const layer = (inputs: number, units: number, activation: Activation) => ({
    activation,
    weights: Array.from({ length: inputs }, () => Array.from({ length: units }, weight)),
    biases: Array.from({ length: units }, bias),
  });
  const network: Network = {
    inputSize: spec.inputs,
    loss: spec.loss,
    layers: [
      layer(spec.inputs, spec.hidden.units, spec.hidden.activation),
      layer(spec.hidden.units, spec.output.units, spec.output.activation),
    ],
  };
  const target = (): number[] => {
    switch (spec.targets) {
      case 'decimal':
        return Array.from({ length: spec.output.units }, () => tenths(draw(1, 9)));
      case 'binary':
        return [draw(0, 1)];
      case 'oneHot': {
        const label = draw(0, spec.output.units - 1);
        return Array.from({ length: spec.output.units }, (_, j) => (j === label ? 1 : 0));
      }
    }
  };
  const sample = (): Sample => ({
    x: Array.from({ length: spec.inputs }, () => tenths(nonZero(-10, 10))),
    y: target(),
  });
  const first = sample();
  const samples = [first];
  if (batchOfTwo) {
    // Two equal samples would make the mean over the batch look like one sample.
    let second = sample();
    while (second.x.join() === first.x.join()) second = sample();
    samples.push(second);
  }
  const learningRate = LEARNING_RATES[draw(0, LEARNING_RATES.length - 1)] ?? 0.5;
  return { network, samples, learningRate, trainBiases: true };
}
