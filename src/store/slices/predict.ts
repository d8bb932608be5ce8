import { nameMistake } from '../../practice/mistakes';
import { agrees } from '../../practice/agree';
import { HELP_LEVELS } from '../../practice/help';
import { QUANTITY_KINDS } from '../../practice/types';
import type { PredictActions, Slice } from '../actions';
import { practiceContextOf, selectPending } from '../predict';
import type { NoticeState, PredictAnswer, PredictState } from '../types';

/**
 * Predict first: its choices, and the answers to the question asked now (predict.ts says which).
 * Each question counts in the score once per pass, when it first ends: asked, and right if right
 * at the first try. One asked again in the same pass (its answer cleared by an edit or "Reset
 * pass") is checked as before but not counted again; stepping back into a pass already left asks
 * nothing (passDone), and undoing into one brings back its answers and what it scored, so no pass
 * is scored twice.
 */
export const createPredictSlice: Slice<NoticeState & PredictActions> = (set, get) => {
  const setPredict = (change: Partial<PredictState>) =>
    set({ predict: { ...get().predict, ...change } });

  /** The question asked now ends (right or shown): its answer, and the score of its kind. */
  const end = (key: string, kind: keyof PredictState['score'], answer: PredictAnswer) => {
    const { predict } = get();
    const answers = { ...predict.answers, [key]: answer };
    if (predict.scored.includes(key)) {
      setPredict({ answers });
      return;
    }
    const tally = predict.score[kind] ?? { right: 0, asked: 0 };
    const firstTry = answer.outcome === 'right' && answer.wrong === 0;
    setPredict({
      answers,
      scored: [...predict.scored, key],
      score: {
        ...predict.score,
        [kind]: { right: tally.right + (firstTry ? 1 : 0), asked: tally.asked + 1 },
      },
    });
  };

  return {
    answersCleared: null,
    setPredict({ on, asked, help }) {
      const change: Partial<PredictState> = {};
      if (typeof on === 'boolean') change.on = on;
      // In the order of QUANTITY_KINDS, so the same choice always saves the same.
      if (asked) change.asked = QUANTITY_KINDS.filter((k) => asked.includes(k));
      if (help && HELP_LEVELS.includes(help)) change.help = help;
      setPredict(change);
    },
    checkPrediction(value) {
      const { current } = selectPending(get());
      if (!current) return null;
      const before = get().predict.answers[current.key] ?? { wrong: 0, outcome: null };
      if (agrees(value, current.value)) {
        end(current.key, current.quantity.kind, { wrong: before.wrong, outcome: 'right' });
        return { right: true };
      }
      const wrong = before.wrong + 1;
      setPredict({
        answers: { ...get().predict.answers, [current.key]: { wrong, outcome: null } },
      });
      const mistake = nameMistake(value, current.quantity, practiceContextOf(get()));
      return { right: false, wrong, mistake };
    },
    showPrediction() {
      const { current } = selectPending(get());
      if (!current) return;
      const before = get().predict.answers[current.key] ?? { wrong: 0, outcome: null };
      end(current.key, current.quantity.kind, { wrong: before.wrong, outcome: 'shown' });
    },
    resetScore() {
      setPredict({ score: {} });
    },
  };
};
