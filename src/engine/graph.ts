/**
 * One sample's pass as a scalar computation graph (micrograd's view of the same numbers): every
 * product w_ij·a_i, the sum, the bias add, the activation, the loss's terms, their sum and the
 * batch mean is a node; the inputs, targets, weights and biases are its leaves. This file builds
 * its shape, which depends only on the network's shape (and which units are drawn whole); the
 * numbers on it come from the pass's snapshot (graphValues.ts).
 *
 * A unit can be collapsed into one node, a_j = f(Σ_i w_ij a_i + b_j), with its weights and bias
 * inside: large networks are drawn so, and each unit expands on demand.
 */

export type GraphNodeKind =
  /** x_i = a_i^(0), a leaf. */
  | 'input'
  /** y_j, a leaf. */
  | 'target'
  /** w_ij^(l), a leaf. */
  | 'weight'
  /** b_j^(l), a leaf. */
  | 'bias'
  /** w_ij^(l) · a_i^(l−1). */
  | 'product'
  /** Σ_i w_ij a_i: only where a unit has more than one input. */
  | 'sum'
  /** z_j^(l) = Σ_i w_ij a_i + b_j. */
  | 'addBias'
  /** a_j^(l) = f(z_j^(l)); softmax: f(z^(l))_j, from every z of its layer. */
  | 'activation'
  /** A collapsed unit: a_j^(l) = f(Σ_i w_ij a_i + b_j) from the activations of layer l − 1. */
  | 'unit'
  /** Term j of the sample's loss: (a_j − y_j)², or a cross-entropy's term. */
  | 'lossTerm'
  /** The sample's loss, c·Σ_j term_j. */
  | 'sampleLoss'
  /** The other samples' losses added up, each the root of a graph like this one (not drawn). */
  | 'otherSamples'
  /** L = (1/m) Σ_n L_n. */
  | 'batchMean';

export interface GraphNode {
  kind: GraphNodeKind;
  /** The layer as in the notes (0 input, 1…L); the loss's nodes and the targets are at L + 1. */
  layer: number;
  /** The unit it computes or feeds (0-based): j of w_ij, b_j, z_j, a_j, y_j, term_j. */
  unit: number;
  /** i of w_ij and of the product w_ij·a_i; −1 otherwise. */
  from: number;
  /** Edges into it (their `to` is this node), in the order of its operands. */
  inputs: number[];
  /** Edges out of it. */
  outputs: number[];
}

/** `to` is computed from `from`: its local derivative ∂to/∂from is on the edge (graphValues). */
export interface GraphEdge {
  from: number;
  to: number;
}

export interface GraphShapeSpec {
  /** Units per layer, the input first. */
  sizes: readonly number[];
  /** Per weighted layer 1…L (index l − 1): is it a softmax, whose units depend on each other? */
  softmax: readonly boolean[];
  /** Samples in the batch: more than one adds the batch mean. */
  samples: number;
  /** Is unit j of layer l (1…L) drawn whole? A softmax layer is drawn whole or not at all. */
  expanded(layer: number, unit: number): boolean;
}

export interface GraphShape {
  /** In the order they are computed: every node after the nodes it reads. */
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** The loss the gradients are of: the batch mean, or the sample's loss for a batch of one. */
  root: number;
  sizes: readonly number[];
  samples: number;
  /** Per weighted layer (index l − 1), per unit: drawn whole? */
  expanded: readonly (readonly boolean[])[];
}

/** Collapse units when drawing every one whole would take more nodes than this. */
export const FULL_GRAPH_NODES = 160;

/** How many nodes the graph has with every unit drawn whole. */
export function fullGraphSize(sizes: readonly number[], samples: number): number {
  let count = (sizes[0] ?? 0) + 2 * (sizes[sizes.length - 1] ?? 0) + 1 + (samples > 1 ? 2 : 0);
  for (let l = 1; l < sizes.length; l++) {
    const nPrev = sizes[l - 1] as number;
    const n = sizes[l] as number;
    // Weights and products; the sum; the bias, its add and the activation.
    count += n * (2 * nPrev + (nPrev > 1 ? 1 : 0) + 3);
  }
  return count;
}

/** A key that names a node: which kind, where. */
export function nodeKey(kind: GraphNodeKind, layer: number, unit: number, from = -1): string {
  return `${kind}:${layer}:${unit}:${from}`;
}

/**
 * The graph's shape. Nodes are made in the order the forward pass computes them, so a node's
 * inputs always come before it and a sweep from the end visits each after all it feeds.
 */
export function graphShape(spec: GraphShapeSpec): GraphShape {
  const { sizes, samples } = spec;
  const L = sizes.length - 1;
  const nodes: GraphNode[] = [];
  const edges: GraphEdge[] = [];
  const add = (
    kind: GraphNodeKind,
    layer: number,
    unit: number,
    from: number,
    inputs: number[],
  ) => {
    const index = nodes.length;
    const node: GraphNode = { kind, layer, unit, from, inputs: [], outputs: [] };
    nodes.push(node);
    for (const source of inputs) {
      const edge = edges.length;
      edges.push({ from: source, to: index });
      node.inputs.push(edge);
      (nodes[source] as GraphNode).outputs.push(edge);
    }
    return index;
  };
  const expanded = sizes.slice(1).map((n, k) => {
    const layer = k + 1;
    const units = Array.from({ length: n }, (_, j) => spec.expanded(layer, j));
    return spec.softmax[k] && units.includes(true) ? units.map(() => true) : units;
  });

  // The node whose value is a_i^(l): the input, the activation, or the collapsed unit.
  let sources = Array.from({ length: sizes[0] ?? 0 }, (_, i) => add('input', 0, i, -1, []));
  for (let l = 1; l <= L; l++) {
    const nPrev = sizes[l - 1] as number;
    const n = sizes[l] as number;
    const whole = expanded[l - 1] as boolean[];
    const zs: number[] = [];
    const next: number[] = new Array<number>(n).fill(-1);
    for (let j = 0; j < n; j++) {
      if (!whole[j]) {
        next[j] = add('unit', l, j, -1, sources);
        continue;
      }
      const products = sources.map((source, i) => {
        const weight = add('weight', l, j, i, []);
        return add('product', l, j, i, [weight, source]);
      });
      const summed = nPrev > 1 ? add('sum', l, j, -1, products) : (products[0] as number);
      const bias = add('bias', l, j, -1, []);
      zs[j] = add('addBias', l, j, -1, [summed, bias]);
    }
    for (let j = 0; j < n; j++) {
      if (!whole[j]) continue;
      const operands = spec.softmax[l - 1] ? zs : [zs[j] as number];
      next[j] = add('activation', l, j, -1, operands);
    }
    sources = next;
  }
  const terms = sources.map((source, j) => {
    const target = add('target', L + 1, j, -1, []);
    return add('lossTerm', L + 1, j, -1, [source, target]);
  });
  let root = add('sampleLoss', L + 1, 0, -1, terms);
  if (samples > 1) {
    const others = add('otherSamples', L + 1, 0, -1, []);
    root = add('batchMean', L + 1, 0, -1, [root, others]);
  }
  return { nodes, edges, root, sizes, samples, expanded };
}

/** Index of each node by its key (nodeKey), for finding a weight, bias or unit in the graph. */
export function nodeIndex(shape: GraphShape): Map<string, number> {
  return new Map(shape.nodes.map((n, k) => [nodeKey(n.kind, n.layer, n.unit, n.from), k]));
}

/** The node whose value is a_j^(l): an input, an activation or a collapsed unit. */
export function unitNodeKey(shape: GraphShape, layer: number, unit: number): string {
  if (layer === 0) return nodeKey('input', 0, unit);
  const whole = shape.expanded[layer - 1]?.[unit] ?? false;
  return nodeKey(whole ? 'activation' : 'unit', layer, unit);
}
