/**
 * Predict-first practice: the quantities a learner is asked for, in pass order. Layers are numbered
 * as in the notes (1…L weighted layers); unit indices are 0-based (shown 1-based), as in Selection.
 * z, a and δ are the shown sample's (LearnerState.sampleIndex); the loss, ∂L/∂w and ∂L/∂b are the
 * batch's (the mean over its samples); w and b are the parameters after the update step.
 */
export type QuantityKind = 'z' | 'a' | 'loss' | 'delta' | 'dW' | 'db' | 'w' | 'b';

export const QUANTITY_KINDS: readonly QuantityKind[] = ['z', 'a', 'loss', 'delta', 'dW', 'db', 'w', 'b'];

export type Quantity =
  | { kind: 'z' | 'a' | 'delta'; layer: number; unit: number }
  | { kind: 'loss' }
  | { kind: 'dW' | 'w'; layer: number; from: number; to: number }
  | { kind: 'db' | 'b'; layer: number; unit: number };

/** One asked number: what it is, a stable key (for answers and hiding), and its true value. */
export interface Question {
  quantity: Quantity;
  key: string;
  value: number;
}

/** How much help the ask shows: the equation in symbols, with the numbers substituted, or none. */
export type PredictHelp = 'symbols' | 'numbers' | 'none';
