import { numericalGradients } from './numerical';
import { runPass } from './pass';
import { penaltyDerivative, penaltyOf, validatePenalty, type Penalty } from './regularization';
import type { Network, Sample } from './types';

/**
 * Backprop's gradient beside central differences, (L(θ + h) − L(θ − h)) / 2h, for every weight and
 * bias, with the penalty λ·ΣR(w) included on both sides when there is one.
 */
export interface GradientCheckRow {
  /** 1…L. */
  layer: number;
  kind: 'weight' | 'bias';
  /** For a weight: unit `from` of layer − 1 (0-based); for a bias: null. */
  from: number | null;
  /** The unit of this layer (0-based). */
  to: number;
  backprop: number;
  numerical: number;
  absoluteError: number;
  /** |backprop − numerical| / max(|backprop|, |numerical|), 0 when both are 0. */
  relativeError: number;
  /** Relative error below RELATIVE_TOLERANCE, or an absolute error within rounding noise. */
  agrees: boolean;
}

/** One weight matrix and bias vector: how well backprop and the differences agree there. */
export interface LayerCheck {
  layer: number;
  parameters: number;
  maxRelativeError: number;
  medianRelativeError: number;
  maxAbsoluteError: number;
  disagreements: number;
}

export interface GradientCheck {
  rows: GradientCheckRow[];
  layers: LayerCheck[];
  maxRelativeError: number;
  medianRelativeError: number;
  /** Rows that do not agree (see GradientCheckRow.agrees). */
  disagreements: number;
  h: number;
}

/**
 * Above this relative error a gradient is suspect. Kinks (ReLU at 0, |w| at 0) can produce a few
 * honest ones; a wrong backward pass produces many, far larger.
 */
export const RELATIVE_TOLERANCE = 1e-4;

/**
 * Below this absolute error the two cannot be told apart: (L(θ + h) − L(θ − h)) / 2h loses about
 * ε·|L|/h ≈ 10⁻¹¹·|L| to rounding and h²·L‴/6 to truncation, so a gradient of 10⁻⁸ (a vanishing
 * one) can show a large relative error while backprop is exact.
 */
export const ABSOLUTE_NOISE = 1e-9;

function median(values: number[]): number {
  const sorted = values.slice().sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  if (sorted.length === 0) return 0;
  return sorted.length % 2
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

export function relativeError(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / scale;
}

export function gradientCheck(
  network: Network,
  batch: Sample[],
  penalty: Penalty = { kind: 'none', rate: 0 },
  h = 1e-5,
): GradientCheck {
  validatePenalty(penalty);
  const pass = runPass(network, batch);
  const exact = pass.grads;
  const exactLoss = pass.loss;
  const numerical = numericalGradients(network, batch, h);
  const lambda = penalty.kind === 'none' ? 0 : penalty.rate;
  const central = (w: number) =>
    (lambda * (penaltyOf(penalty.kind, w + h) - penaltyOf(penalty.kind, w - h))) / (2 * h);
  const rows: GradientCheckRow[] = [];
  const noise = ABSOLUTE_NOISE * Math.max(1, Math.abs(exactLoss));
  const push = (row: Omit<GradientCheckRow, 'absoluteError' | 'relativeError' | 'agrees'>) => {
    const absoluteError = Math.abs(row.backprop - row.numerical);
    const relative = relativeError(row.backprop, row.numerical);
    rows.push({
      ...row,
      absoluteError,
      relativeError: relative,
      agrees: relative <= RELATIVE_TOLERANCE || absoluteError <= noise,
    });
  };
  network.layers.forEach((layer, l) => {
    const g = exact[l];
    const n = numerical[l];
    if (!g || !n) return;
    layer.weights.forEach((row, i) =>
      row.forEach((w, j) =>
        push({
          layer: l + 1,
          kind: 'weight',
          from: i,
          to: j,
          backprop: (g.dW[i]?.[j] as number) + lambda * penaltyDerivative(penalty.kind, w),
          numerical: (n.dW[i]?.[j] as number) + central(w),
        }),
      ),
    );
    layer.biases.forEach((_, j) =>
      push({
        layer: l + 1,
        kind: 'bias',
        from: null,
        to: j,
        backprop: g.db[j] as number,
        numerical: n.db[j] as number,
      }),
    );
  });
  const summary = (of: GradientCheckRow[]) => ({
    maxRelativeError: Math.max(0, ...of.map((r) => r.relativeError)),
    medianRelativeError: median(of.map((r) => r.relativeError)),
    disagreements: of.filter((r) => !r.agrees).length,
  });
  const layers = network.layers.map((_, l) => {
    const of = rows.filter((r) => r.layer === l + 1);
    return {
      layer: l + 1,
      parameters: of.length,
      maxAbsoluteError: Math.max(0, ...of.map((r) => r.absoluteError)),
      ...summary(of),
    };
  });
  return { rows, layers, ...summary(rows), h };
}
