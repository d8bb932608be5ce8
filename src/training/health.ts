/**
 * Reading the gradient norms ‖∂L/∂W^(l)‖ of each layer: are they vanishing on their way back to
 * the first layers, exploding, or all near zero? Pure, so the thresholds can be tested.
 */
export interface GradientHealth {
  level: 'ok' | 'vanishing' | 'exploding' | 'stalled' | 'none';
  message: string;
}

export const EXPLODING = 1e3;
export const STALLED = 1e-7;
/** The first layer's gradient this much smaller than the largest: it hardly learns. */
export const VANISHING_RATIO = 1e-2;

const fmt = (v: number) =>
  Math.abs(v) >= 1e-3 && Math.abs(v) < 1e4 ? v.toPrecision(3) : v.toExponential(1);

export function gradientHealth(norms: readonly number[]): GradientHealth {
  if (norms.length === 0) return { level: 'none', message: 'No gradients yet: train to see them.' };
  const bad = norms.findIndex((n) => !Number.isFinite(n));
  if (bad >= 0) {
    return { level: 'exploding', message: `Layer ${bad + 1}'s gradient is not a finite number.` };
  }
  const largest = Math.max(...norms);
  const top = norms.indexOf(largest);
  if (largest > EXPLODING) {
    return {
      level: 'exploding',
      message: `Exploding gradients: ‖∂L/∂W‖ = ${fmt(largest)} in layer ${top + 1}. Steps this large overshoot; lower the learning rate.`,
    };
  }
  if (largest < STALLED) {
    return {
      level: 'stalled',
      message: `All gradients are near zero (largest ${fmt(largest)}): training has stalled — saturated sigmoid/tanh units or dead ReLUs.`,
    };
  }
  const first = norms[0] as number;
  if (norms.length >= 3 && first < VANISHING_RATIO * largest) {
    return {
      level: 'vanishing',
      message: `Vanishing gradients: layer 1 gets ${fmt(first)}, ${fmt(largest / Math.max(first, 1e-300))}× less than layer ${top + 1}. Each layer multiplies δ by f′(z) ≤ ¼ for sigmoid; the first layers barely learn. Try tanh or ReLU, or fewer layers.`,
    };
  }
  const low = Math.min(...norms);
  return {
    level: 'ok',
    message: `Healthy: gradient norms between ${fmt(low)} and ${fmt(largest)} across the layers.`,
  };
}
