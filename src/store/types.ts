import type { Granularity, Network, Sample } from '../engine';
import type { NotationId, Selection } from '../math/vocabulary';
import type { ExerciseId } from '../practice/exercises';

export type { NotationId, Selection, Parameter } from '../math/vocabulary';

export type EdgeMode = 'weights' | 'gradients';

export interface ViewOptions {
  /** Significant digits in the diagram (at least 4). */
  digits: number;
  /** Edge width and color from |w| or from |∂L/∂w|. */
  edgeMode: EdgeMode;
  /** Show the matrix form of the current step beside the per-unit equations. */
  matrixView: boolean;
  /** Panels a teacher hid for class (kept in share links). */
  hidden: HideablePanel[];
  /**
   * Opened from a teacher's link with parts hidden: the hiding options are put away (a student
   * does not see them) until "Edit this lesson".
   */
  lesson: boolean;
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
  hidden: [],
  lesson: false,
};

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
>;

export interface UndoState {
  past: Edit[];
  future: Edit[];
  /** True while a drag is under way: the whole drag is one undo step. */
  inGesture: boolean;
  gestureRecorded: boolean;
}
