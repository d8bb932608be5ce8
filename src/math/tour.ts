import type { PassStep } from '../engine';
import { notationIn, sampleValues, unitCount, weightAt, type NetworkContext } from './context';
import { formatNumber } from './format';
import { preActivationSum } from './forward';
import { hiddenDeltaParts } from './hiddenDelta';
import { activationFunctionTex, partialTex } from './notation';
import { at, equationDigits, factor, num, product, withDigits } from './tex';
import { updatedOf } from './update';
import type { Selection } from './vocabulary';

/**
 * The first visit's tour of a pass: a few stops, each a step of the pass to show and a unit or
 * weight to select in the diagram, with a few sentences in the learner's notation and the
 * network's own numbers. Written for a network with a hidden layer (the classic 2-2-2 example);
 * it reads the first hidden unit, the first output unit and the weight between the first input and
 * the first hidden unit.
 */

/** Plain text, or TeX to typeset (our own templates and numbers only, never a learner's text). */
export type TourPiece = { text: string } | { tex: string };

export interface TourStop {
  title: string;
  /** The step to show; `unit` picks the unit's step when the pass goes unit by unit. */
  step: PassStep;
  selection: Selection | null;
  /** Paragraphs, each a run of text and TeX. */
  paragraphs: TourPiece[][];
}

const text = (t: string): TourPiece => ({ text: t });
const tex = (t: string): TourPiece => ({ tex: t });

export function tourStops(ctx: NetworkContext): TourStop[] {
  return withDigits(ctx.digits, () => stops(ctx));
}

function stops(ctx: NetworkContext): TourStop[] {
  const n = notationIn(ctx);
  const L = ctx.network.layers.length;
  const hidden = L - 1;
  const values = sampleValues(ctx);
  const digits = equationDigits();
  const show = (x: number) => formatNumber(x, digits);
  const activation = ctx.network.layers[hidden - 1]?.activation ?? 'sigmoid';
  const f = activationFunctionTex(n, activation);
  const lossName = n.loss.text;
  const dL = (wrt: string) => partialTex(n.tex.loss(), wrt);

  const z = n.text.unit('z', hidden, 0);
  const a = n.text.unit('a', hidden, 0);
  const zTex = n.tex.preActivation(hidden, 0);
  const aTex = n.tex.activation(hidden, 0);
  const outDelta = n.text.unit('delta', L, 0);
  const outDeltaTex = n.tex.delta(L, 0);
  const hiddenDelta = n.text.unit('delta', hidden, 0);
  const outputs = unitCount(ctx.network, L);
  // Note 002 names δ by what it is, ∂C/∂z: no need to say it twice.
  const named = (delta: string, zOf: string) =>
    n.deltaName.startsWith('∂') ? delta : `${delta} = ∂${lossName}/∂${zOf}`;
  const single = ctx.samples.length === 1;
  const batchNote = single
    ? ''
    : ` (for the sample shown; the gradients are the mean over the ${ctx.samples.length} samples)`;

  // The weight from the first unit of the layer below into the first hidden unit, and its update.
  const weight = { layer: hidden, from: 0, to: 0 };
  const wText = n.text.weight(hidden, 0, 0);
  const wTex = n.tex.weight(hidden, 0, 0);
  const below = n.tex.activation(hidden - 1, 0);
  const gradient = at(ctx.snapshot.grads[hidden - 1]?.dW[0], 0);
  const w = weightAt(ctx.network, hidden, 0, 0);
  const updated = updatedOf(ctx);
  const wAfter = weightAt(updated.network, hidden, 0, 0);
  const eta = n.learningRate;
  // Plain gradient descent writes its step out here; another optimizer's is in the step's equations.
  const plainStep = (ctx.optimizer?.kind ?? 'sgd') === 'sgd';

  const hiddenParts = hiddenDeltaParts(ctx, hidden, 0);
  const biasGradient =
    n.bias === 'separate' ? `,\\quad ${dL(n.tex.bias(L, 0))} = ${outDeltaTex}` : '';

  return [
    {
      title: 'One pass, five stops',
      step: { kind: 'start' },
      selection: null,
      paragraphs: [
        [
          text(
            `This tour walks through one forward and backward pass of the network on screen. At each stop it moves the diagram to a step of the pass and selects what it talks about; the numbers are the network's own.`,
          ),
        ],
        [
          text(
            'Nothing is locked: step, click or edit at any time, and come back with Back and Next. The equations of the step are below the tour.',
          ),
        ],
      ],
    },
    {
      title: `What ${n.letters.z} and ${n.letters.a} are`,
      step: { kind: 'forward', layer: hidden, unit: 0 },
      selection: { kind: 'unit', layer: hidden, unit: 0 },
      paragraphs: [
        [
          text(
            `${z} is the selected unit's weighted input: each value coming in times the weight of its edge, plus ${n.phrases(hidden).bias}:`,
          ),
          tex(
            `${zTex} = ${preActivationSum(n, hidden, 0, unitCount(ctx.network, hidden - 1))} = ${num(values.z(hidden, 0))}`,
          ),
        ],
        [
          text(`${a} is what the unit passes on: its activation function applied to ${z}:`),
          tex(`${aTex} = ${f}(${zTex}) = ${num(values.a(hidden, 0))}`),
          text('Both are written under the unit in the diagram.'),
        ],
      ],
    },
    {
      title: `Why carry ${named(n.deltaName, n.letters.z)} backwards`,
      step: { kind: 'outputDelta', layer: L, unit: 0 },
      selection: { kind: 'unit', layer: L, unit: 0 },
      paragraphs: [
        [
          text(
            `${named(outDelta, n.text.unit('z', L, 0))} = ${show(values.delta(L, 0))} says how the loss changes with the selected output unit's weighted input${batchNote}.`,
          ),
        ],
        [
          text(
            `Every weight into this unit, and its bias, reaches ${lossName} only through ${n.text.unit('z', L, 0)}, so all of them share this one number: each gradient is ${outDelta} times what the weight multiplies.`,
          ),
          tex(
            `${dL(n.tex.weight(L, 'i', 0))} = ${n.tex.activation(hidden, 'i')}\\,${outDeltaTex}${biasGradient}`,
          ),
          text(`One ${n.deltaName} per unit, not one chain rule per weight.`),
        ],
      ],
    },
    {
      title: `The sum over paths in a hidden ${n.deltaName}`,
      step: { kind: 'hiddenDelta', layer: hidden, unit: 0 },
      selection: { kind: 'unit', layer: hidden, unit: 0 },
      paragraphs: [
        [
          text(
            `${a} feeds all ${outputs} output units, so ${z} reaches ${lossName} along ${outputs} paths, one through each. ${hiddenDelta} adds them up: each output's ${n.deltaName} times the weight of the edge to it, then times the slope of the activation at ${z}:`,
          ),
          tex(`${n.tex.delta(hidden, 0)} = ${hiddenParts.general}`),
          tex(`${hiddenParts.substituted} = ${num(values.delta(hidden, 0))}`),
        ],
      ],
    },
    {
      title: 'Going backwards reuses work',
      step: { kind: 'gradients', layer: hidden, unit: 0 },
      selection: { kind: 'weight', ...weight },
      paragraphs: [
        [
          text(
            `${hiddenDelta} was built from the output ${n.deltaName}s, already known, so each path from ${lossName} was walked once. With ${hiddenDelta} in hand, the gradient of the selected weight ${wText} is one product:`,
          ),
          tex(
            single
              ? `${dL(wTex)} = ${below}\\,${n.tex.delta(hidden, 0)} = ${product(factor(values.a(hidden - 1, 0)), factor(values.delta(hidden, 0)))} = ${num(gradient)}`
              : `${dL(wTex)} = ${num(gradient)}`,
          ),
        ],
        [
          text(
            `Going forwards instead, each weight would need its own chain rule through every path to ${lossName}, and the first layer's weights would repeat the same products again and again. Its chain rule, with every path, is under "Selected".`,
          ),
        ],
      ],
    },
    {
      title: 'The update',
      step: { kind: 'update' },
      selection: { kind: 'weight', ...weight },
      paragraphs: [
        plainStep
          ? [
              text(
                `Last, every weight takes a small step against its gradient, scaled by the learning rate ${eta.text}:`,
              ),
              tex(
                `${wTex} \\leftarrow ${wTex} - ${eta.tex}\\,${dL(wTex)} = ${num(w)} - ${product(factor(ctx.learningRate), factor(gradient))} = ${num(wAfter)}`,
              ),
            ]
          : [
              text(
                `Last, the optimizer you chose moves every weight, from its gradient (∂${lossName}/∂${wText} = ${show(gradient)}), the learning rate ${eta.text} and the optimizer's state, not by ${eta.text} times the gradient alone; this step's equations show each part with its numbers:`,
              ),
              tex(`${wTex}:\\; ${num(w)} \\rightarrow ${num(wAfter)}`),
            ],
        [
          text(
            `${ctx.trainBiases === false ? 'The biases stay as they are here ("Train biases" is off). ' : ''}With every weight moved, the loss goes from ${show(ctx.snapshot.loss)} to ${show(updated.loss)}. Step forward to run the next pass on the updated network.`,
          ),
        ],
      ],
    },
  ];
}
