import {
  range,
  sampleValues,
  unitCount,
  notationIn,
  type EquationBlock,
  type LazyBlock,
  type EquationContext,
} from './context';
import { partialTex } from './notation';
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
export function gradientBlock(
  ctx: EquationContext,
  title: string,
  param: string,
  chain: string,
  symbol: string,
  factors: (s: number) => string[],
  mean: number,
): EquationBlock {
  const m = ctx.samples.length;
  const { tex } = notationIn(ctx);
  const dL = partialTex(tex.loss(), param);
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
  const general = `${dL} = ${frac}\\sum_{n=1}^{${m}} ${partialTex(tex.loss('n'), param)} = ${frac}\\sum_{n=1}^{${m}} \\left(${symbol}\\right)_{n}`;
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
  const { tex, text, loss } = notationIn(ctx);
  const grads = ctx.snapshot.grads[layer - 1];
  const symbol = `${tex.activation(layer - 1, i)}\\,${tex.delta(layer, j)}`;
  const W = tex.weight(layer, i, j);
  const Z = tex.preActivation(layer, j);
  const chain = `${partialTex(tex.loss(), Z)}\\cdot ${partialTex(Z, W)} = ${symbol}`;
  return gradientBlock(
    ctx,
    `Gradient ∂${loss.text}/∂${text.weight(layer, i, j)}`,
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
  const { tex, text, loss, bias } = notationIn(ctx);
  const grads = ctx.snapshot.grads[layer - 1];
  const B = tex.bias(layer, j);
  const Z = tex.preActivation(layer, j);
  const D = tex.delta(layer, j);
  const lfd = bias === 'weightZero';
  // ∂z_j/∂b_j = 1 (note 003: δ_j · 1); with the bias as weight 0, ∂s_j/∂w_0j = x_0 = 1 (note 001).
  const symbol = lfd ? `${tex.biasInput(layer - 1)}\\,${D}` : D;
  const chain = `${partialTex(tex.loss(), Z)}\\cdot ${partialTex(Z, B)} = ${lfd ? symbol : `${D}\\cdot 1`}`;
  return gradientBlock(
    ctx,
    `Gradient ∂${loss.text}/∂${text.bias(layer, j)}`,
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
    return notationIn(ctx).bias === 'weightZero' ? [bias, ...weights] : [...weights, bias];
  });
}
