import {
  range,
  sampleValues,
  unitCount,
  type EquationBlock,
  type LazyBlock,
  type EquationContext,
} from './context';
import { biasLabel, lossLabel, weightLabel } from './labels';
import {
  activationTex,
  biasInputTex,
  biasTex,
  deltaTex,
  lossSymbol,
  partialTex,
  preActivationTex,
  weightTex,
} from './notation';
import { at, factor, num, product, sum } from './tex';

/**
 * ∂L/∂w_ij^(l) = a_i^(l−1) δ_j^(l) and ∂L/∂b_j^(l) = δ_j^(l) (note 000), per sample; with several
 * samples the gradient is their mean (note 002): written out for up to four samples, otherwise
 * this sample's term beside the sum of the others.
 */
export const MAX_LISTED_SAMPLES = 4;

/**
 * One parameter's gradient: `chain` is ∂L/∂θ for one sample in symbols, `symbol` the per-sample
 * product (a_i δ_j), `factors(s)` its numbers for sample s, `mean` the batch gradient.
 */
function gradientBlock(
  ctx: EquationContext,
  title: string,
  param: string,
  chain: string,
  symbol: string,
  factors: (s: number) => string[],
  mean: number,
): EquationBlock {
  const m = ctx.samples.length;
  const { notation } = ctx;
  const dL = partialTex(lossSymbol(notation), param);
  if (m === 1) {
    return {
      title,
      general: `${dL} = ${chain}`,
      substituted: `= ${product(...factors(0))}`,
      result: `= ${num(mean)}`,
    };
  }
  const s = ctx.sampleIndex;
  const frac = `\\frac{1}{${m}}`;
  const general = `${dL} = ${frac}\\sum_{n=1}^{${m}} ${partialTex(lossSymbol(notation, 'n'), param)} = ${frac}\\sum_{n=1}^{${m}} \\left(${symbol}\\right)_{n}`;
  const substituted =
    m <= MAX_LISTED_SAMPLES
      ? `= ${frac}\\left(${sum(range(m).map((n) => product(...factors(n))))}\\right)`
      : `= ${frac}\\left(\\underbrace{${product(...factors(s))}}_{n=${s + 1}} + \\sum_{n\\neq ${s + 1}} \\left(${symbol}\\right)_{n}\\right)`;
  return {
    title: `${title} (mean over the ${m} samples)`,
    general,
    substituted,
    result: `= ${num(mean)}`,
  };
}

function weightBlock(ctx: EquationContext, layer: number, i: number, j: number): EquationBlock {
  const { notation } = ctx;
  const grads = ctx.snapshot.grads[layer - 1];
  const symbol = `${activationTex(notation, layer - 1, i)}\\,${deltaTex(notation, layer, j)}`;
  const W = weightTex(notation, layer, i, j);
  const Z = preActivationTex(notation, layer, j);
  const chain = `${partialTex(lossSymbol(notation), Z)}\\cdot ${partialTex(Z, W)} = ${symbol}`;
  return gradientBlock(
    ctx,
    `Gradient ∂${lossLabel(notation)}/∂${weightLabel(notation, layer, i, j)}`,
    W,
    chain,
    symbol,
    (s) => {
      const values = sampleValues(ctx, s);
      return [factor(values.a(layer - 1, i)), factor(values.delta(layer, j))];
    },
    at(grads?.dW[i], j),
  );
}

function biasBlock(ctx: EquationContext, layer: number, j: number): EquationBlock {
  const { notation } = ctx;
  const grads = ctx.snapshot.grads[layer - 1];
  const B = biasTex(notation, layer, j);
  const Z = preActivationTex(notation, layer, j);
  const D = deltaTex(notation, layer, j);
  const lfd = notation === 'lfd';
  // ∂z_j/∂b_j = 1 (note 003: δ_j · 1); in LFD ∂s_j/∂w_0j = x_0 = 1.
  const symbol = lfd ? `${biasInputTex(layer - 1)}\\,${D}` : D;
  const chain = `${partialTex(lossSymbol(notation), Z)}\\cdot ${partialTex(Z, B)} = ${lfd ? symbol : `${D}\\cdot 1`}`;
  return gradientBlock(
    ctx,
    `Gradient ∂${lossLabel(notation)}/∂${biasLabel(notation, layer, j)}`,
    B,
    chain,
    symbol,
    (s) => {
      const delta = factor(sampleValues(ctx, s).delta(layer, j));
      if (ctx.samples.length > 1) return [delta];
      return lfd ? ['1', delta] : [delta, '1'];
    },
    at(grads?.db, j),
  );
}

/** The gradients of every weight into the given units of a layer, and of their biases. */
export function gradientBlocks(ctx: EquationContext, layer: number, units: number[]): LazyBlock[] {
  const nPrev = unitCount(ctx.network, layer - 1);
  return units.flatMap((j) => {
    const weights = range(nPrev).map((i) => () => weightBlock(ctx, layer, i, j));
    const bias = () => biasBlock(ctx, layer, j);
    return ctx.notation === 'lfd' ? [bias, ...weights] : [...weights, bias];
  });
}
