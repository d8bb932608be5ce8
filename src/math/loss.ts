import { assertNever, LOSS_REGISTRY, squaredError, type Loss } from '../engine';
import type { NotationId } from './vocabulary';
import {
  range,
  sampleValues,
  unitCount,
  type EquationBlock,
  type LazyBlock,
  type EquationContext,
  type NetworkContext,
  notationIn,
} from './context';
import { notationFor } from './notations';
import type { Index } from './notation';
import { factor, MAX_EXPANDED_TERMS, num, sum } from './tex';

/**
 * The loss conventions, written out so the differences between the notes show: ½ or not (notes
 * 003/004 vs 001/002), sum or mean over the outputs, and the mean over the samples of a batch.
 */

export function lossName(loss: Loss): string {
  return LOSS_REGISTRY[loss].name;
}

/**
 * The number of outputs as a symbol, where a loss divides by it (MSE's 1/K): not n, which counts
 * the samples (L = 1/m Σ_n L_n), and not ½ for two outputs, which reads as the ½ of ½Σ(a − y)².
 */
export const OUTPUTS_SYMBOL = 'K';

/**
 * A squared loss's TeX over n outputs: the factor in front of Σ(a − y)² (prefix) and c in
 * ∂L/∂a = c(a − y) (factor), in symbols, with the number of outputs written K where they depend on
 * it (MSE's \frac{1}{K}, \frac{2}{K}), and with the count written out for the lines with numbers
 * (\frac{1}{2}, \frac{2}{2}). Every equation that writes a squared loss, per unit or in matrix
 * form, takes it from here, so they agree. Null for the cross-entropies.
 */
export interface SquaredTex {
  prefix: string;
  prefixNumbers: string;
  factor: string;
  factorNumbers: string;
  /** Does the loss depend on the number of outputs (K appears in prefix and factor)? */
  symbolic: boolean;
}

export function squaredTex(loss: Loss, n: number): SquaredTex | null {
  const record = squaredError(loss);
  if (!record) return null;
  const count = String(n);
  const prefix = record.prefixTex(OUTPUTS_SYMBOL);
  return {
    prefix,
    prefixNumbers: record.prefixTex(count),
    factor: record.factorTex(OUTPUTS_SYMBOL),
    factorNumbers: record.factorTex(count),
    symbolic: prefix !== record.prefixTex(count),
  };
}

/**
 * One sample's loss over n outputs, from the output symbol A(j) and target Y(j): as a Σ over a
 * symbolic j ('sum', A and Y must accept 'j'), or with every j listed ('expanded'). `numeric`
 * puts \cdot where a number multiplies a logarithm.
 */
export function lossExpression(
  loss: Loss,
  n: number,
  A: (j: Index) => string,
  Y: (j: Index) => string,
  mode: 'sum' | 'expanded',
  numeric = false,
): string {
  const times = numeric ? '\\cdot ' : '';
  const listed = mode === 'expanded' || n === 1;
  const over = (body: string) => `\\sum_{j=1}^{${n}} ${body}`;
  const record = LOSS_REGISTRY[loss];
  switch (record.family) {
    case 'squared': {
      const term = (j: Index) => `(${A(j)} - ${Y(j)})^2`;
      const written = squaredTex(loss, n);
      const prefix = written?.prefixNumbers ?? '';
      if (!listed) {
        if (!written?.symbolic) return `${prefix}${over(term('j'))}`;
        return `${written.prefix}\\sum_{j=1}^{${OUTPUTS_SYMBOL}} ${term('j')}`;
      }
      const terms = sum(range(n).map(term));
      return n > 1 && prefix ? `${prefix}\\left[${terms}\\right]` : `${prefix}${terms}`;
    }
    // Listed, the minus goes to each term: −y₁ln(a₁) − y₂ln(a₂), whose terms a narrow line can
    // wrap between (a line never breaks inside brackets), not −(y₁ln(a₁) + y₂ln(a₂)).
    case 'binaryCrossEntropy': {
      if (!listed) {
        return `-${over(`\\left[${Y('j')}\\ln(${A('j')}) + (1 - ${Y('j')})\\ln(1 - ${A('j')})\\right]`)}`;
      }
      return range(n)
        .map((j) => `-${Y(j)}${times}\\ln(${A(j)}) - (1 - ${Y(j)})\\ln(1 - ${A(j)})`)
        .join(' ');
    }
    case 'crossEntropy': {
      if (!listed) return `-${over(`${Y('j')}\\ln(${A('j')})`)}`;
      return range(n)
        .map((j) => `-${Y(j)}${times}\\ln(${A(j)})`)
        .join(' ');
    }
    default:
      return assertNever(record);
  }
}

/**
 * The loss in force, per sample and over the batch, e.g.
 * L_{n} = \tfrac12\sum_{j=1}^{2} (a_{j}^{(L)} - y_{j})^2, \qquad L = \frac{1}{m}\sum_{n=1}^{m} L_{n}
 */
export function lossConventionTex(loss: Loss, notation: NotationId, nOutputs: number): string {
  const n = Math.max(1, Math.round(nOutputs));
  // Only the output layer is written here, symbolically: L.
  const { tex } = notationFor(notation, [n]);
  const expression = lossExpression(
    loss,
    n,
    (j) => tex.activation('L', j),
    (j) => tex.target(j),
    'sum',
  );
  const perSample = tex.loss('n');
  const outputs = squaredTex(loss, n)?.symbolic && n > 1 ? ` \\; (${OUTPUTS_SYMBOL} = ${n})` : '';
  return `${perSample} = ${expression}${outputs}, \\qquad ${tex.loss()} = \\frac{1}{m}\\sum_{n=1}^{m} ${perSample}`;
}

/** The mean over the batch with every sample's loss: L = \frac{1}{3}(L_1 + L_2 + L_3) = … */
export function batchLossBlock(ctx: NetworkContext): EquationBlock {
  const m = ctx.samples.length;
  const { tex } = notationIn(ctx);
  const perSample = range(m);
  const general = [`${tex.loss()} = \\frac{1}{${m}}\\sum_{n=1}^{${m}} ${tex.loss('n')}`];
  if (m <= MAX_EXPANDED_TERMS) {
    general.push(`\\frac{1}{${m}}\\left(${sum(perSample.map((s) => tex.loss(s)))}\\right)`);
  }
  const losses = perSample.map((s) => factor(ctx.snapshot.samples[s]?.loss ?? NaN));
  return {
    title: `Batch loss: the mean over the ${m} samples (note 002: average over samples)`,
    general: general.join(' = '),
    substituted: `= \\frac{1}{${m}}\\left(${sum(losses)}\\right)`,
    result: `= ${num(ctx.snapshot.loss)}`,
  };
}

/** The loss step: this sample's loss written out, then the batch mean when there are several. */
export function lossBlocks(ctx: EquationContext): LazyBlock[] {
  const sample = () => sampleLossBlock(ctx);
  return ctx.samples.length > 1 ? [sample, () => batchLossBlock(ctx)] : [sample];
}

function sampleLossBlock(ctx: EquationContext): EquationBlock {
  const { network } = ctx;
  const { tex } = notationIn(ctx);
  const L = network.layers.length;
  const n = unitCount(network, L);
  const values = sampleValues(ctx);
  const m = ctx.samples.length;
  const A = (j: Index) => tex.activation(L, j);
  const Y = (j: Index) => tex.target(j);
  const general = [lossExpression(network.loss, n, A, Y, 'sum')];
  if (n > 1 && n <= MAX_EXPANDED_TERMS)
    general.push(lossExpression(network.loss, n, A, Y, 'expanded'));
  const numbers = lossExpression(
    network.loss,
    n,
    (j) => factor(values.a(L, j as number)),
    (j) => factor(values.y(j as number)),
    'expanded',
    true,
  );
  const symbol = tex.loss(m > 1 ? ctx.sampleIndex : undefined);
  return {
    title: `Loss${m > 1 ? ` of sample ${ctx.sampleIndex + 1}` : ''}: ${lossName(network.loss)}`,
    general: `${symbol} = ${general.join(' = ')}`,
    substituted: `= ${numbers}`,
    result: `= ${num(values.loss)}`,
  };
}
