import type { LayerGradients, Network } from '../engine';

/**
 * How an edge looks: its width grows with |w| (or |∂L/∂w|), its color says the sign. The colors are
 * the Okabe–Ito pair that color-blind readers tell apart; styles.css has them as --positive and
 * --negative.
 */

export type Sign = 'positive' | 'negative' | 'zero';

export const SIGN_COLORS: Record<Sign, string> = {
  positive: '#0072b2',
  negative: '#d55e00',
  zero: '#94a3b8',
};

export function signOf(value: number): Sign {
  return value > 0 ? 'positive' : value < 0 ? 'negative' : 'zero';
}

/** Edge widths in px: a zero weight is still a visible hairline; the largest |value| gets `max`. */
export const EDGE_WIDTH = { min: 0.75, max: 7, step: 0.5 } as const;

/**
 * The top of the width scale: the largest |value| rounded up to 1, 1.5, 2, 3, 4, 5, 6 or 8 × 10ᵏ.
 * Editing a weight seldom moves it, so the other edges keep their widths (and are not redrawn).
 */
export function niceMax(maxAbs: number): number {
  if (!(maxAbs > 0) || !Number.isFinite(maxAbs)) return 0;
  const power = 10 ** Math.floor(Math.log10(maxAbs));
  const step = [1, 1.5, 2, 3, 4, 5, 6, 8, 10].find((m) => m * power >= maxAbs * (1 - 1e-12)) ?? 10;
  return Number((step * power).toPrecision(12));
}

/**
 * Width proportional to |value| on [0, niceMax(maxAbs)], never thinner than EDGE_WIDTH.min.
 * Quantized to EDGE_WIDTH.step so that when one weight changes, the edges whose width did not
 * visibly change keep the same props and are not redrawn.
 */
export function edgeWidthScale(maxAbs: number): (value: number) => number {
  const top = niceMax(maxAbs);
  if (top === 0) return () => EDGE_WIDTH.min;
  // A clamped linear scale from [0, top] to [0, max] steps, written out: it runs for every edge of
  // the network on every edit.
  const steps = EDGE_WIDTH.max / EDGE_WIDTH.step;
  return (value) => {
    const width = Math.round(Math.min(Math.abs(value) / top, 1) * steps) * EDGE_WIDTH.step;
    return Math.max(EDGE_WIDTH.min, width);
  };
}

function maxAbsOf(rows: Iterable<ArrayLike<number>>): number {
  let max = 0;
  for (const row of rows) {
    for (let k = 0; k < row.length; k++) max = Math.max(max, Math.abs(row[k] as number));
  }
  return max;
}

/** The largest |w| or |b| anywhere in the network: the widest edge in weight mode. */
export function maxAbsParameter(network: Network): number {
  return network.layers.reduce(
    (max, layer) => Math.max(max, maxAbsOf(layer.weights), maxAbsOf([layer.biases])),
    0,
  );
}

/**
 * The largest |∂L/∂w| or |∂L/∂b| shown: the widest edge in gradient mode. Only the gradients into
 * the first `shownUnits[l]` units of layer l + 1 count (all when it is left out), and none that is
 * NaN (pending: the learner is to predict it), so the widths never hint at a value not yet shown.
 */
export function maxAbsGradient(
  grads: readonly LayerGradients[],
  shownUnits?: readonly number[],
): number {
  // Indexed loops, no closure nor iterator: each edge column's selector runs this on every edit.
  let max = 0;
  for (let l = 0; l < grads.length; l++) {
    const { dW, db } = grads[l] as LayerGradients;
    const units = Math.min(db.length, shownUnits ? (shownUnits[l] ?? 0) : Infinity);
    for (let j = 0; j < units; j++) {
      max = largerAbs(max, db[j] as number);
      for (let i = 0; i < dW.length; i++)
        max = largerAbs(max, (dW[i] as ArrayLike<number>)[j] as number);
    }
  }
  return max;
}

/** max, or |v| if larger; NaN (a value pending) is left out. */
function largerAbs(max: number, v: number): number {
  return Number.isNaN(v) ? max : Math.max(max, Math.abs(v));
}
