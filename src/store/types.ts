import type { Granularity, Network, Sample } from '../engine';
import type { NotationId, Selection } from '../math/vocabulary';

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
}

export type HideablePanel = 'editors' | 'samples' | 'architecture' | 'matrix' | 'examples';
export const HIDEABLE_PANELS: readonly HideablePanel[] = [
  'editors',
  'samples',
  'architecture',
  'matrix',
  'examples',
];

/** Everything the learner chose — and nothing derivable from it. */
export interface LearnerState {
  network: Network;
  samples: Sample[];
  /** Which sample of the batch the diagram and equations show. */
  sampleIndex: number;
  learningRate: number;
  /** Index into passSteps(network, granularity). */
  stepIndex: number;
  granularity: Granularity;
  selection: Selection | null;
  notation: NotationId;
  view: ViewOptions;
  /** The worked example this started from, if any (for its title and notes). */
  exampleId: string | null;
  /** Networks before each applied update, newest last, so stepping back from a new pass undoes it. */
  history: Network[];
}
