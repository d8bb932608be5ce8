/**
 * A second, exact reference for the engine: the same reverse-mode automatic differentiation as
 * reference.ts, but every value and every local derivative in 2048-bit arithmetic (bigfloat.ts).
 * Where float64 loses everything (σ(40) rounds to 1, so 1 − σ(40) is 0) this still has ~2000
 * bits, so the engine can be held to relative accuracy at pre-activations of ±1000.
 *
 * What "accurate" means is carried, as in reference.ts, by a yardstick beside each value: the
 * first-order effect of rounding every intermediate, propagated with the exact derivatives. `mag`
 * bounds a value's sensitivity to rounding (|a| + |b| for a ± b; |f(a)| + |f'(a)|·mag(a) for f(a));
 * a local derivative carries its own bound (|f'| + |f''|·mag), and `absGrad` sums the absolute
 * terms of each backward sum. A result is right when |engine − exact| ≤ rel·(|exact| + yardstick):
 * plain relative error, except where the true value is a cancellation of larger terms.
 *
 * The cross-entropies are written from their logits (softplus, ln Σe^z − z_k) as primitives, so
 * their yardstick depends on z alone and demands the accuracy a from-logits evaluation gives. The
 * squared errors are written from a, as the brief defines them.
 */
import type { Activation, Layer, Loss, Network, Sample } from '../../../src/engine';
import * as B from './bigfloat';
import { type Big, big, toNumber } from './bigfloat';

const absNumber = (x: Big) => Math.abs(toNumber(x));

class Node {
  grad: Big = B.ZERO;
  absGrad = 0;
  constructor(
    readonly value: Big,
    readonly mag: number,
    /** [parent, ∂this/∂parent, a bound on |∂this/∂parent| under rounding] */
    readonly parents: readonly (readonly [Node, Big, number])[] = [],
  ) {}
}

const constant = (x: number) => new Node(big(x), Math.abs(x));
const add = (a: Node, b: Node) =>
  new Node(B.add(a.value, b.value), a.mag + b.mag, [
    [a, big(1), 1],
    [b, big(1), 1],
  ]);
const sub = (a: Node, b: Node) =>
  new Node(B.sub(a.value, b.value), a.mag + b.mag, [
    [a, big(1), 1],
    [b, big(-1), 1],
  ]);
const mul = (a: Node, b: Node) =>
  new Node(B.mul(a.value, b.value), a.mag * b.mag, [
    [a, b.value, b.mag],
    [b, a.value, a.mag],
  ]);
/** a/k for an exact constant k. */
const divBy = (a: Node, k: number) =>
  new Node(B.div(a.value, big(k)), a.mag / Math.abs(k), [[a, B.div(big(1), big(k)), 1 / k]]);
const scale = (a: Node, k: number) =>
  new Node(B.mul(a.value, big(k)), a.mag * Math.abs(k), [[a, big(k), Math.abs(k)]]);
const sum = (nodes: Node[]) => nodes.reduce((acc, n) => add(acc, n), constant(0));

/** f(a) with f'(a) and a bound |f''| near a. */
function unary(a: Node, value: Big, local: Big, second: number): Node {
  const d = absNumber(local);
  return new Node(value, absNumber(value) + d * a.mag, [[a, local, d + second * a.mag]]);
}

const ONE = big(1);
/** σ(x) = 1/(1 + e^−x). */
const sigmoidBig = (x: Big) => B.div(ONE, B.add(ONE, B.exp(B.neg(x))));

function sigmoidNode(z: Node): Node {
  const s = sigmoidBig(z.value);
  const ds = B.mul(s, B.sub(ONE, s)); // σ' = σ(1 − σ); |σ''| ≤ σ'
  return unary(z, s, ds, absNumber(ds));
}
function tanhNode(z: Node): Node {
  const e = B.exp(B.mul(big(-2), z.value));
  const t = B.div(B.sub(ONE, e), B.add(ONE, e));
  const dt = B.sub(ONE, B.mul(t, t)); // tanh' = 1 − tanh²; |tanh''| ≤ 2 tanh'
  return unary(z, t, dt, 2 * absNumber(dt));
}
/** ELU (α = 1): z above 0; e^z − 1 below, with ELU' = e^z and |ELU''| = e^z. */
function eluNode(z: Node): Node {
  if (B.sign(z.value) > 0) return unary(z, z.value, ONE, 0);
  const e = B.exp(z.value);
  return unary(z, B.sub(e, ONE), e, absNumber(e));
}
/**
 * swish(z) = z·σ(z) as one primitive: swish' = σ(1 + z(1 − σ)), and
 * |swish''| = σ(1 − σ)|2 + z(1 − 2σ)| ≤ σ(1 − σ)(2 + |z|).
 */
function swishNode(z: Node): Node {
  const s = sigmoidBig(z.value);
  const oneMinusS = B.sub(ONE, s);
  const ds = B.mul(s, B.add(ONE, B.mul(z.value, oneMinusS)));
  const second = absNumber(B.mul(s, oneMinusS)) * (2 + absNumber(z.value));
  return unary(z, B.mul(z.value, s), ds, second);
}
function piecewiseLinear(z: Node, slopeBelow: number): Node {
  const slope = B.sign(z.value) > 0 ? 1 : slopeBelow;
  return unary(z, B.mul(z.value, big(slope)), big(slope), 0);
}
/** softplus(x) = ln(1 + e^x); softplus' = σ(x), |σ'| ≤ σ. */
function softplusNode(x: Node): Node {
  const s = sigmoidBig(x.value);
  return unary(x, B.log(B.add(ONE, B.exp(x.value))), s, absNumber(s));
}
const negate = (a: Node) => scale(a, -1);

/** The largest yardstick among the logits: how far rounding may have moved any of them. */
const maxMag = (z: Node[]) => z.reduce((m, n) => Math.max(m, n.mag), 0);

/**
 * softmax_j = e^(z_j − max)/Σ_k e^(z_k − max) as a vector primitive with its full Jacobian
 * ∂a_j/∂z_i = a_j(1[i=j] − a_i); each Jacobian entry moves by at most 4·|entry|·max mag(z).
 */
function softmaxNodes(z: Node[]): Node[] {
  const max = z.reduce((m, n) => Math.max(m, toNumber(n.value)), -Infinity);
  const e = z.map((n) => B.exp(B.sub(n.value, big(max))));
  const total = e.reduce(B.add, B.ZERO);
  const a = e.map((v) => B.div(v, total));
  const spread = 1 + 4 * maxMag(z);
  return a.map((aj, j) => {
    const locals = a.map((ai, i) => B.mul(aj, B.sub(big(i === j ? 1 : 0), ai)));
    const mag =
      absNumber(aj) + locals.reduce((s, l, i) => s + absNumber(l) * (z[i] as Node).mag, 0);
    return new Node(
      aj,
      mag,
      z.map((zi, i) => [zi, locals[i] as Big, absNumber(locals[i] as Big) * spread] as const),
    );
  });
}

/**
 * −ln softmax(z)_c = ln Σ e^z − z_c, a primitive of the logits: ∂/∂z_j = a_j − 1[j=c], and each
 * of those moves by at most 2·|a_j − 1[j=c]|·max mag(z).
 */
function negLogSoftmax(z: Node[], c: number): Node {
  const max = z.reduce((m, n) => Math.max(m, toNumber(n.value)), -Infinity);
  const e = z.map((n) => B.exp(B.sub(n.value, big(max))));
  const total = e.reduce(B.add, B.ZERO);
  const value = B.sub(B.add(big(max), B.log(total)), (z[c] as Node).value);
  const locals = e.map((v, j) => (j === c ? B.sub(B.div(v, total), ONE) : B.div(v, total)));
  const mag =
    absNumber(value) + locals.reduce((s, l, j) => s + absNumber(l) * (z[j] as Node).mag, 0);
  const spread = 1 + 2 * maxMag(z);
  return new Node(
    value,
    mag,
    z.map((zj, j) => [zj, locals[j] as Big, absNumber(locals[j] as Big) * spread] as const),
  );
}

function activate(activation: Activation, z: Node[]): Node[] {
  switch (activation) {
    case 'sigmoid':
      return z.map(sigmoidNode);
    case 'tanh':
      return z.map(tanhNode);
    case 'relu':
      return z.map((n) => piecewiseLinear(n, 0));
    case 'leakyRelu':
      return z.map((n) => piecewiseLinear(n, 0.01));
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

function lossNode(loss: Loss, output: Activation, z: Node[], a: Node[], y: number[]): Node {
  const squares = () =>
    sum(a.map((aj, j) => sub(aj, constant(y[j] as number))).map((d) => mul(d, d)));
  switch (loss) {
    case 'sse':
      return squares();
    case 'halfSse':
      return scale(squares(), 0.5);
    case 'mse':
      return divBy(squares(), a.length);
    case 'binaryCrossEntropy':
      // −[y ln σ(z) + (1−y) ln(1 − σ(z))] = y·softplus(−z) + (1−y)·softplus(z)
      return sum(
        z.map((zj, j) => {
          const yj = y[j] as number;
          return add(scale(softplusNode(negate(zj)), yj), scale(softplusNode(zj), 1 - yj));
        }),
      );
    case 'crossEntropy':
      // −Σ y ln a: ln σ(z) = −softplus(−z); ln softmax(z)_c = −(ln Σe^z − z_c)
      return sum(
        z.map((zj, j) =>
          scale(
            output === 'softmax' ? negLogSoftmax(z, j) : softplusNode(negate(zj)),
            y[j] as number,
          ),
        ),
      );
  }
}

function backpropagate(root: Node): void {
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
    node.grad = B.ZERO;
    node.absGrad = 0;
  }
  root.grad = ONE;
  root.absGrad = 1;
  for (let i = order.length - 1; i >= 0; i--) {
    const node = order[i] as Node;
    if (B.isZero(node.grad) && node.absGrad === 0) continue;
    for (const [parent, local, localMag] of node.parents) {
      parent.grad = B.add(parent.grad, B.mul(local, node.grad));
      parent.absGrad += localMag * node.absGrad;
    }
  }
}

/** A float64 value with its yardstick. */
export interface Exact {
  value: number;
  scale: number;
}
const read = (n: Node): Exact => ({ value: toNumber(n.value), scale: n.mag });
const readGrad = (n: Node): Exact => ({ value: toNumber(n.grad), scale: n.absGrad });

export interface ExactPass {
  loss: Exact;
  samples: { loss: Exact; z: Exact[][]; a: Exact[][]; delta: Exact[][] }[];
  grads: { dW: Exact[][]; db: Exact[] }[];
}

export function exactPass(network: Network, batch: Sample[]): ExactPass {
  const W = network.layers.map((layer) => layer.weights.map((row) => row.map(constant)));
  const b = network.layers.map((layer) => layer.biases.map(constant));
  const output = (network.layers[network.layers.length - 1] as Layer).activation;
  const built = batch.map((sample) => {
    let a = sample.x.map(constant);
    const zs: Node[][] = [];
    const as: Node[][] = [];
    network.layers.forEach((layer, l) => {
      const z = layer.biases.map((_, j) =>
        a.reduce(
          (acc, ai, i) => add(acc, mul(((W[l] as Node[][])[i] as Node[])[j] as Node, ai)),
          (b[l] as Node[])[j] as Node,
        ),
      );
      a = activate(layer.activation, z);
      zs.push(z);
      as.push(a);
    });
    const loss = lossNode(network.loss, output, zs[zs.length - 1] as Node[], a, sample.y);
    return { loss, zs, as };
  });
  const samples = built.map(({ loss, zs, as }) => {
    backpropagate(loss);
    return {
      loss: read(loss),
      z: zs.map((layer) => layer.map(read)),
      a: as.map((layer) => layer.map(read)),
      delta: zs.map((layer) => layer.map(readGrad)),
    };
  });
  const mean = divBy(sum(built.map((s) => s.loss)), batch.length);
  backpropagate(mean);
  return {
    loss: read(mean),
    samples,
    grads: W.map((layer, l) => ({
      dW: layer.map((row) => row.map(readGrad)),
      db: (b[l] as Node[]).map(readGrad),
    })),
  };
}
