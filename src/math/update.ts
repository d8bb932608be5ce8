import {
  OPTIMIZER_REGISTRY,
  SGD,
  lossOf,
  moveParameter,
  newMove,
  optimizerStep,
  stateFor,
  type LayerBuffer,
  type Network,
  type Optimizer,
  type ParameterMove,
} from '../engine';
import {
  biasAt,
  range,
  unitCount,
  weightAt,
  notationIn,
  type EquationBlock,
  type LazyBlock,
  type EquationContext,
  type NetworkContext,
} from './context';
import { formatNumber } from './format';
import { partialTex } from './notation';
import { at, equationDigits, factor, num, product } from './tex';

/**
 * The update step, θ ← θ − η ∂L/∂θ for every weight and bias with plain gradient descent (note
 * 000: b ← b − η ∂L/∂b; note 004 calls the rate α), with the old value, the gradient and the new
 * value, output layer first; before them, the loss before and after and the gradient's prediction
 * of the change. With another optimizer (issue 16) each parameter's state and the equations of its
 * rule come first — v ← μv + g; m ← β₁m + (1 − β₁)g, v ← β₂v + (1 − β₂)g², m̂, v̂ — then its step.
 */

/** The network after the update and its loss: from the context, or computed as the store does. */
export function updatedOf(ctx: NetworkContext): { network: Network; loss: number } {
  if (ctx.updated) return ctx.updated;
  const { network } = optimizerStep(ctx.network, ctx.snapshot.grads, ctx.learningRate, {
    trainBiases: ctx.trainBiases ?? true,
    optimizer: ctx.optimizer,
    state: ctx.optimizerState,
  });
  return { network, loss: lossOf(network, ctx.samples) };
}

/** The loss before and after the update, and the change. */
export function lossChangeBlock(ctx: NetworkContext, after: number): EquationBlock {
  const before = ctx.snapshot.loss;
  const L = notationIn(ctx).tex.loss();
  return {
    title: `Loss after the update: ${formatNumber(after, equationDigits())} (was ${formatNumber(before, equationDigits())})`,
    general: `\\Delta ${L} = ${L}_{\\text{after}} - ${L}_{\\text{before}}`,
    substituted: `= ${num(after)} - ${factor(before)}`,
    result: `= ${num(after - before)}`,
  };
}

/** Terms of the prediction written out before "+ ⋯". */
const PREDICTION_TERMS = 3;

/**
 * What the gradient predicts of that change for the step actually taken (the optimizer's, whatever
 * it is): ΔL ≈ Σ ∂L/∂p · Δp over every weight and bias p. Close to ΔL for a small step.
 */
export function predictionBlock(ctx: NetworkContext, after: Network): EquationBlock {
  const L = notationIn(ctx).tex.loss();
  const terms: [number, number][] = [];
  ctx.network.layers.forEach((layer, l) => {
    const grads = ctx.snapshot.grads[l];
    const next = after.layers[l];
    layer.weights.forEach((row, i) =>
      row.forEach((w, j) => terms.push([at(grads?.dW[i], j), (next?.weights[i]?.[j] ?? NaN) - w])),
    );
    layer.biases.forEach((b, j) => terms.push([at(grads?.db, j), (next?.biases[j] ?? NaN) - b]));
  });
  const shown = terms
    .slice(0, PREDICTION_TERMS)
    .map(([g, d]) => product(factor(g), factor(d)))
    .join(' + ');
  return {
    title: 'What the gradient predicts of the change, for the step taken',
    general: `\\Delta ${L} \\approx \\sum_{p} ${partialTex(L, 'p')}\\,\\Delta p`,
    substituted: `= ${shown}${terms.length > PREDICTION_TERMS ? ' + \\cdots' : ''}`,
    result: `= ${num(terms.reduce((sum, [g, d]) => sum + g * d, 0))}`,
  };
}

/** One parameter of the update: its name, the numbers the optimizer's rule works on. */
interface ParameterStep {
  title: string;
  /** TeX of θ. */
  param: string;
  old: number;
  gradient: number;
  next: number;
  /** Its m and v before the step (0 while the state is fresh). */
  m: number;
  v: number;
}

/** The TeX symbol of a hyper-parameter, and its value as a factor. */
function hyper(optimizer: Optimizer, key: string): { tex: string; value: string } {
  const p = OPTIMIZER_REGISTRY[optimizer.kind].parameters.find((q) => q.key === key);
  const value = (optimizer as unknown as Record<string, number>)[key] ?? NaN;
  // ε is a term (… + 10⁻⁸), the others factors (0.9·m).
  return { tex: p?.tex ?? key, value: key === 'epsilon' ? num(value) : factor(value) };
}

/** The blocks of one parameter's step: its state's equations, then the step itself. */
function parameterBlocks(ctx: EquationContext, p: ParameterStep): EquationBlock[] {
  const n = notationIn(ctx);
  const optimizer = ctx.optimizer ?? SGD;
  const eta = n.learningRate.tex;
  const rate = factor(ctx.learningRate);
  const g = partialTex(n.tex.loss(), p.param);
  const gNum = factor(p.gradient);
  const theta = p.param;
  const m = `m_{${theta}}`;
  const v = `v_{${theta}}`;
  const t = stateFor(optimizer, ctx.optimizerState).t + 1;
  const move: ParameterMove = newMove();
  moveParameter(optimizer, ctx.learningRate, t, p.gradient, p.m, p.v, move);
  const step = (general: string, substituted: string): EquationBlock => ({
    title: p.title,
    general: `${theta} \\leftarrow ${theta} - ${general}`,
    substituted: `= ${factor(p.old)} - ${substituted}`,
    result: `= ${num(p.next)}`,
  });
  const state = (what: string, general: string, substituted: string, value: number) => ({
    title: `${p.title}: ${what}`,
    general,
    substituted: `= ${substituted}`,
    result: `= ${num(value)}`,
  });
  switch (optimizer.kind) {
    case 'sgd':
      return [step(`${eta}\\,${g}`, product(rate, gNum))];
    case 'momentum': {
      const mu = hyper(optimizer, 'momentum');
      const velocity = state(
        'velocity v',
        `${v} \\leftarrow ${mu.tex}\\,${v} + ${g}`,
        `${product(mu.value, factor(p.v))} + ${gNum}`,
        move.v,
      );
      return [
        velocity,
        optimizer.nesterov
          ? step(
              `${eta}\\left(${g} + ${mu.tex}\\,${v}\\right)`,
              `${rate}\\cdot\\left(${gNum} + ${product(mu.value, factor(move.v))}\\right)`,
            )
          : step(`${eta}\\,${v}`, product(rate, factor(move.v))),
      ];
    }
    case 'rmsprop': {
      const rho = hyper(optimizer, 'alpha');
      const epsilon = hyper(optimizer, 'epsilon');
      return [
        state(
          'mean square v',
          `${v} \\leftarrow ${rho.tex}\\,${v} + (1 - ${rho.tex})\\left(${g}\\right)^2`,
          `${product(rho.value, factor(p.v))} + (1 - ${rho.value})\\cdot ${gNum}^2`,
          move.v,
        ),
        step(
          `${eta}\\,\\frac{${g}}{\\sqrt{${v}} + ${epsilon.tex}}`,
          `${rate}\\cdot\\frac{${gNum}}{\\sqrt{${num(move.v)}} + ${epsilon.value}}`,
        ),
      ];
    }
    case 'adam': {
      const b1 = hyper(optimizer, 'beta1');
      const b2 = hyper(optimizer, 'beta2');
      const epsilon = hyper(optimizer, 'epsilon');
      return [
        state(
          'first moment m',
          `${m} \\leftarrow ${b1.tex}\\,${m} + (1 - ${b1.tex})\\,${g}`,
          `${product(b1.value, factor(p.m))} + (1 - ${b1.value})\\cdot ${gNum}`,
          move.m,
        ),
        state(
          'second moment v',
          `${v} \\leftarrow ${b2.tex}\\,${v} + (1 - ${b2.tex})\\left(${g}\\right)^2`,
          `${product(b2.value, factor(p.v))} + (1 - ${b2.value})\\cdot ${gNum}^2`,
          move.v,
        ),
        state(
          `m̂, the first moment bias-corrected (t = ${t})`,
          `\\hat{m}_{${theta}} = \\frac{${m}}{1 - ${b1.tex}^{t}}`,
          `\\frac{${num(move.m)}}{1 - ${b1.value}^{${t}}}`,
          move.mHat,
        ),
        state(
          `v̂, the second moment bias-corrected (t = ${t})`,
          `\\hat{v}_{${theta}} = \\frac{${v}}{1 - ${b2.tex}^{t}}`,
          `\\frac{${num(move.v)}}{1 - ${b2.value}^{${t}}}`,
          move.vHat,
        ),
        step(
          `${eta}\\,\\frac{\\hat{m}_{${theta}}}{\\sqrt{\\hat{v}_{${theta}}} + ${epsilon.tex}}`,
          `${rate}\\cdot\\frac{${num(move.mHat)}}{\\sqrt{${num(move.vHat)}} + ${epsilon.value}}`,
        ),
      ];
    }
  }
}

/** A frozen bias ("Train biases" off): it has a gradient, but the step leaves it as it is. */
function frozenBlock(label: string, param: string, value: number): EquationBlock {
  return {
    title: `${label} stays (biases frozen)`,
    general: `${param} \\leftarrow ${param}`,
    substituted: '',
    result: `= ${num(value)}`,
  };
}

/** A buffer's number for weight (i, j) — i null: bias j — of layer l (1…L); 0 while absent. */
function bufferAt(buffer: LayerBuffer[] | undefined, layer: number, i: number | null, j: number) {
  const b = buffer?.[layer - 1];
  return (i === null ? b?.biases[j] : b?.weights[i]?.[j]) ?? 0;
}

export function updateBlocks(ctx: EquationContext): LazyBlock[] {
  const { network } = ctx;
  const { tex, text, bias: biasConvention } = notationIn(ctx);
  const before = stateFor(ctx.optimizer ?? SGD, ctx.optimizerState);
  // The network after the step, worked out once, when the first block that needs it is built.
  let after: ReturnType<typeof updatedOf> | undefined;
  const updated = () => (after ??= updatedOf(ctx));
  const blocks: LazyBlock[] = [
    () => lossChangeBlock(ctx, updated().loss),
    () => predictionBlock(ctx, updated().network),
  ];
  // Each parameter's blocks, built when the first of them is asked for.
  const lazy = (build: () => EquationBlock[]): LazyBlock[] => {
    let built: EquationBlock[] | undefined;
    const count = OPTIMIZER_BLOCKS[(ctx.optimizer ?? SGD).kind];
    return range(count).map((k) => () => (built ??= build())[k] as EquationBlock);
  };
  // The output layer first, in the order the backward pass found the gradients.
  for (let layer = network.layers.length; layer >= 1; layer--) {
    const grads = () => ctx.snapshot.grads[layer - 1];
    const nPrev = unitCount(network, layer - 1);
    for (const j of range(unitCount(network, layer))) {
      const weights = range(nPrev).flatMap((i) =>
        lazy(() =>
          parameterBlocks(ctx, {
            title: `Update ${text.weight(layer, i, j)}`,
            param: tex.weight(layer, i, j),
            old: weightAt(network, layer, i, j),
            gradient: at(grads()?.dW[i], j),
            next: weightAt(updated().network, layer, i, j),
            m: bufferAt(before.m, layer, i, j),
            v: bufferAt(before.v, layer, i, j),
          }),
        ),
      );
      const bias =
        ctx.trainBiases === false
          ? [() => frozenBlock(text.bias(layer, j), tex.bias(layer, j), biasAt(network, layer, j))]
          : lazy(() =>
              parameterBlocks(ctx, {
                title: `Update ${text.bias(layer, j)}`,
                param: tex.bias(layer, j),
                old: biasAt(network, layer, j),
                gradient: at(grads()?.db, j),
                next: biasAt(updated().network, layer, j),
                m: bufferAt(before.m, layer, null, j),
                v: bufferAt(before.v, layer, null, j),
              }),
            );
      blocks.push(
        ...(biasConvention === 'weightZero' ? [...bias, ...weights] : [...weights, ...bias]),
      );
    }
  }
  return blocks;
}

/** How many blocks one parameter's step has: its state's equations and the step. */
export const OPTIMIZER_BLOCKS: Record<Optimizer['kind'], number> = {
  sgd: 1,
  momentum: 2,
  rmsprop: 2,
  adam: 5,
};
