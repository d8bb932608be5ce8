/** The largest network the app allows, and the range of every number a learner can type. */
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
   * move weights further), and the one bound both an update step and a load check: a number beyond
   * it says the descent diverged.
   */
  maxSavedValue: 1e6,
  /** Networks kept before each applied update, for stepping back past it (saved with the work). */
  maxHistory: 20,
  /** Significant digits the diagram can show. */
  minDigits: 4,
  maxDigits: 12,
} as const;

/** How much data training takes: enough to learn from, small enough to train live in a browser. */
export const DATA_LIMITS = {
  minPoints: 10,
  maxPoints: 2000,
  /** A pasted or loaded CSV file, in characters (about 2000 rows of 10 numbers). */
  maxCsvChars: 200_000,
  /** Data values beyond this are refused: the saved work keeps numbers within ±10⁶. */
  maxAbsValue: LIMITS.maxSavedValue,
  maxInputs: LIMITS.maxInputs,
  maxTargets: LIMITS.maxOutputs,
  maxNoise: 0.5,
  minTrainFraction: 0.1,
  maxTrainFraction: 0.9,
} as const;
