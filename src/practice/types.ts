import type { Network, Optimizer, OptimizerState, PassSnapshot, Sample } from '../engine';
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

/** One asked number: what it is, its key in the answers (questions.ts, answerKey), its true value. */
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
  /** The update's optimizer and its state before the step; plain SGD when absent. */
  optimizer?: Optimizer;
  optimizerState?: OptimizerState;
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

/**
 * The known mistakes (issue 14, "Name the mistake"), in the order they are tried. An id may name
 * several values for one quantity (the loss written with ½, or without; the δ of the layer before,
 * or after): the message says which.
 */
export const MISTAKE_IDS = [
  /** a given for z: the activation applied where the weighted input is asked. */
  'activationApplied',
  /** z given for a: the activation forgotten. */
  'activationForgotten',
  /** z without its bias (and a = f of it). */
  'biasLeftOut',
  /** wⱼᵢ used for wᵢⱼ, where the transposed weight exists. */
  'weightsSwapped',
  /** (y − a) for (a − y): the sign of the output δ, and all that is computed from it. */
  'targetMinusOutput',
  /** The loss, or ∂L/∂a, of another squared error: the ½ or the factor 2 (or the mean over outputs). */
  'lossFactor',
  /** The sum over the batch where the loss and the gradients are its mean. */
  'batchSum',
  /** δ without the activation's derivative: ∂L/∂a given for ∂L/∂z. */
  'derivativeLeftOut',
  /** f′ taken at a instead of z: σ(a)(1 − σ(a)). */
  'derivativeAtA',
  /** f′ multiplied in where the cross-entropy has cancelled it (δ = a − y). */
  'derivativeTwice',
  /** A hidden δ computed with the next layer's weights after the update step. */
  'updatedWeights',
  /** ∂L/∂w (or ∂L/∂b) with the δ of the layer before or after. */
  'wrongLayerDelta',
  /** The update w − ∂L/∂w, without η. */
  'learningRateForgotten',
  /** The update w + η ∂L/∂w: the gradient added. */
  'gradientAdded',
  /** A frozen bias ("Train biases" off) moved by the update. */
  'frozenBiasMoved',
] as const;

export type MistakeId = (typeof MISTAKE_IDS)[number];
