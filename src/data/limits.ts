import { LIMITS } from '../store/limits';

/** How much data training takes: enough to learn from, small enough to train live in a browser. */
export const DATA_LIMITS = {
  minPoints: 10,
  maxPoints: 2000,
  /** A pasted or loaded CSV file, in characters (about 2000 rows of 10 numbers). */
  maxCsvChars: 200_000,
  /** Data values beyond this are refused: the saved work keeps numbers within ±10⁶. */
  maxAbsValue: 1e6,
  maxInputs: LIMITS.maxInputs,
  maxTargets: LIMITS.maxOutputs,
  maxNoise: 0.5,
  minTrainFraction: 0.1,
  maxTrainFraction: 0.9,
} as const;
