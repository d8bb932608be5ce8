import { assertNever } from './assertNever';
import type { Network } from './types';
import { plainNumbers } from './kernel';

/**
 * The optimizers: how a step turns each parameter's gradient g into its move, with PyTorch's
 * torch.optim semantics (SGD with dampening 0 and optional Nesterov; RMSprop not centred, without
 * momentum; Adam without amsgrad or weight decay). The state starts at zero, a step is taken per
 * mini-batch and t counts the steps from 1. For a parameter θ with gradient g (the L1/L2 penalty's
 * λR'(θ) already added to it, PyTorch's coupled weight decay):
 *   SGD        θ ← θ − η g
 *   momentum   v ← μ v + g;                 θ ← θ − η v            (Nesterov: θ ← θ − η (g + μ v))
 *   RMSprop    v ← ρ v + (1 − ρ) g²;        θ ← θ − η g / (√v + ε)
 *   Adam       m ← β₁ m + (1 − β₁) g;  v ← β₂ v + (1 − β₂) g²;
 *              m̂ = m / (1 − β₁ᵗ);  v̂ = v / (1 − β₂ᵗ);  θ ← θ − η m̂ / (√v̂ + ε)
 * RMSprop's decay is PyTorch's `alpha`; the equations write it ρ (Keras's rho), since note 004
 * calls the learning rate α.
 */
export type Optimizer =
  | { kind: 'sgd' }
  | { kind: 'momentum'; momentum: number; nesterov?: boolean }
  | { kind: 'rmsprop'; alpha: number; epsilon: number }
  | { kind: 'adam'; beta1: number; beta2: number; epsilon: number };

export type OptimizerKind = Optimizer['kind'];

export const SGD: Optimizer = { kind: 'sgd' };

/** One hyper-parameter of an optimizer: its key, its symbol, what it is, its default. */
export interface HyperParameter {
  key: 'momentum' | 'alpha' | 'beta1' | 'beta2' | 'epsilon';
  /** TeX and plain text: \mu, μ. */
  tex: string;
  text: string;
  /** What the learner calls it: 'momentum', 'decay'. */
  name: string;
  /** The allowed range, [min, max) when `openMax`, else [min, max]; ε must be > 0. */
  min: number;
  max: number;
  openMax: boolean;
  positive: boolean;
}

const fraction = (key: HyperParameter['key'], name: string, tex: string, text: string) =>
  ({ key, name, tex, text, min: 0, max: 1, openMax: true, positive: false }) as HyperParameter;
const EPSILON: HyperParameter = {
  key: 'epsilon',
  name: 'epsilon',
  tex: '\\epsilon',
  text: 'ε',
  min: 0,
  max: 1,
  openMax: false,
  positive: true,
};

/** One record per optimizer: its name, its hyper-parameters, the buffers its state keeps. */
export interface OptimizerRecord {
  kind: OptimizerKind;
  name: string;
  parameters: readonly HyperParameter[];
  /** Per parameter: m (Adam's first moment) and v (momentum's velocity, the mean square g²). */
  buffers: readonly ('m' | 'v')[];
  /** PyTorch's defaults (momentum: 0.9, as usually chosen). */
  defaults: Optimizer;
}

export const OPTIMIZER_REGISTRY: Record<OptimizerKind, OptimizerRecord> = {
  sgd: { kind: 'sgd', name: 'SGD', parameters: [], buffers: [], defaults: SGD },
  momentum: {
    kind: 'momentum',
    name: 'Momentum',
    parameters: [fraction('momentum', 'momentum', '\\mu', 'μ')],
    buffers: ['v'],
    defaults: { kind: 'momentum', momentum: 0.9 },
  },
  rmsprop: {
    kind: 'rmsprop',
    name: 'RMSProp',
    parameters: [fraction('alpha', 'decay', '\\rho', 'ρ'), EPSILON],
    buffers: ['v'],
    defaults: { kind: 'rmsprop', alpha: 0.99, epsilon: 1e-8 },
  },
  adam: {
    kind: 'adam',
    name: 'Adam',
    parameters: [
      fraction('beta1', 'first-moment decay', '\\beta_1', 'β₁'),
      fraction('beta2', 'second-moment decay', '\\beta_2', 'β₂'),
      EPSILON,
    ],
    buffers: ['m', 'v'],
    defaults: { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  },
};

export const OPTIMIZER_KINDS = Object.keys(OPTIMIZER_REGISTRY) as OptimizerKind[];

/** A buffer of the state: one number per parameter, shaped as the layer's weights and biases. */
export interface LayerBuffer {
  weights: number[][];
  biases: number[];
}

/**
 * What an optimizer carries from step to step: plain, serialisable numbers. `kind` says whose it
 * is: a state of another optimizer counts as a fresh one. t is the number of steps taken; m and v
 * hold one number per weight and bias, per layer, and are absent while all zero (before the first
 * step) or when the optimizer keeps none.
 */
export interface OptimizerState {
  kind: OptimizerKind;
  t: number;
  m?: LayerBuffer[];
  v?: LayerBuffer[];
}

/** One state before the first step per optimizer, shared: the same reference, so memos keyed on it hit. */
const FRESH = Object.fromEntries(
  Object.keys(OPTIMIZER_REGISTRY).map((kind) => [kind, Object.freeze({ kind, t: 0 })]),
) as Record<OptimizerKind, OptimizerState>;

/** The state before the first step. */
export function freshState(optimizer: Pick<Optimizer, 'kind'>): OptimizerState {
  return FRESH[optimizer.kind];
}

function describe(value: unknown): string {
  return typeof value === 'number' ? String(value) : value === undefined ? 'missing' : typeof value;
}

/** Throws, in the learner's terms, unless the options are an optimizer with usable settings. */
export function validateOptimizer(optimizer: unknown): asserts optimizer is Optimizer {
  const o = optimizer as Record<string, unknown> | null;
  if (o === null || typeof o !== 'object') throw new Error('The optimizer is missing.');
  const record = OPTIMIZER_REGISTRY[o.kind as OptimizerKind] as OptimizerRecord | undefined;
  if (!record || !Object.hasOwn(OPTIMIZER_REGISTRY, String(o.kind))) {
    throw new Error(
      `Unknown optimizer "${String(o.kind)}"; expected one of ${OPTIMIZER_KINDS.join(', ')}.`,
    );
  }
  for (const p of record.parameters) {
    const value = o[p.key];
    const ok =
      typeof value === 'number' &&
      Number.isFinite(value) &&
      (p.positive ? value > 0 : value >= p.min) &&
      (p.openMax ? value < p.max : value <= p.max);
    if (!ok) {
      const range = p.positive
        ? `> 0 and ≤ ${p.max}`
        : `in [${p.min}, ${p.max}${p.openMax ? ')' : ']'}`;
      throw new Error(
        `${record.name}'s ${p.name} ${p.text} is ${describe(value)}; it must be a number ${range}.`,
      );
    }
  }
  if (o.kind === 'momentum' && o.nesterov !== undefined && typeof o.nesterov !== 'boolean') {
    throw new Error(`Nesterov is ${String(o.nesterov)}; it must be true or false.`);
  }
}

/** The state this optimizer starts its next step from: the given one if it is its own, else fresh. */
export function stateFor(optimizer: Optimizer, state: OptimizerState | undefined): OptimizerState {
  return state && state.kind === optimizer.kind ? state : freshState(optimizer);
}

/** Throws unless the state fits the network: a count t ≥ 0 and buffers of its shapes, finite. */
export function validateOptimizerState(network: Network, state: OptimizerState): void {
  if (state === null || typeof state !== 'object')
    throw new Error('The optimizer state is missing.');
  if (!OPTIMIZER_KINDS.includes(state.kind)) {
    throw new Error(`The optimizer state is of an unknown optimizer "${String(state.kind)}".`);
  }
  if (!Number.isInteger(state.t) || state.t < 0) {
    throw new Error(
      `The optimizer's step count t is ${describe(state.t)}; it must be a whole number ≥ 0.`,
    );
  }
  for (const name of ['m', 'v'] as const) {
    const buffer = state[name];
    if (buffer === undefined) continue;
    const fits =
      Array.isArray(buffer) &&
      buffer.length === network.layers.length &&
      network.layers.every((layer, l) => {
        const b = buffer[l];
        return (
          b !== undefined &&
          Array.isArray(b.biases) &&
          b.biases.length === layer.biases.length &&
          b.biases.every(Number.isFinite) &&
          Array.isArray(b.weights) &&
          b.weights.length === layer.weights.length &&
          b.weights.every(
            (row, i) =>
              Array.isArray(row) &&
              row.length === layer.weights[i]?.length &&
              row.every(Number.isFinite),
          )
        );
      });
    if (!fits) {
      throw new Error(
        `The optimizer's ${name} does not fit the network: it needs one finite number per weight and bias.`,
      );
    }
  }
}

/** What one parameter's step computed: the new state's numbers, the bias-corrected moments, the move. */
export interface ParameterMove {
  /** The new m (Adam), else 0. */
  m: number;
  /** The new v (momentum, RMSprop, Adam), else 0. */
  v: number;
  /** m̂ = m / (1 − β₁ᵗ), v̂ = v / (1 − β₂ᵗ) (Adam), else NaN. */
  mHat: number;
  vHat: number;
  /** What is subtracted from θ: η g, η v, η (g + μ v), η g / (√v + ε), η m̂ / (√v̂ + ε). */
  step: number;
}

export const newMove = (): ParameterMove => ({ m: 0, v: 0, mHat: NaN, vHat: NaN, step: 0 });

/**
 * One parameter's step, written once: `g` its gradient (penalty included), `m` and `v` its state
 * before, `t` the number of this step (from 1). Writes into `out` (no allocation in the trainer's
 * loop); θ's new value is θ − out.step.
 */
export function moveParameter(
  optimizer: Optimizer,
  eta: number,
  t: number,
  g: number,
  m: number,
  v: number,
  out: ParameterMove,
): void {
  switch (optimizer.kind) {
    case 'sgd':
      out.step = eta * g;
      return;
    case 'momentum': {
      const mu = optimizer.momentum;
      const next = mu * v + g;
      out.v = next;
      out.step = eta * (optimizer.nesterov ? g + mu * next : next);
      return;
    }
    case 'rmsprop': {
      const rho = optimizer.alpha;
      const next = rho * v + (1 - rho) * g * g;
      out.v = next;
      out.step = (eta * g) / (Math.sqrt(next) + optimizer.epsilon);
      return;
    }
    case 'adam': {
      const { beta1, beta2, epsilon } = optimizer;
      out.m = beta1 * m + (1 - beta1) * g;
      out.v = beta2 * v + (1 - beta2) * g * g;
      out.mHat = out.m / (1 - beta1 ** t);
      out.vHat = out.v / (1 - beta2 ** t);
      out.step = (eta * out.mHat) / (Math.sqrt(out.vHat) + epsilon);
      return;
    }
    default:
      assertNever(optimizer);
  }
}

/** A layer's state buffers, flat as the kernel's W (row-major) and b; null where kept none. */
export interface LayerMoments {
  mW: Float64Array | null;
  mb: Float64Array | null;
  vW: Float64Array | null;
  vb: Float64Array | null;
}

/** Zeroed flat buffers for each layer of a kernel of these sizes, those the optimizer keeps. */
export function allocateMoments(sizes: readonly number[], optimizer: Optimizer): LayerMoments[] {
  const { buffers } = OPTIMIZER_REGISTRY[optimizer.kind];
  const hasM = buffers.includes('m');
  const hasV = buffers.includes('v');
  return sizes.slice(1).map((n, l) => {
    const nW = (sizes[l] as number) * n;
    return {
      mW: hasM ? new Float64Array(nW) : null,
      mb: hasM ? new Float64Array(n) : null,
      vW: hasV ? new Float64Array(nW) : null,
      vb: hasV ? new Float64Array(n) : null,
    };
  });
}

/** Plain buffers into flat ones (absent: zeros). */
export function loadMoments(moments: LayerMoments[], state: OptimizerState): void {
  moments.forEach((layer, l) => {
    for (const name of ['m', 'v'] as const) {
      const W = name === 'm' ? layer.mW : layer.vW;
      const b = name === 'm' ? layer.mb : layer.vb;
      if (!W || !b) continue;
      const plain = state[name]?.[l];
      if (!plain) {
        W.fill(0);
        b.fill(0);
        continue;
      }
      const n = b.length;
      plain.weights.forEach((row, i) => W.set(row, i * n));
      b.set(plain.biases);
    }
  });
}

/** Flat buffers back into a plain state after step t. */
export function stateOf(optimizer: Optimizer, t: number, moments: LayerMoments[]): OptimizerState {
  const state: OptimizerState = { kind: optimizer.kind, t };
  const plain = (W: Float64Array, b: Float64Array): LayerBuffer => {
    const n = b.length;
    const weights: number[][] = [];
    for (let k = 0; k < W.length; k += n) weights.push(plainNumbers(W.subarray(k, k + n)));
    return { weights, biases: plainNumbers(b) };
  };
  for (const name of OPTIMIZER_REGISTRY[optimizer.kind].buffers) {
    state[name] = moments.map((layer) =>
      name === 'm'
        ? plain(layer.mW as Float64Array, layer.mb as Float64Array)
        : plain(layer.vW as Float64Array, layer.vb as Float64Array),
    );
  }
  return state;
}
