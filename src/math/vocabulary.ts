/** The words the equations, labels and store share: which notation, what is selected, what is edited. */

/** Which notation the equations and labels use: the keys of the registry (notations/index.ts). */
export type { NotationId } from './notations';

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
