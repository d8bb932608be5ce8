import { MAX_PARAMETER } from '../engine';

/**
 * The sizes a network may have. The stepper shows every number of a pass, so its networks are
 * small (LIMITS); the Train tab only draws them, so it takes real data's width (TRAINING_SIZES).
 */
export interface NetworkSizes {
  maxInputs: number;
  maxHiddenLayers: number;
  maxUnits: number;
  maxOutputs: number;
  /** Samples in the stepper's batch (the Train tab's mini-batch too). */
  maxSamples: number;
}

/** The stepper's largest network, and the range of every number a learner can type. */
export const LIMITS = {
  maxInputs: 8,
  maxHiddenLayers: 8,
  maxUnits: 16,
  maxOutputs: 10,
  maxSamples: 32,
  /** |w|, |b|, |x|, |y| above this are refused: they say nothing a smaller value does not. */
  maxAbsValue: 1000,
  maxLearningRate: 10,
  /**
   * |w|, |b|, |x|, |y| the saved work keeps. Wider than what a learner types (updates and training
   * move weights further), and the one bound an update step, a load and the trainer check (the
   * engine's MAX_PARAMETER): a number beyond it says the descent diverged.
   */
  maxSavedValue: MAX_PARAMETER,
  /** Networks kept before each applied update, for stepping back past it (saved with the work). */
  maxHistory: 20,
  /** Significant digits the diagram can show. */
  minDigits: 4,
  maxDigits: 12,
} as const;

/** The Train tab's largest network: the stepper's, with an input as wide as an 8×8 picture. */
export const TRAINING_SIZES: NetworkSizes = {
  maxInputs: 64,
  maxHiddenLayers: LIMITS.maxHiddenLayers,
  maxUnits: LIMITS.maxUnits,
  maxOutputs: LIMITS.maxOutputs,
  maxSamples: LIMITS.maxSamples,
};

/**
 * What the stepper can hold: a network a learner builds there has at most LIMITS.maxInputs inputs,
 * but one brought from the Train tab with a drawing as its sample ("Step through this drawing")
 * has one input per pixel of the picture (64 for the 8×8 digits). Saved works and links take it.
 */
export const STEPPER_SIZES: NetworkSizes = {
  maxInputs: TRAINING_SIZES.maxInputs,
  maxHiddenLayers: LIMITS.maxHiddenLayers,
  maxUnits: LIMITS.maxUnits,
  maxOutputs: LIMITS.maxOutputs,
  maxSamples: LIMITS.maxSamples,
};

/** How much data training takes: enough to learn from, small enough to train live in a browser. */
export const DATA_LIMITS = {
  minPoints: 10,
  /** Points a generator makes. */
  maxPoints: 2000,
  /** Data rows of a file (Train and test together). */
  maxRows: 20_000,
  /** A loaded file, in bytes (and a pasted one in characters). */
  maxFileBytes: 5 * 1024 * 1024,
  /** Data values beyond this are refused: the saved work keeps numbers within ±10⁶. */
  maxAbsValue: LIMITS.maxSavedValue,
  maxInputs: TRAINING_SIZES.maxInputs,
  maxTargets: TRAINING_SIZES.maxOutputs,
  /** Classes a target of names or whole numbers may have (one output each). */
  maxClasses: TRAINING_SIZES.maxOutputs,
  maxNoise: 0.5,
  minTrainFraction: 0.1,
  maxTrainFraction: 0.9,
} as const;
