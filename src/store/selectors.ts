import {
  optimizerStep,
  type OptimizerState,
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
  /** The optimizer's state after the step. */
  state: OptimizerState;
}

/** What the update step is taken with: the learner's η, "Train biases", optimizer and its state. */
export type UpdateRule = Pick<
  LearnerState,
  'learningRate' | 'trainBiases' | 'optimizer' | 'optimizerState'
>;

const updateCache = new WeakMap<
  Network,
  WeakMap<Sample[], WeakMap<OptimizerState, Map<string, UpdatePreview>>>
>();
/**
 * The network after this pass's update step (the biases too, or the weights only) by the
 * optimizer from its state, its loss on the same batch, and the optimizer's state after it.
 */
export function updateOf(network: Network, samples: Sample[], rule: UpdateRule): UpdatePreview {
  let bySamples = updateCache.get(network);
  if (!bySamples) updateCache.set(network, (bySamples = new WeakMap()));
  let byState = bySamples.get(samples);
  if (!byState) bySamples.set(samples, (byState = new WeakMap()));
  let byStep = byState.get(rule.optimizerState);
  if (!byStep) byState.set(rule.optimizerState, (byStep = new Map()));
  const key = `${rule.learningRate} ${rule.trainBiases} ${JSON.stringify(rule.optimizer)}`;
  const cached = byStep.get(key);
  if (cached) return cached;
  const grads = snapshotOf(network, samples).grads;
  const { network: updated, state } = optimizerStep(network, grads, rule.learningRate, {
    trainBiases: rule.trainBiases,
    optimizer: rule.optimizer,
    state: rule.optimizerState,
  });
  // The loss after the step is its pass's (the same sums as lossOf), run when first read: the
  // update step shows it, while the check of an edit elsewhere needs only the update (workCheck.ts).
  const preview: UpdatePreview = {
    network: updated,
    get loss() {
      return snapshotOf(updated, samples).loss;
    },
    state,
  };
  byStep.set(key, preview);
  return preview;
}

export const selectSnapshot = (s: LearnerState): PassSnapshot => snapshotOf(s.network, s.samples);
export const selectSteps = (s: LearnerState): PassStep[] => stepsOf(s.network, s.granularity);
export const selectStep = (s: LearnerState): PassStep =>
  selectSteps(s)[s.stepIndex] ?? ({ kind: 'start' } as PassStep);

const progressCache = new WeakMap<PassStep[], Map<number, Progress>>();
/** How far the pass has got; what the views may show of it is shown.ts's selectProgress. */
export function selectPassProgress(s: LearnerState): Progress {
  const steps = selectSteps(s);
  let byIndex = progressCache.get(steps);
  if (!byIndex) progressCache.set(steps, (byIndex = new Map()));
  let progress = byIndex.get(s.stepIndex);
  if (!progress) byIndex.set(s.stepIndex, (progress = progressAt(s.network, steps, s.stepIndex)));
  return progress;
}

export const selectUpdate = (s: LearnerState): UpdatePreview => updateOf(s.network, s.samples, s);
