import type { Backward } from './backward';
import { deltaVariants } from './deltaMistakes';
import { unitValue, valueOf, widthOf } from './truth';
import { numberText, type Mistake } from './words';

export type GradientQuantity =
  | { kind: 'dW'; layer: number; from: number; to: number }
  | { kind: 'db'; layer: number; unit: number };
export type UpdateQuantity =
  | { kind: 'w'; layer: number; from: number; to: number }
  | { kind: 'b'; layer: number; unit: number };

const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

/**
 * ∂L/∂w or ∂L/∂b: the sum over the batch for its mean, the δ of the layer before or after, the
 * gradient of the swapped weight, and every mistake that gives a wrong δ of this layer
 * (deltaMistakes.ts), carried into the gradient — a learner asked for gradients only meets them here.
 */
export function gradientMistakes(q: GradientQuantity, b: Backward): Mistake[] {
  const { ctx, words: w } = b;
  const { network, samples } = ctx;
  const l = q.layer;
  const j = q.kind === 'dW' ? q.to : q.unit;
  const m = samples.length;
  const batch = samples.map((_, s) => s);
  // The factor each sample's δ is multiplied by: the incoming activation, or 1 for the bias.
  const input = (s: number) => (q.kind === 'dW' ? unitValue(ctx, s, 'a', l - 1, q.from) : 1);
  const gradient = (delta: (s: number) => number) => mean(batch.map((s) => input(s) * delta(s)));

  const G = q.kind === 'dW' ? w.partial(w.weight(l, q.from, j)) : w.partial(w.bias(l, j));
  const D = w.unit('delta', l, j);
  const product = q.kind === 'dW' ? `${w.unit('a', l - 1, q.from)} · ${D}` : D;
  const formula = m > 1 ? `${G} = the mean over the samples of ${product}` : `${G} = ${product}`;
  const out: Mistake[] = [];

  if (m > 1) {
    out.push({
      id: 'batchSum',
      value: m * valueOf(q, ctx),
      message: `That is the sum over the ${m} samples; ${G} is their mean: divide by ${m}.`,
    });
  }
  for (const other of [l - 1, l + 1]) {
    if (other < 1 || other > network.layers.length) continue;
    out.push({
      id: 'wrongLayerDelta',
      value:
        j < widthOf(network, other) ? gradient((s) => unitValue(ctx, s, 'delta', other, j)) : NaN,
      message: `That uses ${w.unit('delta', other, j)}, the ${w.d} of the ${other < l ? 'layer before' : 'next layer'}: ${formula}, with the ${w.d} of the unit the ${q.kind === 'dW' ? 'weight leads into' : 'bias belongs to'}.`,
    });
  }
  if (q.kind === 'dW') {
    out.push({
      id: 'weightsSwapped',
      value: ctx.snapshot.grads[l - 1]?.dW[j]?.[q.from] ?? NaN,
      message: `That is ${w.partial(w.weight(l, j, q.from))}, with the indices swapped: ${G} is asked, and ${w.weight(l, q.from, j)} goes from unit ${q.from + 1} of the layer before to unit ${j + 1}.`,
    });
  }
  const perSample = batch.map((s) => deltaVariants(b, s, l));
  const shown = perSample[ctx.sampleIndex] ?? perSample[0] ?? [];
  shown.forEach((variant, k) => {
    // Said of no sample's δ: not of their mean either.
    if (perSample.every((variants) => variants[k]?.vacuous?.[j])) return;
    out.push({
      id: variant.id,
      value: gradient((s) => perSample[s]?.[k]?.values[j] ?? NaN),
      message: `That puts a wrong ${D} into ${formula}. ${variant.message(j)}`,
    });
  });
  return out;
}

/** The updated w or b: η left out, the gradient added, the swapped weight, a frozen bias moved. */
export function updateMistakes(q: UpdateQuantity, b: Backward): Mistake[] {
  const { ctx, words: w } = b;
  const l = q.layer;
  const layer = ctx.network.layers[l - 1];
  const grads = ctx.snapshot.grads[l - 1];
  const eta = ctx.learningRate;
  const old = q.kind === 'w' ? layer?.weights[q.from]?.[q.to] : layer?.biases[q.unit];
  const g = q.kind === 'w' ? grads?.dW[q.from]?.[q.to] : grads?.db[q.unit];
  if (old === undefined || g === undefined) return [];
  const name = q.kind === 'w' ? w.weight(l, q.from, q.to) : w.bias(l, q.unit);
  const step = `${name} − ${w.eta} · ${w.partial(name)}`;
  if (q.kind === 'b' && !ctx.trainBiases) {
    return [
      {
        id: 'frozenBiasMoved',
        value: old - eta * g,
        message: `"Train biases" is off: the update leaves ${name} as it is.`,
      },
    ];
  }
  // η forgotten and the gradient added are plain gradient descent's slips; another optimizer's
  // step is not η·g (the equations show its own).
  const sgd = (ctx.optimizer?.kind ?? 'sgd') === 'sgd';
  const out: Mistake[] = !sgd
    ? []
    : [
        {
          id: 'learningRateForgotten',
          value: old - g,
          message: `That leaves out ${w.eta}: the new ${name} = ${step}, with ${w.eta} = ${numberText(eta)}.`,
        },
        {
          id: 'gradientAdded',
          value: old + eta * g,
          message: `That adds the gradient: gradient descent steps against it, ${name} ← ${step}.`,
        },
      ];
  if (q.kind === 'w') {
    out.push({
      id: 'weightsSwapped',
      value: b.updated()?.layers[l - 1]?.weights[q.to]?.[q.from] ?? NaN,
      message: `That is the new ${w.weight(l, q.to, q.from)}, with the indices swapped: ${name} goes from unit ${q.from + 1} of the layer before to unit ${q.to + 1}.`,
    });
  }
  return out;
}
