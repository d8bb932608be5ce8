import { elementwise } from '../engine';
import { derivativeTex, isElementwise } from './activation';
import {
  layerAt,
  notationIn,
  range,
  sampleSuffix,
  sampleValues,
  unitCount,
  weightAt,
  type EquationBlock,
  type EquationContext,
  type LazyBlock,
  type NetworkContext,
} from './context';
import { gradientBlock, gradientBlocks } from './gradients';
import { hiddenDeltaBlocks } from './hiddenDelta';
import { activationFunctionTex, partialTex, type Index } from './notation';
import { outputDeltaBlocks, outputForm, squaredFactor } from './outputDelta';
import { at, factor, num, product, sum } from './tex';

/**
 * The backward steps link by link, as note 002 writes them for its chain of single neurons:
 *
 *   ∂C/∂a⁽ᴸ⁾   = 2(a⁽ᴸ⁾ − y)
 *   ∂C/∂z⁽ˡ⁾   = ∂a⁽ˡ⁾/∂z⁽ˡ⁾ · ∂C/∂a⁽ˡ⁾                     = σ′(z⁽ˡ⁾) · ∂C/∂a⁽ˡ⁾
 *   ∂C/∂a⁽ˡ⁻¹⁾ = ∂z⁽ˡ⁾/∂a⁽ˡ⁻¹⁾ · ∂a⁽ˡ⁾/∂z⁽ˡ⁾ · ∂C/∂a⁽ˡ⁾       = w⁽ˡ⁾ σ′(z⁽ˡ⁾) · ∂C/∂a⁽ˡ⁾
 *   ∂C/∂w⁽ˡ⁾   = ∂z⁽ˡ⁾/∂w⁽ˡ⁾ · ∂a⁽ˡ⁾/∂z⁽ˡ⁾ · ∂C/∂a⁽ˡ⁾         = a⁽ˡ⁻¹⁾ σ′(z⁽ˡ⁾) · ∂C/∂a⁽ˡ⁾
 *
 * With several units, ∂C/∂a_j sums over the units k of the next layer (the multivariable chain
 * rule). Where a link does not stand alone (softmax couples a layer's units; cross-entropy folds
 * into ∂C/∂z of the output), ∂C/∂z is written whole, as in the δ form.
 */

/** Do ∂a/∂z and ∂C/∂a of layer l stand as links of their own? */
function linked(ctx: NetworkContext, l: number): boolean {
  const activation = layerAt(ctx.network, l)?.activation;
  if (!activation || !isElementwise(activation)) return false;
  return l < ctx.network.layers.length || outputForm(ctx.network) === 'squared';
}

/** σ′(z_j) of layer l for sample s. */
function slope(ctx: NetworkContext, l: number, j: number, s: number): number {
  const activation = layerAt(ctx.network, l)?.activation;
  if (!activation || !isElementwise(activation)) return NaN;
  const values = sampleValues(ctx, s);
  return elementwise[activation].df(values.z(l, j), values.a(l, j));
}

/** ∂C/∂a_j of layer l for sample s: c(a − y) at the output, Σ_k w_jk ∂C/∂z_k below it. */
function costSlope(ctx: NetworkContext, l: number, j: number, s: number): number {
  const values = sampleValues(ctx, s);
  if (l === ctx.network.layers.length) {
    return squaredFactor(ctx.network).value * (values.a(l, j) - values.y(j));
  }
  return range(unitCount(ctx.network, l + 1)).reduce(
    (total, k) => total + weightAt(ctx.network, l + 1, j, k) * values.delta(l + 1, k),
    0,
  );
}

/** ∂C/∂a_j of layer l in symbols: 2(a − y) at the output (squared error), else the ∂ itself. */
function costSlopeTex(ctx: NetworkContext, l: number, j: Index, loss: string): string {
  const { tex } = notationIn(ctx);
  const A = tex.activation(l, j);
  if (l < ctx.network.layers.length) return partialTex(loss, A);
  return `${squaredFactor(ctx.network).tex}(${A} - ${tex.target(j)})`;
}

function lossOf(ctx: NetworkContext): string {
  return notationIn(ctx).tex.loss(ctx.samples.length > 1 ? ctx.sampleIndex : undefined);
}

/** ∂C/∂z_j = ∂a_j/∂z_j · ∂C/∂a_j of layer l, with this sample's numbers. */
function zBlock(ctx: EquationContext, l: number, j: number, title: string): EquationBlock {
  const notation = notationIn(ctx);
  const { tex } = notation;
  const activation = layerAt(ctx.network, l)?.activation ?? 'linear';
  const values = sampleValues(ctx);
  const loss = lossOf(ctx);
  const A = tex.activation(l, j);
  const Z = tex.preActivation(l, j);
  const G = costSlopeTex(ctx, l, j, loss);
  const g = costSlope(ctx, l, j, ctx.sampleIndex);
  const fPrime = `${activationFunctionTex(notation, activation)}'(${Z})`;
  const forms = [
    partialTex(loss, Z),
    `${partialTex(A, Z)}\\cdot ${partialTex(loss, A)}`,
    `${fPrime}\\cdot ${G}`,
  ];
  let substituted = `= ${factor(slope(ctx, l, j, ctx.sampleIndex))}\\cdot ${factor(g)}`;
  if (isElementwise(activation)) {
    const d = derivativeTex(activation, A, Z, values.a(l, j), values.z(l, j));
    if (d.general !== fPrime) forms.push(`${d.general}\\cdot ${G}`);
    substituted = `= ${d.substituted}\\cdot ${factor(g)} = ${product(factor(d.value), factor(g))}`;
  }
  return {
    title,
    general: forms.join(' = '),
    substituted,
    result: `= ${num(values.delta(l, j))}`,
  };
}

/** The output step: ∂C/∂a of each unit, the cost's derivative, then ∂C/∂z = ∂a/∂z · ∂C/∂a. */
export function outputLinkBlocks(ctx: EquationContext, units: number[]): LazyBlock[] {
  const L = ctx.network.layers.length;
  if (!linked(ctx, L)) return outputDeltaBlocks(ctx, units);
  return units.flatMap((j) => [
    () => {
      const { tex, text, loss } = notationIn(ctx);
      const values = sampleValues(ctx);
      const c = squaredFactor(ctx.network);
      const A = tex.activation(L, j);
      return {
        title: `∂${loss.text}/∂${text.unit('a', L, j)}: the cost’s derivative${sampleSuffix(ctx)}`,
        general: `${partialTex(lossOf(ctx), A)} = ${c.tex}(${A} - ${tex.target(j)})`,
        substituted: `= ${c.numbers}(${factor(values.a(L, j))} - ${factor(values.y(j))})`,
        result: `= ${num(costSlope(ctx, L, j, ctx.sampleIndex))}`,
      };
    },
    () => {
      const { text, loss } = notationIn(ctx);
      const [a, z] = [text.unit('a', L, j), text.unit('z', L, j)];
      return zBlock(
        ctx,
        L,
        j,
        `Output ${text.unit('delta', L, j)} = ∂${a}/∂${z} · ∂${loss.text}/∂${a}${sampleSuffix(ctx)}`,
      );
    },
  ]);
}

/** ∂C/∂a_j of hidden layer l, back along the links from each unit k of layer l + 1. */
function activationLinkBlock(ctx: EquationContext, l: number, j: number): EquationBlock {
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const next = l + 1;
  const nNext = unitCount(ctx.network, next);
  const nextActivation = layerAt(ctx.network, next)?.activation ?? 'linear';
  const values = sampleValues(ctx);
  const loss = lossOf(ctx);
  const Aj = tex.activation(l, j);
  const linkedNext = linked(ctx, next);
  const link = (k: Index) => {
    const [A, Z] = [tex.activation(next, k), tex.preActivation(next, k)];
    return linkedNext
      ? `${partialTex(Z, Aj)}\\cdot ${partialTex(A, Z)}\\cdot ${partialTex(loss, A)}`
      : `${partialTex(Z, Aj)}\\cdot ${partialTex(loss, Z)}`;
  };
  const symbols = (k: Index) => {
    const w = tex.weight(next, j, k);
    if (!linkedNext) return `${w}\\, ${tex.delta(next, k)}`;
    const fPrime = `${activationFunctionTex(notation, nextActivation)}'(${tex.preActivation(next, k)})`;
    return `${w}${fPrime}\\cdot ${costSlopeTex(ctx, next, k, loss)}`;
  };
  const k = notation.indices.next;
  const over = (body: (k: Index) => string) =>
    nNext === 1 ? body(0) : `\\sum_{${k}=1}^{${nNext}} ${body(k)}`;
  const terms = range(nNext).map((q) => {
    const w = factor(weightAt(ctx.network, next, j, q));
    return linkedNext
      ? product(
          w,
          factor(slope(ctx, next, q, ctx.sampleIndex)),
          factor(costSlope(ctx, next, q, ctx.sampleIndex)),
        )
      : product(w, factor(values.delta(next, q)));
  });
  const several = nNext > 1 ? ` (a sum over its ${nNext} units)` : '';
  return {
    title: `∂${notation.loss.text}/∂${text.unit('a', l, j)}: back along the links from layer ${next}${several}${sampleSuffix(ctx)}`,
    general: `${partialTex(loss, Aj)} = ${over(link)} = ${over(symbols)}`,
    substituted: `= ${sum(terms)}`,
    result: `= ${num(costSlope(ctx, l, j, ctx.sampleIndex))}`,
  };
}

/** A hidden step: ∂C/∂a of each unit, then its ∂C/∂z = ∂a/∂z · ∂C/∂a. */
export function hiddenLinkBlocks(ctx: EquationContext, l: number, units: number[]): LazyBlock[] {
  return units.flatMap((j) => {
    const toZ: LazyBlock = linked(ctx, l)
      ? () => {
          const { text, loss } = notationIn(ctx);
          const [a, z] = [text.unit('a', l, j), text.unit('z', l, j)];
          return zBlock(
            ctx,
            l,
            j,
            `Hidden ${text.unit('delta', l, j)} = ∂${a}/∂${z} · ∂${loss.text}/∂${a}${sampleSuffix(ctx)}`,
          );
        }
      : (hiddenDeltaBlocks(ctx, l, [j])[0] as LazyBlock);
    return [() => activationLinkBlock(ctx, l, j), toZ];
  });
}

/** ∂C/∂w_ij = ∂z_j/∂w_ij · ∂a_j/∂z_j · ∂C/∂a_j and ∂C/∂b_j = 1 · ∂a_j/∂z_j · ∂C/∂a_j. */
export function gradientLinkBlocks(ctx: EquationContext, l: number, units: number[]): LazyBlock[] {
  if (!linked(ctx, l)) return gradientBlocks(ctx, l, units);
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const activation = layerAt(ctx.network, l)?.activation ?? 'linear';
  const C = tex.loss();
  const grads = () => ctx.snapshot.grads[l - 1];
  const m = ctx.samples.length;
  return units.flatMap((j) => {
    const A = tex.activation(l, j);
    const Z = tex.preActivation(l, j);
    const tail = `${activationFunctionTex(notation, activation)}'(${Z})\\cdot ${costSlopeTex(ctx, l, j, C)}`;
    const links = (param: string) =>
      `${partialTex(Z, param)}\\cdot ${partialTex(A, Z)}\\cdot ${partialTex(C, A)}`;
    const numbers = (s: number) => [factor(slope(ctx, l, j, s)), factor(costSlope(ctx, l, j, s))];
    const weights = range(unitCount(ctx.network, l - 1)).map((i) => () => {
      const W = tex.weight(l, i, j);
      const symbol = `${tex.activation(l - 1, i)}\\,${tail}`;
      return gradientBlock(
        ctx,
        `Gradient ∂${notation.loss.text}/∂${text.weight(l, i, j)} = ∂z/∂w · ∂a/∂z · ∂${notation.loss.text}/∂a`,
        W,
        `${links(W)} = ${symbol}`,
        symbol,
        (s) => [factor(sampleValues(ctx, s).a(l - 1, i)), ...numbers(s)],
        at(grads()?.dW[i], j),
      );
    });
    const bias = () => {
      const B = tex.bias(l, j);
      return gradientBlock(
        ctx,
        `Gradient ∂${notation.loss.text}/∂${text.bias(l, j)} = ∂z/∂b · ∂a/∂z · ∂${notation.loss.text}/∂a`,
        B,
        `${links(B)} = ${tex.biasInput(l - 1)}\\cdot ${tail}`,
        tail,
        (s) => (m > 1 ? numbers(s) : ['1', ...numbers(s)]),
        at(grads()?.db, j),
      );
    };
    return notation.bias === 'weightZero' ? [bias, ...weights] : [...weights, bias];
  });
}
