/** The words the equations, labels and store share: which notation, what is selected, what is edited. */

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
