import { elementwise, isElementwise } from './activations';
import type { GraphNode, GraphShape } from './graph';
import { lossTerm, lossTermWeight } from './losses';
import type { Layer, Network, PassSnapshot, Sample } from './types';

/**
 * The numbers on the computation graph of one sample's pass, all read from its snapshot (runPass)
 * where the snapshot has them: z, a and δ of each unit, ∂L/∂W and ∂L/∂b, the losses. What the
 * snapshot has no number for is computed from the graph's own local derivatives: a product w·a, a
 * sum, a loss term; ∂L/∂a of each activation, of each input and target, as the sum over the edges
 * out of it of ∂L/∂(what it feeds) · ∂(what it feeds)/∂a. The tests check that these agree with
 * the snapshot wherever both say something (∂L/∂a · f'(z) = δ/m, the paths' sum = ∂L/∂w).
 *
 * L is the loss at the graph's root: the batch mean, so a node of this sample's graph has
 * ∂L/∂z = δ/m, where the snapshot's δ is the sample's own ∂L_n/∂z.
 *
 * A number the views do not show yet is NaN in the pass they read (predict first); so is every
 * number here that would give it away: a unit's products and sum when its z is hidden, its ∂L/∂a
 * (and an output's ∂L/∂y) when its δ is, the loss's terms when the loss is.
 */
export interface GraphValues {
  /** Each node's value. */
  value: Float64Array;
  /** ∂L/∂(node), with L the root. */
  grad: Float64Array;
  /** Each edge's local derivative ∂to/∂from. */
  local: Float64Array;
  /**
   * For a weight or bias of a batch of several samples: the part of ∂L/∂w from the other
   * samples' graphs (each uses the same w), (1/m) Σ_{n ≠ this} δ_j a_i; 0 elsewhere.
   */
  elsewhere: Float64Array;
}

export interface GraphPass {
  network: Network;
  samples: readonly Sample[];
  /** The pass as the views show it (values asked for are NaN). */
  snapshot: PassSnapshot;
  /** Which sample's graph. */
  sampleIndex: number;
}

const at = (list: ArrayLike<number> | undefined, k: number): number =>
  list && k >= 0 && k < list.length ? (list[k] as number) : NaN;

export function graphValues(shape: GraphShape, pass: GraphPass): GraphValues {
  const { network, samples, snapshot, sampleIndex } = pass;
  const { nodes, edges } = shape;
  const m = samples.length;
  const L = network.layers.length;
  const layers = snapshot.samples[sampleIndex]?.layers ?? [];
  const x = samples[sampleIndex]?.x ?? [];
  const y = samples[sampleIndex]?.y ?? [];
  const layer = (l: number) => network.layers[l - 1] as Layer;
  const z = (l: number, j: number) => at(layers[l - 1]?.z, j);
  const a = (l: number, j: number) => (l === 0 ? at(x, j) : at(layers[l - 1]?.a, j));
  const delta = (l: number, j: number) => at(layers[l - 1]?.delta, j);
  const w = (l: number, i: number, j: number) => at(layer(l).weights[i], j);
  const sampleLoss = snapshot.samples[sampleIndex]?.loss ?? NaN;
  const output = layers[L - 1];
  const outputs = network.layers[L - 1]?.biases.length ?? 0;
  const termWeight = lossTermWeight(network.loss, outputs);
  const term = (j: number) =>
    lossTerm(network.loss, layer(L).activation, output?.z ?? [], output?.a ?? [], y, j);

  const value = new Float64Array(nodes.length);
  const grad = new Float64Array(nodes.length).fill(NaN);
  const local = new Float64Array(edges.length);
  const elsewhere = new Float64Array(nodes.length);
  const input = (node: GraphNode, k: number) => value[edges[node.inputs[k] as number]?.from ?? -1];
  /** ∂a_j/∂z_k of layer l: f'(z_j) on the diagonal, a_j(δ_jk − a_k) for softmax. */
  const jacobian = (l: number, j: number, k: number): number => {
    const activation = layer(l).activation;
    if (isElementwise(activation))
      return j === k ? elementwise[activation].df(z(l, j), a(l, j)) : 0;
    return a(l, j) * ((j === k ? 1 : 0) - a(l, k));
  };

  // Values and local derivatives, in the order of the pass.
  nodes.forEach((node, index) => {
    const { layer: l, unit: j, from: i } = node;
    const hiddenZ = Number.isNaN(z(l, j));
    switch (node.kind) {
      case 'input':
        value[index] = a(0, j);
        break;
      case 'target':
        value[index] = at(y, j);
        break;
      case 'weight':
        value[index] = w(l, i, j);
        break;
      case 'bias':
        value[index] = at(layer(l).biases, j);
        break;
      case 'product':
        value[index] = hiddenZ ? NaN : (input(node, 0) as number) * (input(node, 1) as number);
        break;
      case 'sum': {
        let total = 0;
        for (let k = 0; k < node.inputs.length; k++) total += input(node, k) as number;
        value[index] = hiddenZ ? NaN : total;
        break;
      }
      case 'addBias':
        value[index] = z(l, j);
        break;
      case 'activation':
      case 'unit':
        value[index] = a(l, j);
        break;
      case 'lossTerm':
        value[index] = Number.isNaN(sampleLoss) ? NaN : term(j).value;
        break;
      case 'sampleLoss':
        value[index] = sampleLoss;
        break;
      case 'otherSamples': {
        let total = 0;
        snapshot.samples.forEach((s, n) => {
          if (n !== sampleIndex) total += s.loss;
        });
        value[index] = total;
        break;
      }
      case 'batchMean':
        value[index] = snapshot.loss;
        break;
    }
    node.inputs.forEach((e, k) => {
      const source = nodes[(edges[e] as { from: number }).from] as GraphNode;
      local[e] = localDerivative(node, source, k);
    });
  });

  function localDerivative(node: GraphNode, source: GraphNode, k: number): number {
    const { layer: l, unit: j } = node;
    switch (node.kind) {
      case 'product':
        // ∂(w·a)/∂w = a, ∂(w·a)/∂a = w: multiply swaps.
        return k === 0 ? a(l - 1, node.from) : w(l, node.from, j);
      case 'sum':
      case 'addBias':
        return 1;
      case 'activation':
        return jacobian(l, j, source.unit);
      case 'unit': {
        // ∂a_j/∂a_i = Σ_k ∂a_j/∂z_k · w_ik.
        const i = source.unit;
        let total = 0;
        const n = layer(l).biases.length;
        for (let q = 0; q < n; q++) {
          const d = jacobian(l, j, q);
          if (d !== 0) total += d * w(l, i, q);
        }
        return total;
      }
      case 'lossTerm':
        return k === 0 ? term(j).dA : term(j).dY;
      case 'sampleLoss':
        return termWeight;
      case 'batchMean':
        return 1 / m;
      default:
        return NaN;
    }
  }

  // Gradients, from the root back: the snapshot's where it has them, else the sum over the edges
  // out of the node (the += of the backward pass).
  grad[shape.root] = 1;
  for (let index = nodes.length - 1; index >= 0; index--) {
    if (index === shape.root) continue;
    const node = nodes[index] as GraphNode;
    const { layer: l, unit: j, from: i } = node;
    const hiddenDelta = l >= 1 && l <= L && Number.isNaN(delta(l, j));
    switch (node.kind) {
      case 'product':
      case 'sum':
      case 'addBias':
        grad[index] = delta(l, j) / m;
        continue;
      case 'weight':
        grad[index] = at(snapshot.grads[l - 1]?.dW[i], j);
        elsewhere[index] = otherSamples(l, j, i, grad[index] as number);
        continue;
      case 'bias':
        grad[index] = at(snapshot.grads[l - 1]?.db, j);
        elsewhere[index] = otherSamples(l, j, -1, grad[index] as number);
        continue;
      default: {
        let total = 0;
        for (const e of node.outputs) {
          const edge = edges[e] as { to: number };
          total += (grad[edge.to] as number) * (local[e] as number);
        }
        // ∂L/∂y_j would give away the output's δ_j as much as ∂L/∂a_j.
        const targetHidden = node.kind === 'target' && Number.isNaN(delta(L, j));
        grad[index] = hiddenDelta || targetHidden ? NaN : total;
      }
    }
  }

  /**
   * (1/m) Σ over the other samples of δ_j a_i (a_i = 1 for a bias): their part of ∂L/∂w; hidden
   * with it (with this sample's part it would give it away).
   */
  function otherSamples(l: number, j: number, i: number, total: number): number {
    if (m < 2) return 0;
    if (Number.isNaN(total)) return NaN;
    let sum = 0;
    snapshot.samples.forEach((s, n) => {
      if (n === sampleIndex) return;
      const values = s.layers[l - 1];
      const source = i < 0 ? 1 : l === 1 ? at(samples[n]?.x, i) : at(s.layers[l - 2]?.a, i);
      sum += at(values?.delta, j) * source;
    });
    return sum / m;
  }

  return { value, grad, local, elsewhere };
}
