import {
  freshState,
  type Granularity,
  type LandscapeParameter,
  type Network,
  type Optimizer,
  type OptimizerState,
  type Sample,
} from '../engine';
import type { PictureSize } from '../data/picture';
import type { NotationId, Selection } from '../math/vocabulary';
import type { ExerciseId } from '../practice/exercises';
import { QUANTITY_KINDS, type PredictHelp, type QuantityKind } from '../practice/types';

export type { NotationId, Selection, Parameter } from '../math/vocabulary';

export type EdgeMode = 'weights' | 'gradients';

export interface ViewOptions {
  /** Significant digits in the diagram (at least 4). */
  digits: number;
  /** Edge width and color from |w| or from |∂L/∂w|. */
  edgeMode: EdgeMode;
  /** Show the matrix form of the current step beside the per-unit equations. */
  matrixView: boolean;
  /** Show the pass as a computation graph instead of the network diagram. */
  graph: boolean;
  /** Panels a teacher hid for class (kept in share links). */
  hidden: HideablePanel[];
  /**
   * Opened from a teacher's link with parts hidden: the hiding options are put away (a student
   * does not see them) until "Edit this lesson".
   */
  lesson: boolean;
  /** The teacher's lesson: its title and text, what it locks, whether "Show me" is allowed. */
  plan: LessonPlan;
  /** The loss landscape panel's choices. */
  landscape: LandscapeChoice;
}

/** The loss landscape's grid sides the learner can pick (issue 16). */
export const LANDSCAPE_SIDES = [16, 32, 64] as const;
export type LandscapeSide = (typeof LANDSCAPE_SIDES)[number];

/**
 * The loss landscape panel's choices, saved with the work (the stepper's in its view, the Train
 * tab's in its choices): shown or not, its two parameters (null, or one the network does not have:
 * the panel's default pick) and its grid's side.
 */
export interface LandscapeChoice {
  open: boolean;
  x: LandscapeParameter | null;
  y: LandscapeParameter | null;
  side: LandscapeSide;
}

export const DEFAULT_LANDSCAPE: LandscapeChoice = { open: false, x: null, y: null, side: 64 };

/**
 * What a lesson may lock: the weights and biases, the learning rate η, the batch's inputs and
 * targets, the shape.
 */
export type LessonLock = 'parameters' | 'learningRate' | 'samples' | 'shape';
export const LESSON_LOCKS: readonly LessonLock[] = [
  'parameters',
  'learningRate',
  'samples',
  'shape',
];

/** Longest lesson title and text a link carries. */
export const MAX_LESSON_TITLE = 120;
export const MAX_LESSON_TEXT = 5000;

/**
 * A teacher's lesson (issue 14). Plain text: paragraphs split by a blank line, $…$ math typeset by
 * KaTeX with trust off. The locks and the "Show me" choice are in force while the work is opened as
 * a lesson (ViewOptions.lesson), not while the teacher prepares it.
 */
export interface LessonPlan {
  title: string;
  text: string;
  locks: LessonLock[];
  showMe: boolean;
}

export const DEFAULT_PLAN: LessonPlan = { title: '', text: '', locks: [], showMe: true };

/** Whether a link of this work opens as a lesson: something hidden, written, locked or forbidden. */
export function isLessonPlan(view: ViewOptions): boolean {
  const { title, text, locks, showMe } = view.plan;
  return view.hidden.length > 0 || title !== '' || text !== '' || locks.length > 0 || !showMe;
}

export type HideablePanel =
  'editors' | 'samples' | 'architecture' | 'matrix' | 'examples' | 'notation' | 'train';
export const HIDEABLE_PANELS: readonly HideablePanel[] = [
  'editors',
  'samples',
  'architecture',
  'matrix',
  'examples',
  'notation',
  'train',
];

export const DEFAULT_VIEW: ViewOptions = {
  digits: 4,
  edgeMode: 'weights',
  matrixView: false,
  graph: false,
  hidden: [],
  lesson: false,
  plan: DEFAULT_PLAN,
  landscape: DEFAULT_LANDSCAPE,
};

/** One question of the current pass: the wrong tries so far, and how it ended once it has. */
export interface PredictAnswer {
  wrong: number;
  outcome: 'right' | 'shown' | null;
}

/** For one kind of quantity: how many were asked, and how many of those right at the first try. */
export interface Tally {
  right: number;
  asked: number;
}

/**
 * Predict first (issue 14): whether a step asks for its new values before it shows them, which
 * kinds it asks and how much help it gives; the current pass's answers; the score.
 */
export interface PredictState {
  on: boolean;
  /** In the order of QUANTITY_KINDS. */
  asked: QuantityKind[];
  help: PredictHelp;
  /** The current pass's answers by question key (practice/questions.ts: 'z:1:0'). */
  answers: Record<string, PredictAnswer>;
  /** Stepped back past an update into a pass already done: nothing in it is asked again. */
  passDone: boolean;
  /**
   * The keys already counted in the score in this pass. A value asked again in the same pass (its
   * answer cleared by an edit, "Reset pass", or a sample shown again) is not counted again.
   */
  scored: string[];
  score: Partial<Record<QuantityKind, Tally>>;
}

export const DEFAULT_PREDICT: PredictState = {
  on: false,
  asked: [...QUANTITY_KINDS],
  // The hint ladder from the start: the equation in symbols after a wrong try, then the numbers.
  help: 'none',
  answers: {},
  passDone: false,
  scored: [],
  score: {},
};

/** Predict first's choices and score kept, a new pass to answer. */
export function newPass(predict: PredictState): PredictState {
  return { ...predict, answers: {}, passDone: false, scored: [] };
}

/** The same pass asked again (its numbers changed, or "Reset pass"): what it scored stays scored. */
export function askAgain(predict: PredictState): PredictState {
  return Object.keys(predict.answers).length === 0 ? predict : { ...predict, answers: {} };
}

/**
 * Not saved: the answers an edit of the pass's numbers left (predict.ts, afterChange). While they
 * are still the answers, the predict panel says the values are asked again.
 */
export interface NoticeState {
  answersCleared: Record<string, PredictAnswer> | null;
}

/** Everything the learner chose — and nothing derivable from it. */
export interface LearnerState {
  network: Network;
  samples: Sample[];
  /** Which sample of the batch the diagram and equations show. */
  sampleIndex: number;
  learningRate: number;
  /**
   * Whether the update step moves the biases too (b ← b − η ∂L/∂b). Off in the worked examples that
   * update the weights only; on for a learner's own networks.
   */
  trainBiases: boolean;
  /** Index into passSteps(network, granularity). */
  stepIndex: number;
  granularity: Granularity;
  selection: Selection | null;
  notation: NotationId;
  view: ViewOptions;
  /** The worked example this started from, if any (for its title and notes). */
  exampleId: string | null;
  /** The exercise this started from, if any (its kind and seed: the title, and "Start over"). */
  exercise: ExerciseId | null;
  /** Networks before each applied update, newest last, so stepping back from a new pass undoes it. */
  history: Network[];
  /**
   * How the update step moves each parameter (issue 16): SGD, momentum (Nesterov), RMSProp, Adam,
   * with their hyper-parameters.
   */
  optimizer: Optimizer;
  /** The optimizer's state before this pass's update: t, and m, v per parameter (engine). */
  optimizerState: OptimizerState;
  /**
   * The optimizer's state before each update of `history`, aligned with its end (older saves have
   * none for their earlier updates: stepping back to one of those starts the optimizer afresh).
   */
  optimizerHistory: OptimizerState[];
  predict: PredictState;
  /**
   * When the inputs are a picture's pixels, row by row (a digit from the Train tab): its width and
   * height, width · height = the network's inputs, so the diagram draws the input layer, and a
   * first-layer unit's weights, as that picture. Null for inputs that are not a picture.
   */
  picture: PictureSize | null;
}

/**
 * A pass with no past: no networks to step back to, and the optimizer's state at zero (a new
 * network, example or exercise starts the optimizer afresh, as a new torch.optim optimizer does).
 */
export function startOver(
  optimizer: Optimizer,
): Pick<LearnerState, 'history' | 'optimizerState' | 'optimizerHistory'> {
  return { history: [], optimizerState: freshState(optimizer), optimizerHistory: [] };
}

/** What undo brings back: the learner's work, not where they were looking. */
export type Edit = Pick<
  LearnerState,
  | 'network'
  | 'samples'
  | 'learningRate'
  | 'trainBiases'
  | 'exampleId'
  | 'exercise'
  | 'sampleIndex'
  | 'stepIndex'
  | 'history'
  | 'optimizer'
  | 'optimizerState'
  | 'optimizerHistory'
  | 'picture'
>;

/** Where predict first was in the pass an undo entry was taken in: its answers, as they were. */
export type PassAnswers = Pick<PredictState, 'answers' | 'passDone' | 'scored'>;

/**
 * One undo step: the work, and the answers of its pass, brought back when an undo or redo crosses
 * an update into another pass (the answers there were for that pass's numbers).
 */
export interface UndoEntry extends Edit {
  pass: PassAnswers;
}

export interface UndoState {
  past: UndoEntry[];
  future: UndoEntry[];
  /** True while a drag is under way: the whole drag is one undo step. */
  inGesture: boolean;
  gestureRecorded: boolean;
}
