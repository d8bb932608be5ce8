import type { Network } from '../engine';
import type { Selection } from './vocabulary';
import { derivativeTex, isElementwise } from './activation';
import { foldedOutputDelta } from './chainRule';
import {
  layerAt,
  range,
  sampleValues,
  unitCount,
  weightAt,
  notationIn,
  type EquationBlock,
  type LazyBlock,
  type NetworkContext,
} from './context';
import { activationFunctionTex, partialTex, type Index } from './notation';
import { outputForm, squaredFactor } from './outputDelta';
import { factor, num, product, sum, withDigits } from './tex';

/** Paths written out one by one up to this many; beyond, the first few, a gap and the last. */
const MAX_PATHS = 6;

/**
 * Note 002's chain rule written out in full, one factor per link from the loss down to the
 * parameter. With one unit in every layer above (the 1-1-1-1 chain) there is a single path:
 *
 *   ∂C/∂w⁽¹⁾ = ∂C/∂a⁽³⁾ · ∂a⁽³⁾/∂z⁽³⁾ · ∂z⁽³⁾/∂a⁽²⁾ · ∂a⁽²⁾/∂z⁽²⁾ · ∂z⁽²⁾/∂a⁽¹⁾ · ∂a⁽¹⁾/∂z⁽¹⁾ · ∂z⁽¹⁾/∂w⁽¹⁾
 *            = 2(a⁽³⁾ − y) · σ′(z⁽³⁾) · w⁽³⁾ · σ′(z⁽²⁾) · w⁽²⁾ · σ′(z⁽¹⁾) · x
 *
 * With several units above, the parameter reaches the loss along several paths, one per choice of
 * a unit in each layer above, and the multivariable chain rule sums them: ∂L/∂w is the sum over
 * the paths of the product of the local derivatives along each (what the δ recursion computes).
 * A loss whose ∂L/∂z⁽ᴸ⁾ folds into one factor (cross-entropy, softmax) starts each path there.
 */
export function fullChainEquation(ctx: NetworkContext, selection: Selection): EquationBlock | null {
  return lazyFullChain(ctx, selection)?.() ?? null;
}

/**
 * fullChainEquation not built yet (the panel builds it when it is shown), or null where there is
 * none: which depends on the network's shape and the selection, not on any number.
 */
export function lazyFullChain(ctx: NetworkContext, selection: Selection): LazyBlock | null {
  const parameter = pathsParameter(ctx.network, selection);
  return parameter && (() => withDigits(ctx.digits, () => allPaths(ctx, parameter)));
}

/** The parameter whose paths are written out: its layer, unit j and source unit (null: a bias). */
interface PathsParameter {
  layer: number;
  j: number;
  from: number | null;
}

/**
 * The selected parameter, if its chain is written out path by path: below the output (an output
 * parameter's chain is already written out in full), through elementwise activations.
 */
function pathsParameter(network: Network, selection: Selection): PathsParameter | null {
  if (selection.kind === 'unit') return null;
  const L = network.layers.length;
  const layer = selection.layer;
  const j = selection.kind === 'weight' ? selection.to : selection.unit;
  if (layer >= L || layer < 1 || j >= unitCount(network, layer)) return null;
  for (let l = layer; l < L; l++) {
    const activation = layerAt(network, l)?.activation;
    if (!activation || !isElementwise(activation)) return null;
  }
  return { layer, j, from: selection.kind === 'weight' ? selection.from : null };
}

/** How many paths lead from a unit of `layer` to the loss: one per unit in each layer above. */
function pathCount(ctx: NetworkContext, layer: number): number {
  let count = 1;
  for (let l = layer + 1; l <= ctx.network.layers.length; l++) count *= unitCount(ctx.network, l);
  return count;
}

/** Path number `index` (counting the last layer fastest): its unit in each layer from `layer`. */
function pathAt(ctx: NetworkContext, layer: number, j: number, index: number): number[] {
  const units: number[] = [];
  let rest = index;
  for (let l = ctx.network.layers.length; l > layer; l--) {
    const n = unitCount(ctx.network, l);
    units.unshift(rest % n);
    rest = Math.floor(rest / n);
  }
  return [j, ...units];
}

/** The paths written out: all of them, or the first few and the last (a deep network has millions). */
function shownPaths(ctx: NetworkContext, layer: number, j: number): number[][] {
  const count = pathCount(ctx, layer);
  const indices = count <= MAX_PATHS ? range(count) : [...range(MAX_PATHS - 2), count - 1];
  return indices.map((index) => pathAt(ctx, layer, j, index));
}

/** k, k′, k″, … for the layers above the parameter's. */
function indexLetter(next: string, above: number): string {
  return `${next}${"'".repeat(above)}`;
}

interface Factor {
  link: string;
  symbol: string;
  value: number;
}

function allPaths(ctx: NetworkContext, { layer, j, from }: PathsParameter): EquationBlock {
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const L = network.layers.length;
  const outputActivation = layerAt(network, L)?.activation ?? 'linear';
  const squared = outputForm(network) === 'squared' && isElementwise(outputActivation);

  const values = sampleValues(ctx);
  const m = ctx.samples.length;
  const loss = tex.loss(m > 1 ? ctx.sampleIndex : undefined);
  const param = from === null ? tex.bias(layer, j) : tex.weight(layer, from, j);
  const count = pathCount(ctx, layer);
  const paths = shownPaths(ctx, layer, j);
  // The symbolic index of each layer: the parameter's unit, k, k′, … where a layer has several.
  let above = 0;
  const symbolic: Index[] = [j];
  for (let l = layer + 1; l <= L; l++) {
    symbolic.push(unitCount(network, l) > 1 ? indexLetter(notation.indices.next, above++) : 0);
  }

  /** The factors along one path, p[i] the unit in layer layer + i; symbolic indices or numbers. */
  const factors = (p: readonly Index[], numbers: readonly number[]): Factor[] => {
    const unit = (l: number) => p[l - layer] as Index;
    const at = (l: number) => numbers[l - layer] as number;
    const A = (l: number) => tex.activation(l, unit(l));
    const Z = (l: number) => tex.preActivation(l, unit(l));
    const out: Factor[] = [];
    const elementwise = (l: number) => {
      const activation = layerAt(network, l)?.activation ?? 'linear';
      if (!isElementwise(activation)) return; // not reached: checked above
      const d = derivativeTex(activation, A(l), Z(l), values.a(l, at(l)), values.z(l, at(l)));
      out.push({
        link: partialTex(A(l), Z(l)),
        symbol: `${activationFunctionTex(notation, activation)}'(${Z(l)})`,
        value: d.value,
      });
    };
    if (squared) {
      const c = squaredFactor(network);
      out.push({
        link: partialTex(loss, A(L)),
        symbol: `${c.tex}(${A(L)} - ${tex.target(unit(L))})`,
        value: c.value * (values.a(L, at(L)) - values.y(at(L))),
      });
      elementwise(L);
    } else {
      out.push({
        link: partialTex(loss, Z(L)),
        symbol: foldedOutputDelta(ctx, at(L), unit(L)),
        value: values.delta(L, at(L)),
      });
    }
    for (let l = L; l > layer; l--) {
      out.push({
        link: partialTex(Z(l), A(l - 1)),
        symbol: tex.weight(l, unit(l - 1), unit(l)),
        value: weightAt(network, l, at(l - 1), at(l)),
      });
      elementwise(l - 1);
    }
    out.push({
      link: partialTex(Z(layer), param),
      symbol: from === null ? tex.biasInput(layer - 1) : tex.activation(layer - 1, from),
      value: from === null ? 1 : values.a(layer - 1, from),
    });
    return out;
  };

  const name = from === null ? text.bias(layer, j) : text.weight(layer, from, j);
  const left = partialTex(loss, param);
  if (count === 1) {
    const only = factors(paths[0] as number[], paths[0] as number[]);
    const value = only.reduce((p, f) => p * f.value, 1);
    return {
      title: `The whole chain for ${name}, one factor per link (note 002: one unit per layer above it)`,
      general: `${left} = ${only.map((f) => f.link).join('\\cdot ')} = ${only.map((f) => f.symbol).join('\\cdot ')}`,
      substituted: `= ${product(...only.map((f) => factor(f.value)))}`,
      result: `= ${num(value)}`,
    };
  }

  const sums = range(L - layer)
    .map((i) => ({ l: layer + 1 + i, k: symbolic[i + 1] as Index }))
    .filter(({ k }) => typeof k === 'string')
    .map(({ l, k }) => `\\sum_{${k}=1}^{${unitCount(network, l)}}`)
    .join(' ');
  const pattern = factors(symbolic, paths[0] as number[]);
  const each = paths.map((p) => factors(p, p));
  const products = each.map((fs) => fs.reduce((p, f) => p * f.value, 1));
  // The sum over every path is what the δ recursion computes: δ_j times ∂z_j/∂θ.
  const total = values.delta(layer, j) * (from === null ? 1 : values.a(layer - 1, from));
  const listed = (items: string[]) =>
    count <= MAX_PATHS
      ? sum(items)
      : `${sum(items.slice(0, -1))} + \\cdots + ${items[items.length - 1] as string}`;
  const general = [
    `${left} = ${sums} ${pattern.map((f) => f.link).join('\\cdot ')}`,
    `${sums} ${pattern.map((f) => f.symbol).join('\\cdot ')}`,
  ];
  if (count <= MAX_PATHS) {
    general.push(listed(each.map((fs) => fs.map((f) => f.symbol).join('\\cdot '))));
  }
  return {
    title: `Every path from ${notation.loss.text} to ${name}: the sum over its ${count} paths of the product of the local derivatives along each (the multivariable chain rule)`,
    general: general.join(' = '),
    substituted: `= ${listed(each.map((fs) => product(...fs.map((f) => factor(f.value)))))} = ${listed(products.map((x) => factor(x)))}`,
    result: `= ${num(total)}`,
  };
}
