import { activate, multiplyByActivationDerivative } from './activationLoops';
import type { Activation, Loss, Network } from './types';

/**
 * The numeric core: a network flattened into Float64Arrays so that one pass allocates nothing.
 * runPass and train both run these same functions, so their numbers agree to the last bit.
 *
 * Indexing: layer l (0-based) maps acts[l−1] → acts[l]; `as[0]` is the input x and `as[l + 1]` the
 * activation of layer l; `zs[l]` and `deltas[l]` belong to layer l. W[l] is row-major n_prev × n:
 * W[l][i·n + j] = weights[i][j].
 */
export interface Kernel {
  /** sizes[0] = inputSize, sizes[l + 1] = units of layer l. */
  sizes: number[];
  activations: Activation[];
  loss: Loss;
  W: Float64Array[];
  b: Float64Array[];
}

export interface Buffers {
  zs: Float64Array[];
  as: Float64Array[];
  deltas: Float64Array[];
}

export function compile(network: Network): Kernel {
  const sizes = [network.inputSize, ...network.layers.map((layer) => layer.biases.length)];
  const W = network.layers.map((layer, l) => {
    const nPrev = sizes[l] as number;
    const n = sizes[l + 1] as number;
    const flat = new Float64Array(nPrev * n);
    for (let i = 0; i < nPrev; i++) {
      const row = layer.weights[i] as number[];
      for (let j = 0; j < n; j++) flat[i * n + j] = row[j] as number;
    }
    return flat;
  });
  return {
    sizes,
    activations: network.layers.map((layer) => layer.activation),
    loss: network.loss,
    W,
    b: network.layers.map((layer) => Float64Array.from(layer.biases)),
  };
}

/**
 * A plain array of these numbers, copied by index: Array.from walks a typed array through its
 * iterator, one result object per number (README, Benchmarks).
 */
export function plainNumbers(values: ArrayLike<number>): number[] {
  const out: number[] = [];
  for (let k = 0; k < values.length; k++) out.push(values[k] as number);
  return out;
}

/** Back to the plain-array Network the rest of the app shares. */
export function decompile(kernel: Kernel): Network {
  const { sizes } = kernel;
  return {
    inputSize: sizes[0] as number,
    loss: kernel.loss,
    layers: kernel.activations.map((activation, l) => {
      const nPrev = sizes[l] as number;
      const n = sizes[l + 1] as number;
      const flat = kernel.W[l] as Float64Array;
      const weights: number[][] = [];
      for (let i = 0; i < nPrev; i++) weights.push(plainNumbers(flat.subarray(i * n, i * n + n)));
      return { activation, weights, biases: plainNumbers(kernel.b[l] as Float64Array) };
    }),
  };
}

/**
 * Buffers are views carved out of one Float64Array: V8 allocates each small typed array on its own,
 * while a view of an existing one is far cheaper, and runPass keeps every sample's z, a and δ
 * (README, Benchmarks, for the figures).
 */
function carver(total: number): (n: number) => Float64Array {
  const memory = new Float64Array(total);
  let offset = 0;
  return (n) => memory.subarray(offset, (offset += n));
}

const sum = (values: number[]) => values.reduce((total, n) => total + n, 0);

export function allocateBuffers(sizes: number[]): Buffers {
  return allocateBufferSets(sizes, 1)[0] as Buffers;
}

/** `count` separate sets of buffers (one per sample of a batch, for runPass) from one allocation. */
export function allocateBufferSets(sizes: number[], count: number): Buffers[] {
  const layerSizes = sizes.slice(1);
  const take = carver(count * (sum(sizes) + 2 * sum(layerSizes)));
  const sets: Buffers[] = [];
  for (let c = 0; c < count; c++) {
    sets.push({
      zs: layerSizes.map((n) => take(n)),
      as: sizes.map((n) => take(n)),
      deltas: layerSizes.map((n) => take(n)),
    });
  }
  return sets;
}

export function allocateGradients(kernel: Kernel): { gW: Float64Array[]; gb: Float64Array[] } {
  const take = carver(sum(kernel.W.map((w) => w.length)) + sum(kernel.b.map((b) => b.length)));
  return { gW: kernel.W.map((w) => take(w.length)), gb: kernel.b.map((b) => take(b.length)) };
}

/** Forward pass: z^(l) = Σ_i W_ij a_i^(l−1) + b_j, a^(l) = f(z^(l)), layer by layer. */
export function forward(kernel: Kernel, x: ArrayLike<number>, buf: Buffers): void {
  const input = buf.as[0] as Float64Array;
  for (let i = 0; i < input.length; i++) input[i] = x[i] as number;
  forwardLoaded(kernel, buf);
}

/** The forward pass from the input already in `buf.as[0]` (the trainer copies it there itself). */
export function forwardLoaded(kernel: Kernel, buf: Buffers): void {
  const { sizes, W, b, activations } = kernel;
  for (let l = 0; l < W.length; l++) {
    const nPrev = sizes[l] as number;
    const n = sizes[l + 1] as number;
    const w = W[l] as Float64Array;
    const aPrev = buf.as[l] as Float64Array;
    const z = buf.zs[l] as Float64Array;
    const a = buf.as[l + 1] as Float64Array;
    preActivations(w, b[l] as Float64Array, aPrev, z, nPrev, n);
    activate(activations[l] as Activation, z, a, n);
  }
}

/**
 * z_j = b_j + W_0j a_0 + W_1j a_1 + …, each sum taken in that order. Four units are summed side by
 * side: one running sum is a chain of dependent additions, four independent chains keep the
 * floating-point unit busy and change no bit of any result (README, Benchmarks).
 */
function preActivations(
  w: Float64Array,
  b: Float64Array,
  aPrev: Float64Array,
  z: Float64Array,
  nPrev: number,
  n: number,
): void {
  let j = 0;
  for (; j + 3 < n; j += 4) {
    let s0 = b[j] as number;
    let s1 = b[j + 1] as number;
    let s2 = b[j + 2] as number;
    let s3 = b[j + 3] as number;
    for (let i = 0, k = j; i < nPrev; i++, k += n) {
      const ai = aPrev[i] as number;
      s0 += (w[k] as number) * ai;
      s1 += (w[k + 1] as number) * ai;
      s2 += (w[k + 2] as number) * ai;
      s3 += (w[k + 3] as number) * ai;
    }
    z[j] = s0;
    z[j + 1] = s1;
    z[j + 2] = s2;
    z[j + 3] = s3;
  }
  for (; j < n; j++) {
    let s = b[j] as number;
    for (let i = 0, k = j; i < nPrev; i++, k += n) s += (w[k] as number) * (aPrev[i] as number);
    z[j] = s;
  }
}

/**
 * Backward pass from the output δ: δ^(l) = (W^(l+1) δ^(l+1)) ⊙ f'(z^(l)), and, when gradient
 * accumulators are given, ∂L/∂W_ij += a_i^(l−1) δ_j and ∂L/∂b_j += δ_j for every layer.
 */
export function backward(
  kernel: Kernel,
  buf: Buffers,
  gW: Float64Array[] | null,
  gb: Float64Array[] | null,
): void {
  const { sizes, W, activations } = kernel;
  const accumulate = gW !== null && gb !== null;
  for (let l = W.length - 1; l >= 0; l--) {
    const nPrev = sizes[l] as number;
    const n = sizes[l + 1] as number;
    const w = W[l] as Float64Array;
    const delta = buf.deltas[l] as Float64Array;
    const aPrev = buf.as[l] as Float64Array;
    if (accumulate) {
      const gbl = gb[l] as Float64Array;
      for (let j = 0; j < n; j++) gbl[j] = (gbl[j] as number) + (delta[j] as number);
    }
    if (l === 0) {
      if (accumulate) addOuterProduct(gW[0] as Float64Array, aPrev, delta, nPrev, n);
      break;
    }
    const prevDelta = buf.deltas[l - 1] as Float64Array;
    if (accumulate)
      weightGradientsAndBackSums(w, gW[l] as Float64Array, aPrev, delta, prevDelta, nPrev, n);
    else backSums(w, delta, prevDelta, nPrev, n);
    multiplyByActivationDerivative(
      activations[l - 1] as Activation,
      buf.zs[l - 1] as Float64Array,
      aPrev,
      prevDelta,
      nPrev,
    );
  }
}

/** gw_ij += a_i δ_j. */
function addOuterProduct(
  gw: Float64Array,
  aPrev: Float64Array,
  delta: Float64Array,
  nPrev: number,
  n: number,
): void {
  for (let i = 0; i < nPrev; i++) {
    const ai = aPrev[i] as number;
    const row = i * n;
    for (let j = 0; j < n; j++) gw[row + j] = (gw[row + j] as number) + ai * (delta[j] as number);
  }
}

/** out_i = Σ_j W_ij δ_j, summed over j in order. */
function backSums(
  w: Float64Array,
  delta: Float64Array,
  out: Float64Array,
  nPrev: number,
  n: number,
): void {
  for (let i = 0; i < nPrev; i++) {
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) sum += (w[row + j] as number) * (delta[j] as number);
    out[i] = sum;
  }
}

/**
 * addOuterProduct and backSums in one sweep over W, four rows at a time: each δ_j is loaded once
 * for both, and four independent sums run side by side. Every gw entry still gets exactly one
 * addition and every out_i is still summed over j in order, so the results are bit for bit those
 * of the two loops apart; only faster (README, Benchmarks).
 */
function weightGradientsAndBackSums(
  w: Float64Array,
  gw: Float64Array,
  aPrev: Float64Array,
  delta: Float64Array,
  out: Float64Array,
  nPrev: number,
  n: number,
): void {
  let i = 0;
  for (; i + 3 < nPrev; i += 4) {
    const a0 = aPrev[i] as number;
    const a1 = aPrev[i + 1] as number;
    const a2 = aPrev[i + 2] as number;
    const a3 = aPrev[i + 3] as number;
    const r0 = i * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    let s0 = 0;
    let s1 = 0;
    let s2 = 0;
    let s3 = 0;
    for (let j = 0; j < n; j++) {
      const dj = delta[j] as number;
      gw[r0 + j] = (gw[r0 + j] as number) + a0 * dj;
      s0 += (w[r0 + j] as number) * dj;
      gw[r1 + j] = (gw[r1 + j] as number) + a1 * dj;
      s1 += (w[r1 + j] as number) * dj;
      gw[r2 + j] = (gw[r2 + j] as number) + a2 * dj;
      s2 += (w[r2 + j] as number) * dj;
      gw[r3 + j] = (gw[r3 + j] as number) + a3 * dj;
      s3 += (w[r3 + j] as number) * dj;
    }
    out[i] = s0;
    out[i + 1] = s1;
    out[i + 2] = s2;
    out[i + 3] = s3;
  }
  for (; i < nPrev; i++) {
    const ai = aPrev[i] as number;
    const row = i * n;
    let sum = 0;
    for (let j = 0; j < n; j++) {
      const dj = delta[j] as number;
      gw[row + j] = (gw[row + j] as number) + ai * dj;
      sum += (w[row + j] as number) * dj;
    }
    out[i] = sum;
  }
}
