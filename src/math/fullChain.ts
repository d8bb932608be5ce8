import type { Selection } from './vocabulary';
import { derivativeTex, isElementwise } from './activation';
import {
  layerAt,
  sampleValues,
  unitCount,
  weightAt,
  notationIn,
  type EquationBlock,
  type NetworkContext,
} from './context';
import { activationFunctionTex, partialTex } from './notation';
import { outputForm, squaredFactor } from './outputDelta';
import { factor, num, product } from './tex';

/**
 * Note 002's chain rule written out in full, one factor per link from the loss down to the
 * parameter, when there is a single path: every layer above the parameter's has one unit (the
 * 1-1-1-1 chain; the hidden weights of a 2-2-1 network). With several units above, the paths
 * fan out and the sum over next-layer units (the δ recursion) is the readable form instead.
 *
 *   ∂C/∂w⁽¹⁾ = ∂C/∂a⁽³⁾ · ∂a⁽³⁾/∂z⁽³⁾ · ∂z⁽³⁾/∂a⁽²⁾ · ∂a⁽²⁾/∂z⁽²⁾ · ∂z⁽²⁾/∂a⁽¹⁾ · ∂a⁽¹⁾/∂z⁽¹⁾ · ∂z⁽¹⁾/∂w⁽¹⁾
 *            = 2(a⁽³⁾ − y) · σ′(z⁽³⁾) · w⁽³⁾ · σ′(z⁽²⁾) · w⁽²⁾ · σ′(z⁽¹⁾) · x
 */
export function fullChainEquation(ctx: NetworkContext, selection: Selection): EquationBlock | null {
  if (selection.kind === 'unit') return null;
  const { network } = ctx;
  const notation = notationIn(ctx);
  const { tex, text } = notation;
  const L = network.layers.length;
  const layer = selection.layer;
  const j = selection.kind === 'weight' ? selection.to : selection.unit;
  const from = selection.kind === 'weight' ? selection.from : null;
  // Only below the output (an output parameter's chain is already written out in full), along a
  // single path, through elementwise activations, with a squared-error loss.
  if (layer >= L || layer < 1 || outputForm(network) !== 'squared') return null;
  for (let l = layer + 1; l <= L; l++) if (unitCount(network, l) !== 1) return null;
  for (let l = layer; l <= L; l++) {
    const activation = layerAt(network, l)?.activation;
    if (!activation || !isElementwise(activation)) return null;
  }
  if (j >= unitCount(network, layer)) return null;

  const values = sampleValues(ctx);
  const m = ctx.samples.length;
  const loss = tex.loss(m > 1 ? ctx.sampleIndex : undefined);
  const param = from === null ? tex.bias(layer, j) : tex.weight(layer, from, j);
  const unitOf = (l: number) => (l === layer ? j : 0);

  const links: string[] = [];
  const symbols: string[] = [];
  const numbers: number[] = [];
  const c = squaredFactor(network);
  const A = (l: number) => tex.activation(l, unitOf(l));
  const Z = (l: number) => tex.preActivation(l, unitOf(l));
  links.push(partialTex(loss, A(L)));
  symbols.push(`${c.tex}(${A(L)} - ${tex.target(0)})`);
  numbers.push(c.value * (values.a(L, 0) - values.y(0)));
  for (let l = L; l >= layer; l--) {
    const activation = layerAt(network, l)?.activation;
    if (!activation || activation === 'softmax') return null;
    const d = derivativeTex(activation, A(l), Z(l), values.a(l, unitOf(l)), values.z(l, unitOf(l)));
    links.push(partialTex(A(l), Z(l)));
    symbols.push(`${activationFunctionTex(notation, activation)}'(${Z(l)})`);
    numbers.push(d.value);
    if (l > layer) {
      links.push(partialTex(Z(l), A(l - 1)));
      symbols.push(tex.weight(l, unitOf(l - 1), 0));
      numbers.push(weightAt(network, l, unitOf(l - 1), 0));
    }
  }
  links.push(partialTex(Z(layer), param));
  if (from !== null) {
    symbols.push(tex.activation(layer - 1, from));
    numbers.push(values.a(layer - 1, from));
  } else {
    symbols.push(tex.biasInput(layer - 1));
    numbers.push(1);
  }
  const value = numbers.reduce((p, x) => p * x, 1);
  const name = from === null ? text.bias(layer, j) : text.weight(layer, from, j);
  return {
    title: `The whole chain for ${name}, one factor per link (note 002: one unit per layer above it)`,
    general: `${partialTex(loss, param)} = ${links.join('\\cdot ')} = ${symbols.join('\\cdot ')}`,
    substituted: `= ${product(...numbers.map((x) => factor(x)))}`,
    result: `= ${num(value)}`,
  };
}
