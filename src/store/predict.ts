import type { PassSnapshot, PassStep } from '../engine';
import { notationFor } from '../math/notations';
import { helpAfter } from '../practice/help';
import { quantityName } from '../practice/names';
import { questionsOfStep } from '../practice/questions';
import type { PracticeContext, PredictHelp, Quantity, Question } from '../practice/types';
import { selectSnapshot, selectSteps, selectUpdate } from './selectors';
import type { LearnerState } from './types';

/**
 * Predict first, derived: the questions of the pass, which of them are pending, the one asked now.
 * One rule decides what is hidden: while predict first is on, every asked quantity of the current
 * step and of the steps after it that has not been answered or shown. (Those after it are not
 * computed yet either; hiding them too keeps the matrix form, which shows a whole layer on a unit
 * step, from showing a value before it is asked.) Steps before the current one show everything:
 * they were answered on the way, or passed before predict first was turned on.
 */

export function practiceContextOf(s: LearnerState): PracticeContext {
  return {
    network: s.network,
    samples: s.samples,
    sampleIndex: s.sampleIndex,
    snapshot: selectSnapshot(s),
    learningRate: s.learningRate,
    trainBiases: s.trainBiases,
    notation: s.notation,
  };
}

const passCache = new WeakMap<PassStep[], WeakMap<PassSnapshot, Map<string, Question[][]>>>();
/** The asked questions of every step of the pass, by step index. */
export function selectPassQuestions(s: LearnerState): Question[][] {
  const steps = selectSteps(s);
  const snapshot = selectSnapshot(s);
  let bySnapshot = passCache.get(steps);
  if (!bySnapshot) passCache.set(steps, (bySnapshot = new WeakMap()));
  let byKey = bySnapshot.get(snapshot);
  if (!byKey) bySnapshot.set(snapshot, (byKey = new Map()));
  const key = [s.sampleIndex, s.learningRate, s.trainBiases, s.predict.asked.join()].join('|');
  let questions = byKey.get(key);
  if (!questions) {
    const ctx = practiceContextOf(s);
    const update = s.predict.asked.some((k) => k === 'w' || k === 'b')
      ? selectUpdate(s).network
      : undefined;
    questions = steps.map((step) => questionsOfStep(step, ctx, s.predict.asked, update));
    byKey.set(key, questions);
  }
  return questions;
}

export interface Pending {
  /** The current step's asked questions, in pass order, answered or not. */
  step: Question[];
  /** The first of them not yet answered or shown: the one asked now. */
  current: Question | null;
  /** Every quantity hidden now (see above). */
  hidden: Quantity[];
  keys: ReadonlySet<string>;
}

export const NOTHING_PENDING: Pending = { step: [], current: null, hidden: [], keys: new Set() };

const resolved = (s: LearnerState, key: string) =>
  (s.predict.answers[key]?.outcome ?? null) !== null;

const pendingCache = new WeakMap<Question[][], WeakMap<object, Map<number, Pending>>>();
export function selectPending(s: LearnerState): Pending {
  if (!s.predict.on || s.predict.passDone) return NOTHING_PENDING;
  const pass = selectPassQuestions(s);
  let byAnswers = pendingCache.get(pass);
  if (!byAnswers) pendingCache.set(pass, (byAnswers = new WeakMap()));
  let byStep = byAnswers.get(s.predict.answers);
  if (!byStep) byAnswers.set(s.predict.answers, (byStep = new Map()));
  let pending = byStep.get(s.stepIndex);
  if (!pending) {
    const step = pass[s.stepIndex] ?? [];
    const hidden = pass
      .slice(s.stepIndex)
      .flat()
      .filter((q) => !resolved(s, q.key));
    pending = {
      step,
      current: step.find((q) => !resolved(s, q.key)) ?? null,
      hidden: hidden.map((q) => q.quantity),
      keys: new Set(hidden.map((q) => q.key)),
    };
    byStep.set(s.stepIndex, pending);
  }
  return pending;
}

/**
 * The furthest step a move forward may reach: the first step from the current one on that still
 * asks something, or `wanted` when none does before it.
 */
export function furthestStep(s: LearnerState, wanted: number): number {
  if (!s.predict.on || s.predict.passDone) return wanted;
  const pass = selectPassQuestions(s);
  for (let index = s.stepIndex; index < wanted; index++) {
    if ((pass[index] ?? []).some((q) => !resolved(s, q.key))) return index;
  }
  return wanted;
}

/** Why Step forward waits, in the learner's words, or null when it need not. */
export function forwardBlocked(s: LearnerState): string | null {
  const { current } = selectPending(s);
  if (!current) return null;
  const name = quantityName(current.quantity, notationFor(s.notation, s.network));
  return `Step forward waits for your prediction of ${name}: check it, or press “Show me”.`;
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
