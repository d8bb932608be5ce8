import { activate, type Activation } from '../engine';
import { layerVector, widthOf } from './truth';
import type { PracticeContext } from './types';
import { listNames, type Mistake, type Words } from './words';

/** a = f(z) for a whole layer, by the engine (softmax couples the units; a NaN spreads to all). */
function activated(activation: Activation, z: readonly number[]): number[] {
  const a = new Float64Array(z.length);
  activate(activation, Float64Array.from(z), a, z.length);
  return Array.from(a);
}

/**
 * The forward pass's mistakes for z_j or a_j of layer l: the activation applied (z asked) or
 * forgotten (a asked), the bias left out, and the weight indices swapped — z_j summed over wⱼᵢ
 * instead of wᵢⱼ, which exists when unit j is also a unit of the layer before and this layer has
 * at least as many units as that one (NaN otherwise, and left out).
 */
export function forwardMistakes(
  q: { kind: 'z' | 'a'; layer: number; unit: number },
  ctx: PracticeContext,
  w: Words,
): Mistake[] {
  const { layer: l, unit: j } = q;
  const layer = ctx.network.layers[l - 1];
  if (!layer) return [];
  const s = ctx.sampleIndex;
  const z = layerVector(ctx, s, 'z', l);
  const a = layerVector(ctx, s, 'a', l);
  const input = layerVector(ctx, s, 'a', l - 1);
  const bias = (k: number) => layer.biases[k] ?? NaN;
  const noBias = z.map((zk, k) => zk - bias(k));
  const swapped = z.map(
    (_, k) => bias(k) + input.reduce((sum, x, i) => sum + (layer.weights[k]?.[i] ?? NaN) * x, 0),
  );
  const pick = (zs: number[]) =>
    (q.kind === 'z' ? zs[j] : activated(layer.activation, zs)[j]) ?? NaN;

  const Z = w.unit('z', l, j);
  const A = w.unit('a', l, j);
  const F = w.f(l);
  const others = Array.from({ length: widthOf(ctx.network, l - 1) }, (_, i) => i).filter(
    (i) => i !== j,
  );
  const asked = q.kind === 'z' ? Z : A;
  return [
    q.kind === 'z'
      ? {
          id: 'activationApplied',
          value: a[j] ?? NaN,
          message: `That is ${A} = ${F}(${Z}), after the activation: the question asks for ${Z}, the weighted sum before it.`,
        }
      : {
          id: 'activationForgotten',
          value: z[j] ?? NaN,
          message: `That is ${Z}, the weighted sum: ${A} = ${F}(${Z}) still goes through the activation.`,
        },
    {
      id: 'biasLeftOut',
      value: pick(noBias),
      message: `That leaves out the bias ${w.bias(l, j)}: ${Z} adds it to the weighted sum${q.kind === 'a' ? `, and ${A} = ${F}(${Z})` : ''}.`,
    },
    {
      id: 'weightsSwapped',
      value: pick(swapped),
      message: `The weight indices are swapped: ${asked} takes the weights into unit ${j + 1} (${listNames(others.map((i) => w.weight(l, i, j)))}), not those out of it (${listNames(others.map((i) => w.weight(l, j, i)))}).`,
    },
  ];
}
