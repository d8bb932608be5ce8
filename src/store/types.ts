import type { Granularity, Network, Sample } from '../engine';

/** Which notation the equations and labels use (../shared/notes/README.md). */
export type NotationId =
  /** a, z, δ, w_ij (unit i of layer l−1 → unit j of layer l), b, L — notes 000, 002, 003. */
  | 'standard'
  /** "Learning From Data": x (activations), s (pre-activations), θ, δ, bias as w_0j with x_0 = 1, e — note 001. */
  | 'lfd'
  /** Row vectors, x_i = f(W_i x_{i−1}), k_i, E, α — note 004. */
  | 'rowVector';

/**
 * What the learner has selected in the diagram. Layers are numbered as in the notes: 0 is the
 * input, 1…L the weighted layers. Unit indices are 0-based (shown 1-based).
 */
export type Selection =
  | { kind: 'unit'; layer: number; unit: number }
  /** weights[from][to] of layer `layer`: unit `from` of layer−1 → unit `to` of layer. */
  | { kind: 'weight'; layer: number; from: number; to: number }
  | { kind: 'bias'; layer: number; unit: number };

/** Any number the learner can edit. */
export type Parameter =
  | { kind: 'weight'; layer: number; from: number; to: number }
  | { kind: 'bias'; layer: number; unit: number }
  | { kind: 'input'; sample: number; index: number }
  | { kind: 'target'; sample: number; index: number };

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
