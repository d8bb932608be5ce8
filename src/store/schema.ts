import { z } from './zod';
import {
  ACTIVATIONS,
  LOSSES,
  OPTIMIZER_KINDS,
  OPTIMIZER_REGISTRY,
  SGD,
  freshState,
  type HyperParameter,
} from '../engine';
import { MIN_SIDE } from '../data/picture';
import { NOTATION_IDS } from '../math/notations';
import { EXERCISE_KINDS, MAX_EXERCISE_SEED } from '../practice/exercises';
import { HELP_LEVELS } from '../practice/help';
import { QUANTITY_KINDS } from '../practice/types';
import {
  DEFAULT_LANDSCAPE,
  DEFAULT_PLAN,
  DEFAULT_PREDICT,
  LANDSCAPE_SIDES,
  HIDEABLE_PANELS,
  LESSON_LOCKS,
  MAX_LESSON_TEXT,
  MAX_LESSON_TITLE,
} from './types';
import { LIMITS, STEPPER_SIZES, TRAINING_SIZES, type NetworkSizes } from './limits';

/**
 * The shape of a learner's work: what a load accepts and what an edit or an update step may
 * produce (gate.ts and workCheck.ts check each change against these same parts). Bounds are
 * generous for numbers (trained weights may exceed what a learner can type) but strict for sizes,
 * so a file can never build a network larger than the app can show.
 */

/** Numbers of the work: finite (zod 4 refuses NaN and ±Infinity) and within ±maxSavedValue. */
const value = z.number().min(-LIMITS.maxSavedValue).max(LIMITS.maxSavedValue);

/** The schemas of a network and a sample within these sizes. */
function shapeSchemas(sizes: NetworkSizes) {
  const rows = Math.max(sizes.maxInputs, sizes.maxUnits);
  const columns = Math.max(sizes.maxUnits, sizes.maxOutputs);
  const layer = z.object({
    activation: z.enum(ACTIVATIONS as [string, ...string[]]),
    weights: z.array(z.array(value).min(1).max(columns)).min(1).max(rows),
    biases: z.array(value).min(1).max(columns),
  });
  const network = z.object({
    inputSize: z.number().int().min(1).max(sizes.maxInputs),
    layers: z
      .array(layer)
      .min(1)
      .max(sizes.maxHiddenLayers + 1),
    loss: z.enum(LOSSES as [string, ...string[]]),
  });
  const sample = z.object({
    x: z.array(value).min(1).max(sizes.maxInputs),
    y: z.array(value).min(1).max(sizes.maxOutputs),
  });
  // One number per weight and bias, per layer (whether it fits the network: workCheck.ts).
  const buffer = z
    .array(
      z.object({
        weights: z.array(z.array(value).min(1).max(columns)).min(1).max(rows),
        biases: z.array(value).min(1).max(columns),
      }),
    )
    .min(1)
    .max(sizes.maxHiddenLayers + 1);
  const optimizerState = z.object({
    kind: z.enum(OPTIMIZER_KINDS),
    t: z.number().int().min(0).max(1e9),
    m: buffer.optional(),
    v: buffer.optional(),
  });
  return { network, sample, optimizerState };
}

/** A hyper-parameter within its range (the engine's validateOptimizer says the same). */
function hyperParameter(p: HyperParameter) {
  const low = p.positive ? z.number().gt(p.min) : z.number().min(p.min);
  return p.openMax ? low.lt(p.max) : low.max(p.max);
}

/** One object per optimizer of the registry, its hyper-parameters each within range. */
const [firstOptimizer, ...otherOptimizers] = OPTIMIZER_KINDS.map((kind) =>
  z.object({
    kind: z.literal(kind),
    ...Object.fromEntries(
      OPTIMIZER_REGISTRY[kind].parameters.map((p) => [p.key, hyperParameter(p)]),
    ),
    ...(kind === 'momentum' ? { nesterov: z.boolean().optional() } : {}),
  }),
);
export const optimizerSchema = z.discriminatedUnion('kind', [
  firstOptimizer as NonNullable<typeof firstOptimizer>,
  ...otherOptimizers,
]);

// What the stepper holds: its own networks, and a picture's brought from the Train tab.
const stepperShapes = shapeSchemas(STEPPER_SIZES);
/** The stepper's network and sample. */
export const networkSchema = stepperShapes.network;
export const sampleSchema = stepperShapes.sample;

const selection = z.union([
  z.object({
    kind: z.literal('unit'),
    layer: z.number().int().min(0),
    unit: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('weight'),
    layer: z.number().int().min(1),
    from: z.number().int().min(0),
    to: z.number().int().min(0),
  }),
  z.object({
    kind: z.literal('bias'),
    layer: z.number().int().min(1),
    unit: z.number().int().min(0),
  }),
]);

// A landscape's parameter, within the largest network either tab allows (whether the network has
// it is the panel's to check: a shape change leaves it, and the panel then picks its default).
const landscapeParameter = z.union([
  z.object({
    kind: z.literal('weight'),
    layer: z
      .number()
      .int()
      .min(1)
      .max(TRAINING_SIZES.maxHiddenLayers + 1),
    from: z.number().int().min(0).max(TRAINING_SIZES.maxInputs),
    to: z.number().int().min(0).max(TRAINING_SIZES.maxUnits),
  }),
  z.object({
    kind: z.literal('bias'),
    layer: z
      .number()
      .int()
      .min(1)
      .max(TRAINING_SIZES.maxHiddenLayers + 1),
    unit: z.number().int().min(0).max(TRAINING_SIZES.maxUnits),
  }),
]);

/** The loss landscape's choices (store/types.ts, LandscapeChoice). */
export const landscapeChoiceSchema = z.object({
  open: z.boolean(),
  x: landscapeParameter.nullable(),
  y: landscapeParameter.nullable(),
  side: z.literal(LANDSCAPE_SIDES),
});

export const viewSchema = z.object({
  digits: z.number().int().min(LIMITS.minDigits).max(LIMITS.maxDigits),
  edgeMode: z.enum(['weights', 'gradients']),
  matrixView: z.boolean(),
  // Saves from before the computation graph have none.
  graph: z.boolean().default(false),
  hidden: z.array(z.enum(HIDEABLE_PANELS as [string, ...string[]])).max(HIDEABLE_PANELS.length),
  // Saves from before lessons have none.
  lesson: z.boolean().default(false),
  // Saves from before lesson plans have none.
  plan: z
    .object({
      title: z.string().max(MAX_LESSON_TITLE),
      text: z.string().max(MAX_LESSON_TEXT),
      locks: z.array(z.enum(LESSON_LOCKS as [string, ...string[]])).max(LESSON_LOCKS.length),
      showMe: z.boolean(),
    })
    .default(DEFAULT_PLAN),
  // Saves from before the landscape's choices were saved have none.
  landscape: landscapeChoiceSchema.default(DEFAULT_LANDSCAPE),
});

const count = z.number().int().min(0).max(1e9);

const answer = z.object({ wrong: count, outcome: z.enum(['right', 'shown']).nullable() });

/**
 * A question's key in the answers (practice/questions.ts, answerKey): 'loss', 'z:1:0@1',
 * 'dW:2:0:1'. Saves from before per-sample answers have z, a and δ without '@sample'.
 */
const questionKey = z
  .string()
  .regex(
    /^(loss|(z|a|delta):\d{1,2}:\d{1,2}(@\d{1,2})?|(db|b):\d{1,2}:\d{1,2}|(dW|w):\d{1,2}:\d{1,2}:\d{1,2})$/,
  );

/**
 * Every question the largest network's pass can ask: z, a, δ of each unit for each sample; ∂L/∂b,
 * b of each unit; ∂L/∂w, w of each weight; L.
 */
const MAX_QUESTIONS = (() => {
  const { maxInputs, maxHiddenLayers, maxUnits, maxOutputs, maxSamples } = STEPPER_SIZES;
  const units = maxHiddenLayers * maxUnits + maxOutputs;
  const weights =
    maxInputs * maxUnits + (maxHiddenLayers - 1) * maxUnits * maxUnits + maxUnits * maxOutputs;
  return 3 * units * maxSamples + 2 * units + 2 * weights + 1;
})();

const kind = z.enum(QUANTITY_KINDS as [string, ...string[]]);

export const predictSchema = z.object({
  on: z.boolean(),
  asked: z.array(kind).max(QUANTITY_KINDS.length),
  help: z.enum(HELP_LEVELS as [string, ...string[]]),
  answers: z
    .record(questionKey, answer)
    .refine((answers) => Object.keys(answers).length <= MAX_QUESTIONS, {
      message: `at most ${MAX_QUESTIONS} answers`,
    }),
  passDone: z.boolean(),
  // Saves from before the record have none.
  scored: z.array(questionKey).max(MAX_QUESTIONS).default([]),
  score: z.partialRecord(
    kind,
    z
      .object({ right: count, asked: count })
      .refine((t) => t.right <= t.asked, { message: 'more right than asked' }),
  ),
});

function learnerSchemaOf(shapes: ReturnType<typeof shapeSchemas>, sizes: NetworkSizes) {
  return z.object({
    network: shapes.network,
    samples: z.array(shapes.sample).min(1).max(sizes.maxSamples),
    sampleIndex: z.number().int().min(0),
    learningRate: z.number().min(0).max(LIMITS.maxLearningRate),
    trainBiases: z.boolean(),
    stepIndex: z.number().int().min(0),
    granularity: z.enum(['layer', 'unit']),
    selection: selection.nullable(),
    notation: z.enum(NOTATION_IDS),
    view: viewSchema,
    exampleId: z.string().max(64).nullable(),
    // Saves from before exercises have none.
    exercise: z
      .object({
        kind: z.enum(EXERCISE_KINDS),
        seed: z.number().int().min(1).max(MAX_EXERCISE_SEED),
        batchOfTwo: z.boolean(),
      })
      .nullable()
      .default(null),
    history: z.array(shapes.network).max(LIMITS.maxHistory),
    // Saves from before the optimizers (issue 16) have none: plain SGD, which keeps no state.
    optimizer: optimizerSchema.default(SGD),
    optimizerState: shapes.optimizerState.default(freshState(SGD)),
    optimizerHistory: z.array(shapes.optimizerState).max(LIMITS.maxHistory).default([]),
    // Saves from before predict-first have none.
    predict: predictSchema.default(DEFAULT_PREDICT),
    // Saves from before pictures in the stepper have none (workCheck: it covers the inputs).
    picture: z
      .object({
        width: z.number().int().min(MIN_SIDE).max(sizes.maxInputs),
        height: z.number().int().min(MIN_SIDE).max(sizes.maxInputs),
      })
      .nullable()
      .default(null),
  });
}

/** The stepper's work. */
export const learnerSchema = learnerSchemaOf(stepperShapes, STEPPER_SIZES);
export type LearnerSchema = typeof learnerSchema;

const trainingShapes = shapeSchemas(TRAINING_SIZES);
/** The Train tab's network (its bench holds a work of the stepper's kind, with these sizes). */
export const trainingNetworkSchema = trainingShapes.network;
/** The optimizer's state of a Train tab network (whether it fits the network: the reader checks). */
export const trainingOptimizerStateSchema = trainingShapes.optimizerState;
const trainingLearnerSchema: LearnerSchema = learnerSchemaOf(trainingShapes, TRAINING_SIZES);

/** The work's schema for a store of these sizes: the stepper's, or the Train tab's. */
export function learnerSchemaFor(sizes: NetworkSizes): LearnerSchema {
  return sizes === TRAINING_SIZES ? trainingLearnerSchema : learnerSchema;
}

/** Version 1 is the first saved shape; each later one has a migration in persist.ts (2: trainBiases). */
export const CURRENT_VERSION = 2;

export const savedSchema = z.object({
  app: z.literal('backstep'),
  version: z.literal(CURRENT_VERSION),
  work: learnerSchema,
  /** The Train tab's work in a share link: checked by the training layer, which reads it. */
  training: z.unknown().optional(),
});

export type SavedWork = z.infer<typeof savedSchema>;
