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
}

export interface GradientCheck {
  rows: GradientCheckRow[];
  maxRelativeError: number;
  medianRelativeError: number;
  h: number;
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
  const exact = runPass(network, batch).grads;
  const numerical = numericalGradients(network, batch, h);
  const lambda = penalty.kind === 'none' ? 0 : penalty.rate;
  const central = (w: number) =>
    (lambda * (penaltyOf(penalty.kind, w + h) - penaltyOf(penalty.kind, w - h))) / (2 * h);
  const rows: GradientCheckRow[] = [];
  const push = (row: Omit<GradientCheckRow, 'absoluteError' | 'relativeError'>) =>
    rows.push({
      ...row,
      absoluteError: Math.abs(row.backprop - row.numerical),
      relativeError: relativeError(row.backprop, row.numerical),
    });
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
  const sorted = rows.map((r) => r.relativeError).sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  const median =
    sorted.length === 0
      ? 0
      : sorted.length % 2
        ? (sorted[mid] as number)
        : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
  return {
    rows,
    maxRelativeError: sorted[sorted.length - 1] ?? 0,
    medianRelativeError: median,
    h,
  };
}
