import { ACTIVATION_REGISTRY } from '../engine';
import {
  conventionMessage,
  deltaFromSlope,
  sentBack,
  sentBackSwapped,
  type Backward,
} from './backward';
import { layerVector } from './truth';
import type { MistakeId } from './types';
import { listNames } from './words';

/**
 * The mistakes that give a wrong δ, for every unit of layer l of sample s at once: the gradients
 * are made of these δ, so a gradient asked without its δ shows the same mistakes (gradients.ts).
 * The list depends only on the network, never on the sample, so the lists of two samples pair up.
 */
export interface DeltaVariant {
  id: MistakeId;
  /** The δ the mistake gives, for each unit of the layer; NaN where it does not apply. */
  values: number[];
  /** What was done, and what the right δ takes, for unit j. */
  message(j: number): string;
  /**
   * Units where the value says nothing of the mistake, so it is not named there: with
   * cross-entropy, ∂L/∂aⱼ = −yⱼ/aⱼ is 0 for a target of 0 whatever else was done (a one-hot
   * target's zeros), and 0 there is far more likely a guess than "the derivative left out".
   */
  vacuous?: readonly boolean[];
}

export function deltaVariants(b: Backward, s: number, l: number): DeltaVariant[] {
  const { ctx, words: w } = b;
  const L = ctx.network.layers.length;
  const layer = ctx.network.layers[l - 1];
  if (!layer) return [];
  const z = layerVector(ctx, s, 'z', l);
  const a = layerVector(ctx, s, 'a', l);
  const delta = layerVector(ctx, s, 'delta', l);
  const activation = layer.activation;
  const fns = ACTIVATION_REGISTRY[activation].elementwise;
  const F = w.f(l);
  const Z = (j: number) => w.unit('z', l, j);
  const A = (j: number) => w.unit('a', l, j);
  const D = (j: number) => w.unit('delta', l, j);
  const derivative = (j: number) => (fns ? `${F}′(${Z(j)})` : 'the derivative of softmax');

  // g = ∂L/∂a of this layer: from the loss at the output, sent back from the next layer below it.
  const y = ctx.samples[s]?.y ?? [];
  const slope =
    l < L
      ? sentBack(
          ctx.network.layers[l]?.weights ?? [],
          layerVector(ctx, s, 'delta', l + 1),
          a.length,
        )
      : a.map((aj, j) => {
          const yj = y[j] ?? NaN;
          if (b.squared) return b.squared.factor(a.length) * (aj - yj);
          return b.form === 'bce' ? NaN : -yj / aj;
        });
  const slopeIsAlone = b.form !== 'bce' || l < L;
  const fPrimeInDelta = l < L || b.form === 'squared' || b.form === 'ceSigmoid';
  const variants: DeltaVariant[] = [];

  if (slopeIsAlone) {
    // −y/a at a cross-entropy output (the squared errors' c(a − y) is 0 only where a = y).
    const crossEntropyOutput = l === L && !b.squared;
    variants.push({
      id: 'derivativeLeftOut',
      values: slope,
      vacuous: crossEntropyOutput ? a.map((_, j) => y[j] === 0) : undefined,
      message: (j) =>
        `That is ${w.partial(A(j))}${l < L ? `, the weighted sum of the next layer's ${w.d},` : ''} alone: ${D(j)} also takes ${derivative(j)}.`,
    });
  }
  if (fns && fPrimeInDelta) {
    variants.push({
      id: 'derivativeAtA',
      values: slope.map((g, j) => g * fns.df(a[j] ?? NaN, fns.f(a[j] ?? NaN))),
      message: (j) =>
        `That takes ${F}′ at ${A(j)} instead of at ${Z(j)}: ${D(j)} takes ${F}′(${Z(j)})${
          activation === 'sigmoid'
            ? ` = ${A(j)}(1 − ${A(j)}), not ${F}(${A(j)})(1 − ${F}(${A(j)}))`
            : `, not ${F}′(${A(j)})`
        }.`,
    });
  }
  if (l === L && fns && b.form === 'bce') {
    variants.push({
      id: 'derivativeTwice',
      values: delta.map((d, j) => d * fns.df(z[j] ?? NaN, a[j] ?? NaN)),
      message: (j) =>
        `That multiplies by ${F}′(${Z(j)}) again: with binary cross-entropy it cancels, and ${D(j)} = ${A(j)} − ${w.target(j)}.`,
    });
  }
  if (l === L && b.form === 'ceSoftmax') {
    variants.push({
      id: 'derivativeTwice',
      values: delta.map((d, j) => d * (a[j] ?? NaN) * (1 - (a[j] ?? NaN))),
      message: (j) =>
        `That multiplies by ${A(j)}(1 − ${A(j)}) as well: with softmax and cross-entropy the softmax's derivative is already in ${D(j)}, which comes out as ${A(j)} − ${w.target(j)} when the targets sum to 1.`,
    });
  }
  if (b.signFlips) {
    const aL = w.notation.phrases(L).a;
    variants.push({
      id: 'targetMinusOutput',
      values: delta.map((d) => -d),
      message: (j) =>
        l === L
          ? `The sign is flipped: that is (${w.target(j)} − ${A(j)}) where ${D(j)} has (${A(j)} − ${w.target(j)}).`
          : `The sign is flipped: the output ${w.d} comes from (${aL} − y), not (y − ${aL}), and ${D(j)} inherits its sign.`,
    });
  }
  for (const { record, pass } of b.conventions) {
    const values = pass.samples[s]?.layers[l - 1]?.delta;
    variants.push({
      id: 'lossFactor',
      values: delta.map((_, j) => values?.[j] ?? NaN),
      message: (j) => conventionMessage(b, record, D(j)),
    });
  }
  if (l < L) {
    const next = ctx.network.layers[l]?.weights ?? [];
    const nextDelta = layerVector(ctx, s, 'delta', l + 1);
    const out = nextDelta.map((_, m) => m);
    variants.push({
      id: 'weightsSwapped',
      values: deltaFromSlope(activation, z, a, sentBackSwapped(next, nextDelta, a.length)),
      message: (j) => {
        const others = out.filter((m) => m !== j);
        return `The weight indices are swapped: ${D(j)} sums over the weights out of unit ${j + 1} (${listNames(others.map((m) => w.weight(l + 1, j, m)))}), not those into it (${listNames(others.map((m) => w.weight(l + 1, m, j)))}).`;
      },
    });
    const updated = b.updated()?.layers[l]?.weights ?? [];
    variants.push({
      id: 'updatedWeights',
      values: deltaFromSlope(activation, z, a, sentBack(updated, nextDelta, a.length)),
      message: (j) =>
        `That computes ${D(j)} with ${listNames(out.map((m) => w.weight(l + 1, j, m)))} after the update step: the backward pass sends ${w.d} back through the weights of the forward pass, before any update.`,
    });
  }
  return variants;
}
