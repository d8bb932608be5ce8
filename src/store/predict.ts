import type { OptimizerState, PassSnapshot, PassStep } from '../engine';
import { notationFor } from '../math/notations';
import { helpAfter } from '../practice/help';
import { quantityName } from '../practice/names';
import { questionKey, questionsOfStep } from '../practice/questions';
import type { PracticeContext, PredictHelp, Quantity, Question } from '../practice/types';
import { selectSnapshot, selectSteps, selectUpdate } from './selectors';
import type { LearnerState, NoticeState } from './types';

/**
 * Predict first, derived: the questions of a step, which are pending, the one asked now. One rule
 * decides what is hidden: while predict first is on, every asked quantity of the current step
 * that has not been answered or shown, and of the steps right after it in the same layer (a unit
 * step's siblings, which the matrix form shows with it as a whole layer). Later steps are not
 * computed yet, so no view shows them; steps before the current one show everything: they were
 * answered on the way, or passed before predict first was turned on.
 */

export function practiceContextOf(s: LearnerState): PracticeContext {
  return {
    network: s.network,
    samples: s.samples,
    sampleIndex: s.sampleIndex,
    snapshot: selectSnapshot(s),
    learningRate: s.learningRate,
    trainBiases: s.trainBiases,
    optimizer: s.optimizer,
    optimizerState: s.optimizerState,
    notation: s.notation,
  };
}

const stepCache = new WeakMap<
  PassStep[],
  WeakMap<PassSnapshot, WeakMap<OptimizerState, Map<string, Question[][]>>>
>();
/** The asked questions of step `index` of the pass, worked out when first needed. */
export function stepQuestions(s: LearnerState, index: number): Question[] {
  const steps = selectSteps(s);
  const step = steps[index];
  if (!step) return [];
  const snapshot = selectSnapshot(s);
  let bySnapshot = stepCache.get(steps);
  if (!bySnapshot) stepCache.set(steps, (bySnapshot = new WeakMap()));
  let byKey = bySnapshot.get(snapshot);
  if (!byKey) bySnapshot.set(snapshot, (byKey = new WeakMap()));
  const key = [
    s.sampleIndex,
    s.learningRate,
    s.trainBiases,
    JSON.stringify(s.optimizer),
    s.predict.asked.join(),
  ].join('|');
  // The optimizer's state is part of the update's truth: a new state, new questions.
  let byState = byKey.get(s.optimizerState);
  if (!byState) byKey.set(s.optimizerState, (byState = new Map()));
  let questions = byState.get(key);
  if (!questions) byState.set(key, (questions = []));
  const update = step.kind === 'update' ? selectUpdate(s).network : undefined;
  return (questions[index] ??= questionsOfStep(
    step,
    practiceContextOf(s),
    s.predict.asked,
    update,
  ));
}

/** The current step and the unit steps after it of the same kind and layer. */
function withSiblings(steps: PassStep[], index: number): number[] {
  const step = steps[index];
  const indices = [index];
  if (!step || !('unit' in step) || step.unit === undefined) return indices;
  for (let next = index + 1; next < steps.length; next++) {
    const other = steps[next];
    if (!other || other.kind !== step.kind || !('layer' in other) || other.layer !== step.layer)
      break;
    indices.push(next);
  }
  return indices;
}

export interface Pending {
  /** The current step's asked questions, in pass order, answered or not. */
  step: Question[];
  /** The first of them not yet answered or shown: the one asked now. */
  current: Question | null;
  /** Every quantity hidden now (see above). */
  hidden: Quantity[];
  /** Their questionKey: the shown sample's, as isShown asks. */
  keys: ReadonlySet<string>;
}

export const NOTHING_PENDING: Pending = { step: [], current: null, hidden: [], keys: new Set() };

const resolved = (s: LearnerState, key: string) =>
  (s.predict.answers[key]?.outcome ?? null) !== null;

const pendingCache = new WeakMap<Question[], WeakMap<object, Pending>>();
export function selectPending(s: LearnerState): Pending {
  if (!s.predict.on || s.predict.passDone) return NOTHING_PENDING;
  const step = stepQuestions(s, s.stepIndex);
  let byAnswers = pendingCache.get(step);
  if (!byAnswers) pendingCache.set(step, (byAnswers = new WeakMap()));
  let pending = byAnswers.get(s.predict.answers);
  if (!pending) {
    const hidden = withSiblings(selectSteps(s), s.stepIndex)
      .flatMap((index) => stepQuestions(s, index))
      .filter((q) => !resolved(s, q.key));
    pending = {
      step,
      current: step.find((q) => !resolved(s, q.key)) ?? null,
      hidden: hidden.map((q) => q.quantity),
      keys: new Set(hidden.map((q) => questionKey(q.quantity))),
    };
    byAnswers.set(s.predict.answers, pending);
  }
  return pending;
}

/**
 * The furthest step a move forward may reach: the first step from the current one on that still
 * asks something, or `wanted` when none does before it.
 */
export function furthestStep(s: LearnerState, wanted: number): number {
  if (!s.predict.on || s.predict.passDone) return wanted;
  for (let index = s.stepIndex; index < wanted; index++) {
    if (stepQuestions(s, index).some((q) => !resolved(s, q.key))) return index;
  }
  return wanted;
}

/** Why Step forward waits, in the learner's words, or null when it need not. */
export function forwardBlocked(s: LearnerState): string | null {
  const { current } = selectPending(s);
  if (!current) return null;
  const name = quantityName(current.quantity, notationFor(s.notation, s.network));
  // A teacher's lesson may forbid "Show me".
  const showMe = !s.view.lesson || s.view.plan.showMe;
  return `Step forward waits for your prediction of ${name}: check it${showMe ? ', or press “Show me”' : ''}.`;
}

/**
 * How much of a pending value's equation shows (practice/help.ts, withHelp): the help chosen, up
 * the hint ladder with the wrong tries at the value asked now.
 */
export function selectHelp(s: LearnerState): PredictHelp {
  const { current } = selectPending(s);
  const wrong = current ? (s.predict.answers[current.key]?.wrong ?? 0) : 0;
  return helpAfter(s.predict.help, wrong);
}

/** What the predict panel says after an edit cleared answers of the pass (see afterChange). */
export const NUMBERS_CHANGED = 'The numbers changed: the values of this step are asked again.';

const changed = <K extends keyof LearnerState>(
  current: LearnerState,
  next: Partial<LearnerState>,
  key: K,
) => key in next && next[key] !== current[key];

/**
 * Predict first after a change of the work that stays in the same pass (an edit, or an undo or
 * redo within it). The answers were for the numbers as they were: when the network or the batch
 * changes, every answer of the pass is cleared; when η or "Train biases" changes, those of the
 * update. What was scored stays scored (types.ts, askAgain), and the panel says why it asks again.
 * A pass left as done (stepped back into past its update) is done no longer: its new numbers were
 * never answered. A change that brings its own `predict` (a new pass, or an undo or redo into
 * another pass: slices/undo.ts) is left as it is.
 */
export function afterChange(
  current: LearnerState,
  next: Partial<LearnerState>,
): Partial<LearnerState> & Partial<NoticeState> {
  if (next.predict) return {};
  const { predict } = current;
  const all = changed(current, next, 'network') || changed(current, next, 'samples');
  const update =
    changed(current, next, 'learningRate') ||
    changed(current, next, 'trainBiases') ||
    changed(current, next, 'optimizer') ||
    changed(current, next, 'optimizerState');
  if (!all && !update) return {};
  const kept = Object.entries(predict.answers).filter(([key]) => !all && !/^[wb]:/.test(key));
  if (kept.length === Object.keys(predict.answers).length && !predict.passDone) return {};
  const answers = Object.fromEntries(kept);
  return { predict: { ...predict, answers, passDone: false }, answersCleared: answers };
}
