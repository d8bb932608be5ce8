import type { Progress } from '../engine';
import type { EquationBlock, EquationContext } from '../math/context';
import { questionBlock } from '../practice/help';
import type { Selection } from '../math/vocabulary';
import { maskPass, type ShownPass } from '../practice/mask';
import { questionKey } from '../practice/questions';
import type { Quantity } from '../practice/types';
import { selectPending, type Pending } from './predict';
import { selectPassProgress, selectSnapshot, selectStep, selectUpdate } from './selectors';
import type { LearnerState } from './types';

/**
 * What the views may show of the pass: how far it has got, less what the learner is asked to
 * predict (predict.ts). Every view asks `isShown` for a value, or reads the masked pass, whose
 * hidden numbers are NaN and written "?"; none decides on its own.
 */

export interface ShownProgress extends Progress {
  /** Keys of the quantities hidden until the learner predicts them (practice/questions.ts). */
  hidden: ReadonlySet<string>;
}

const progressCache = new WeakMap<Progress, WeakMap<ReadonlySet<string>, ShownProgress>>();
export function selectProgress(s: LearnerState): ShownProgress {
  const progress = selectPassProgress(s);
  const hidden = selectPending(s).keys;
  let byHidden = progressCache.get(progress);
  if (!byHidden) progressCache.set(progress, (byHidden = new WeakMap()));
  let shown = byHidden.get(hidden);
  if (!shown) byHidden.set(hidden, (shown = { ...progress, hidden }));
  return shown;
}

/** Has the pass computed this value, and is it not waiting for the learner's prediction? */
export function isShown(progress: ShownProgress, q: Quantity): boolean {
  if (progress.hidden.size > 0 && progress.hidden.has(questionKey(q))) return false;
  switch (q.kind) {
    case 'z':
    case 'a':
      return (progress.forwardUnits[q.layer - 1] ?? 0) > q.unit;
    case 'loss':
      return progress.lossShown;
    case 'delta':
      return (progress.deltaUnits[q.layer - 1] ?? 0) > q.unit;
    case 'dW':
      return (progress.gradientUnits[q.layer - 1] ?? 0) > q.to;
    case 'db':
      return (progress.gradientUnits[q.layer - 1] ?? 0) > q.unit;
    case 'w':
    case 'b':
      return progress.updated;
  }
}

/** Is every value the update computes shown (the loss after it too)? */
export function updateShown(progress: ShownProgress): boolean {
  return progress.updated && ![...progress.hidden].some((k) => /^[wb]:/.test(k));
}

const passCache = new WeakMap<Pending, WeakMap<object, ShownPass>>();
/** The pass as the views show it: its snapshot and, on the update step, the updated network. */
export function selectShownPass(s: LearnerState): ShownPass {
  const pending = selectPending(s);
  const snapshot = selectSnapshot(s);
  const updated = selectStep(s).kind === 'update' ? selectUpdate(s) : null;
  // Both memoized on the work: the update preview stands for its snapshot too.
  const source = updated ?? snapshot;
  let bySource = passCache.get(pending);
  if (!bySource) passCache.set(pending, (bySource = new WeakMap()));
  let shown = bySource.get(source);
  if (!shown) {
    const pass = updated ? { snapshot, updated } : { snapshot };
    bySource.set(source, (shown = maskPass(pass, s.sampleIndex, pending.hidden)));
  }
  return shown;
}

/**
 * What the equations of the current step are built from: the panel shows them and the LaTeX
 * export writes them, from this one context. Memoized on the state object: the equations change
 * only when the state does.
 */
const equationContexts = new WeakMap<LearnerState, EquationContext>();
export function selectEquationContext(s: LearnerState): EquationContext {
  let context = equationContexts.get(s);
  if (!context) {
    context = {
      network: s.network,
      samples: s.samples,
      sampleIndex: s.sampleIndex,
      step: selectStep(s),
      notation: s.notation,
      learningRate: s.learningRate,
      trainBiases: s.trainBiases,
      optimizer: s.optimizer,
      optimizerState: s.optimizerState,
      digits: s.view.digits,
      ...selectShownPass(s),
    };
    equationContexts.set(s, context);
  }
  return context;
}

/**
 * Has the pass computed, and shown, what the selection's chain rule shows: a weight's or bias's
 * gradient, a unit's δ (an input's value is given)? Before that, nothing computed is shown for it.
 */
export function selectSelectionComputed(s: LearnerState, selection: Selection | null): boolean {
  if (!selection) return false;
  const progress = selectProgress(s);
  switch (selection.kind) {
    case 'unit':
      return selection.layer === 0 || isShown(progress, { ...selection, kind: 'delta' });
    case 'weight':
      return isShown(progress, { ...selection, kind: 'dW' });
    case 'bias':
      return isShown(progress, { ...selection, kind: 'db' });
  }
}

/**
 * The equation that computes the value asked now, as the panel shows it (pending values "?"), for
 * the help beside the question; null when nothing is asked.
 */
const questionBlocks = new WeakMap<LearnerState, EquationBlock | null>();
export function selectQuestionBlock(s: LearnerState): EquationBlock | null {
  if (questionBlocks.has(s)) return questionBlocks.get(s) ?? null;
  const { current } = selectPending(s);
  let block: EquationBlock | null = null;
  if (current) {
    const shown = selectEquationContext(s);
    const updated = selectStep(s).kind === 'update' ? { updated: selectUpdate(s) } : {};
    const open = { ...shown, snapshot: selectSnapshot(s), ...updated };
    block = questionBlock(open, current.quantity, shown);
  }
  questionBlocks.set(s, block);
  return block;
}
