/**
 * An independent reference for the engine's tests: a tiny scalar reverse-mode automatic
 * differentiation (every number a node that remembers its parents and the local derivative
 * towards each), and a network written on top of it straight from the definitions, with no
 * hand-derived δ formulas anywhere. If the engine and this agree to ~1e-12, the engine's
 * hand-written backprop is right.
 */
import type { Activation, Layer, LayerGradients, Loss, Network, Sample } from '../../../src/engine';

/**
 * A number in the computation graph. Beside value and gradient each node carries two rounding
 * yardsticks, the usual running error bounds: `mag` ≥ |value| bounds how far rounding can have
 * moved the value (in units of ε; |a|+|b| for a ± b, |f(a)| + |f'(a)|·mag(a) for f(a)), and
 * `absGrad`, the gradient with every local derivative taken by absolute value, bounds the terms the
 * backward sums cancel. "Equal up to rounding" is then |engine − reference| ≤ rel·(|ref| + yardstick):
 * where nothing cancels that is plain relative error, and where the true value cancels to ~0 the
 * test still allows only rounding-sized differences.
 */
export class Node {
  grad = 0;
  absGrad = 0;
  constructor(
    readonly value: number,
    readonly mag: number = Math.abs(value),
    /** [parent, ∂this/∂parent, a bound on |∂this/∂parent|] */
    readonly parents: readonly (readonly [Node, number, number])[] = [],
  ) {}
}

export const constant = (value: number): Node => new Node(value);
export const add = (a: Node, b: Node): Node =>
  new Node(a.value + b.value, a.mag + b.mag, [
    [a, 1, 1],
    [b, 1, 1],
  ]);
export const sub = (a: Node, b: Node): Node =>
  new Node(a.value - b.value, a.mag + b.mag, [
    [a, 1, 1],
    [b, -1, 1],
  ]);
export const mul = (a: Node, b: Node): Node =>
  new Node(a.value * b.value, a.mag * b.mag, [
    [a, b.value, b.mag],
    [b, a.value, a.mag],
  ]);
export const div = (a: Node, b: Node): Node => {
  const q = a.value / b.value;
  const inv = 1 / Math.abs(b.value);
  return new Node(q, (a.mag + Math.abs(q) * b.mag) * inv, [
    [a, 1 / b.value, inv],
    [b, -q / b.value, (a.mag + Math.abs(q) * b.mag) * inv * inv],
  ]);
};
export const scale = (a: Node, k: number): Node =>
  new Node(a.value * k, a.mag * Math.abs(k), [[a, k, Math.abs(k)]]);

/** f(a) with local derivative f'(a), as autodiff libraries define each primitive. */
function unary(a: Node, value: number, local: number): Node {
  return new Node(value, Math.abs(value) + Math.abs(local) * a.mag, [[a, local, Math.abs(local)]]);
}
export const exp = (a: Node): Node => {
  const e = Math.exp(a.value);
  return unary(a, e, e);
};
export const log = (a: Node): Node => unary(a, Math.log(a.value), 1 / a.value);
/** ln(1 + e^z) for the logits form of binary cross-entropy; d/dz = 1/(1 + e^−z). */
export const softplus = (a: Node): Node => {
  const z = a.value;
  const value = z > 0 ? z + Math.log1p(Math.exp(-z)) : Math.log1p(Math.exp(z));
  return unary(a, value, 1 / (1 + Math.exp(-z)));
};
export const sum = (nodes: Node[]): Node => nodes.reduce((acc, n) => add(acc, n), constant(0));

/**
 * The local derivatives are taken from z, σ'(z) = σ(z)·σ(−z) and tanh'(z) = 1/cosh²(z), not as
 * σ(1 − σ) and 1 − tanh²: those lose all relative accuracy as the unit saturates (1 − σ(40) is 0
 * in float64), and the reference must be at least as exact as what it checks.
 */
function sigmoidNode(a: Node): Node {
  const s = 1 / (1 + Math.exp(-a.value));
  return unary(a, s, s * (1 / (1 + Math.exp(a.value))));
}
function tanhNode(a: Node): Node {
  const t = Math.tanh(a.value);
  return unary(a, t, 1 / Math.cosh(a.value) ** 2);
}
function reluNode(a: Node): Node {
  return unary(a, a.value > 0 ? a.value : 0, a.value > 0 ? 1 : 0);
}
function leakyReluNode(a: Node): Node {
  return unary(a, a.value > 0 ? a.value : 0.01 * a.value, a.value > 0 ? 1 : 0.01);
}
/**
 * ELU (α = 1): z above 0, e^z − 1 below as the primitive expm1 (d/dz = e^z), as PyTorch has it.
 * Not exp(z) − 1 from nodes: at z = −1e-66 that rounds to 0, and a ReLU downstream would then sit
 * on the other side of its kink from the engine's.
 */
function eluNode(a: Node): Node {
  return a.value > 0 ? scale(a, 1) : unary(a, Math.expm1(a.value), Math.exp(a.value));
}
/** swish = z·σ(z) as a product of two nodes: its derivative comes from the product rule. */
function swishNode(a: Node): Node {
  return mul(a, sigmoidNode(a));
}

/** softmax from exp, sum and divide; subtracting the (constant) max changes no derivative. */
function softmaxNodes(z: Node[]): Node[] {
  const max = constant(Math.max(...z.map((n) => n.value)));
  const e = z.map((n) => exp(sub(n, max)));
  const total = sum(e);
  return e.map((n) => div(n, total));
}

export function activate(activation: Activation, z: Node[]): Node[] {
  switch (activation) {
    case 'sigmoid':
      return z.map(sigmoidNode);
    case 'tanh':
      return z.map(tanhNode);
    case 'relu':
      return z.map(reluNode);
    case 'leakyRelu':
      return z.map(leakyReluNode);
    case 'elu':
      return z.map(eluNode);
    case 'swish':
      return z.map(swishNode);
    case 'linear':
      return z.map((n) => scale(n, 1));
    case 'softmax':
      return softmaxNodes(z);
  }
}

/** A sample's loss written as the brief defines it. */
export function lossNode(loss: Loss, z: Node[], a: Node[], y: number[]): Node {
  const n = a.length;
  const diffs = a.map((aj, j) => sub(aj, constant(y[j] as number)));
  const squares = sum(diffs.map((d) => mul(d, d)));
  switch (loss) {
    case 'sse':
      return squares;
    case 'halfSse':
      return scale(squares, 0.5);
    case 'mse':
      return scale(squares, 1 / n);
    case 'binaryCrossEntropy':
      // −[y ln σ(z) + (1−y) ln(1−σ(z))] = y·softplus(−z) + (1−y)·softplus(z).
      return sum(
        z.map((zj, j) => {
          const yj = y[j] as number;
          return add(scale(softplus(scale(zj, -1)), yj), scale(softplus(zj), 1 - yj));
        }),
      );
    case 'crossEntropy':
      return scale(sum(a.map((aj, j) => scale(log(aj), y[j] as number))), -1);
  }
}

/** Zero the gradient of every node the root depends on, then sweep back in reverse topological order. */
export function backpropagate(root: Node): void {
  const order: Node[] = [];
  const seen = new Set<Node>();
  const visit = (node: Node) => {
    if (seen.has(node)) return;
    seen.add(node);
    for (const [parent] of node.parents) visit(parent);
    order.push(node);
  };
  visit(root);
  for (const node of order) {
    node.grad = 0;
    node.absGrad = 0;
  }
  root.grad = 1;
  root.absGrad = 1;
  for (let k = order.length - 1; k >= 0; k--) {
    const node = order[k] as Node;
    for (const [parent, local, localMag] of node.parents) {
      parent.grad += local * node.grad;
      parent.absGrad += localMag * node.absGrad;
    }
  }
}

export interface ReferenceSample {
  loss: number;
  z: number[][];
  a: number[][];
  /** Rounding yardsticks (see Node) of the loss, each z and each a. */
  lossScale: number;
  zScale: number[][];
  aScale: number[][];
  /** ∂(this sample's loss)/∂z, per layer. */
  delta: number[][];
  /** The rounding yardstick of each δ (see Node). */
  deltaScale: number[][];
}

export interface ReferencePass {
  loss: number;
  lossScale: number;
  samples: ReferenceSample[];
  grads: { dW: number[][]; db: number[] }[];
  /** The rounding yardstick of each gradient entry (see Node). */
  gradScales: { dW: number[][]; db: number[] }[];
}

/** The mean loss over the batch and its gradient, by automatic differentiation. */
export function referencePass(network: Network, batch: Sample[]): ReferencePass {
  const W = network.layers.map((layer) => layer.weights.map((row) => row.map(constant)));
  const b = network.layers.map((layer) => layer.biases.map(constant));
  const built = batch.map((sample) => {
    let a = sample.x.map(constant);
    const zs: Node[][] = [];
    const as: Node[][] = [];
    network.layers.forEach((layer: Layer, l) => {
      const z = layer.biases.map((_, j) => {
        let acc = (b[l] as Node[])[j] as Node;
        a.forEach((ai, i) => {
          acc = add(acc, mul(((W[l] as Node[][])[i] as Node[])[j] as Node, ai));
        });
        return acc;
      });
      a = activate(layer.activation, z);
      zs.push(z);
      as.push(a);
    });
    const loss = lossNode(network.loss, zs[zs.length - 1] as Node[], a, sample.y);
    return { loss, zs, as };
  });
  const samples = built.map(({ loss, zs, as }) => {
    backpropagate(loss);
    return {
      loss: loss.value,
      z: zs.map((layer) => layer.map((n) => n.value)),
      a: as.map((layer) => layer.map((n) => n.value)),
      lossScale: loss.mag,
      zScale: zs.map((layer) => layer.map((n) => n.mag)),
      aScale: as.map((layer) => layer.map((n) => n.mag)),
      delta: zs.map((layer) => layer.map((n) => n.grad)),
      deltaScale: zs.map((layer) => layer.map((n) => n.absGrad)),
    };
  });
  const mean = scale(sum(built.map((s) => s.loss)), 1 / batch.length);
  backpropagate(mean);
  return {
    loss: mean.value,
    lossScale: mean.mag,
    samples,
    grads: W.map((layer, l) => ({
      dW: layer.map((row) => row.map((n) => n.grad)),
      db: (b[l] as Node[]).map((n) => n.grad),
    })),
    gradScales: W.map((layer, l) => ({
      dW: layer.map((row) => row.map((n) => n.absGrad)),
      db: (b[l] as Node[]).map((n) => n.absGrad),
    })),
  };
}

/** Every gradient entry as one flat list, layer by layer, weights before biases. */
export function flatten(grads: readonly LayerGradients[] | ReferencePass['grads']): number[] {
  const out: number[] = [];
  for (const g of grads) {
    for (const row of g.dW) out.push(...Array.from(row));
    out.push(...Array.from(g.db));
  }
  return out;
}

/**
 * |actual − expected| ≤ rel·(|expected| + floor) + 1e-300 entry by entry (floor one number or one per
 * entry), reporting the worst entry. Returns the worst ratio of error to allowance (≤ 1 passes).
 */
export function closeness(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rel: number,
  floor: number | ArrayLike<number>,
) {
  if (actual.length !== expected.length)
    throw new Error(`length ${actual.length} ≠ ${expected.length}`);
  let worst = 0;
  let at = -1;
  for (let k = 0; k < expected.length; k++) {
    const e = expected[k] as number;
    const a = actual[k] as number;
    const f = typeof floor === 'number' ? floor : (floor[k] as number);
    // 1e-300 absorbs subnormal noise (fast-check likes numbers such as 5e-324).
    const raw = a === e ? 0 : Math.abs(a - e) / (rel * (Math.abs(e) + f) + 1e-300);
    const ratio = Number.isNaN(raw) ? Infinity : raw;
    if (ratio > worst || at < 0) {
      worst = ratio;
      at = k;
    }
  }
  return { worst, at, actual: actual[at], expected: expected[at] };
}
