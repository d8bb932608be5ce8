import {
  applyGradients,
  lossOf,
  passSteps,
  progressAt,
  runPass,
  type Granularity,
  type Network,
  type PassSnapshot,
  type PassStep,
  type Progress,
  type Sample,
} from '../engine';
import type { EquationContext } from '../math/context';
import type { Selection } from '../math/vocabulary';
import type { LearnerState } from './types';

/**
 * Everything the views show that is not a choice of the learner: derived from the engine, memoized
 * on the references it depends on. The store never holds a copy of these.
 */

function memo2<A extends object, B extends object, R>(compute: (a: A, b: B) => R) {
  const cache = new WeakMap<A, WeakMap<B, R>>();
  return (a: A, b: B): R => {
    let inner = cache.get(a);
    if (!inner) cache.set(a, (inner = new WeakMap()));
    if (inner.has(b)) return inner.get(b) as R;
    const result = compute(a, b);
    inner.set(b, result);
    return result;
  };
}

export const snapshotOf = memo2((network: Network, samples: Sample[]) => runPass(network, samples));

const stepsCache = new WeakMap<Network, Record<Granularity, PassStep[] | undefined>>();
export function stepsOf(network: Network, granularity: Granularity): PassStep[] {
  let entry = stepsCache.get(network);
  if (!entry) stepsCache.set(network, (entry = { layer: undefined, unit: undefined }));
  return (entry[granularity] ??= passSteps(network, granularity));
}

export interface UpdatePreview {
  network: Network;
  loss: number;
}

const updateCache = new WeakMap<Network, WeakMap<Sample[], Map<string, UpdatePreview>>>();
/**
 * The network after this pass's gradient-descent step (the biases too, or the weights only), and
 * its loss on the same batch.
 */
export function updateOf(
  network: Network,
  samples: Sample[],
  learningRate: number,
  trainBiases = true,
): UpdatePreview {
  let bySamples = updateCache.get(network);
  if (!bySamples) updateCache.set(network, (bySamples = new WeakMap()));
  let byStep = bySamples.get(samples);
  if (!byStep) bySamples.set(samples, (byStep = new Map()));
  const key = `${learningRate} ${trainBiases}`;
  const cached = byStep.get(key);
  if (cached) return cached;
  const grads = snapshotOf(network, samples).grads;
  const updated = applyGradients(network, grads, learningRate, { trainBiases });
  const preview = { network: updated, loss: lossOf(updated, samples) };
  byStep.set(key, preview);
  return preview;
}

export const selectSnapshot = (s: LearnerState): PassSnapshot => snapshotOf(s.network, s.samples);
export const selectSteps = (s: LearnerState): PassStep[] => stepsOf(s.network, s.granularity);
export const selectStep = (s: LearnerState): PassStep =>
  selectSteps(s)[s.stepIndex] ?? ({ kind: 'start' } as PassStep);

const progressCache = new WeakMap<PassStep[], Map<number, Progress>>();
export function selectProgress(s: LearnerState): Progress {
  const steps = selectSteps(s);
  let byIndex = progressCache.get(steps);
  if (!byIndex) progressCache.set(steps, (byIndex = new Map()));
  let progress = byIndex.get(s.stepIndex);
  if (!progress) byIndex.set(s.stepIndex, (progress = progressAt(s.network, steps, s.stepIndex)));
  return progress;
}

export const selectUpdate = (s: LearnerState): UpdatePreview =>
  updateOf(s.network, s.samples, s.learningRate, s.trainBiases);

/**
 * What the equations of the current step are built from: the panel shows them and the LaTeX
 * export writes them, from this one context. Memoized on the state object: the equations change
 * only when the state does.
 */
const equationContexts = new WeakMap<LearnerState, EquationContext>();
export function selectEquationContext(s: LearnerState): EquationContext {
  let context = equationContexts.get(s);
  if (!context) {
    const step = selectStep(s);
    context = {
      network: s.network,
      snapshot: selectSnapshot(s),
      samples: s.samples,
      sampleIndex: s.sampleIndex,
      step,
      notation: s.notation,
      learningRate: s.learningRate,
      trainBiases: s.trainBiases,
      digits: s.view.digits,
      ...(step.kind === 'update' ? { updated: selectUpdate(s) } : {}),
    };
    equationContexts.set(s, context);
  }
  return context;
}

/**
 * Has the pass computed what the selection's chain rule shows: a weight's or bias's gradient, a
 * unit's δ (an input's value is given)? Before that, nothing computed is shown for it.
 */
export function selectSelectionComputed(s: LearnerState, selection: Selection | null): boolean {
  if (!selection) return false;
  const progress = selectProgress(s);
  if (selection.kind === 'unit') {
    return (
      selection.layer === 0 || (progress.deltaUnits[selection.layer - 1] ?? 0) > selection.unit
    );
  }
  const unit = selection.kind === 'weight' ? selection.to : selection.unit;
  return (progress.gradientUnits[selection.layer - 1] ?? 0) > unit;
}
