import type { Network, PassSnapshot, Sample } from '../engine';
import type { NotationId } from '../math/vocabulary';

/**
 * Predict-first practice: the quantities a learner is asked for, in pass order. Layers are numbered
 * as in the notes (1…L weighted layers); unit indices are 0-based (shown 1-based), as in Selection.
 * z, a and δ are the shown sample's (LearnerState.sampleIndex); the loss, ∂L/∂w and ∂L/∂b are the
 * batch's (the mean over its samples); w and b are the parameters after the update step.
 */
export type QuantityKind = 'z' | 'a' | 'loss' | 'delta' | 'dW' | 'db' | 'w' | 'b';

export const QUANTITY_KINDS: readonly QuantityKind[] = [
  'z',
  'a',
  'loss',
  'delta',
  'dW',
  'db',
  'w',
  'b',
];

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

/** What a question's value and a mistake's value are computed from: the stepper's pass. */
export interface PracticeContext {
  network: Network;
  samples: Sample[];
  /** The sample whose z, a and δ are asked. */
  sampleIndex: number;
  snapshot: PassSnapshot;
  learningRate: number;
  trainBiases: boolean;
  notation: NotationId;
}

/** A wrong answer recognised: which known mistake gives it, said in the learner's notation. */
export interface NamedMistake {
  id: string;
  /** What the mistake gives for this quantity (the answer agreed with it). */
  value: number;
  /** One or two plain-text sentences, e.g. "You used a₁⁽¹⁾ = σ(z₁⁽¹⁾) where z₁⁽¹⁾ is asked: …". */
  message: string;
}
