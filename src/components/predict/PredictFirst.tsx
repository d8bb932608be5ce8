import { useShallow } from 'zustand/react/shallow';
import { formatNumber } from '../../math/format';
import { notationFor } from '../../math/notations';
import { quantityName } from '../../practice/names';
import { NUMBERS_CHANGED, selectPending, type AppState } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { PredictAsk } from './PredictAsk';
import { PredictOptions } from './PredictOptions';
import { PredictScore } from './PredictScore';
import './predict.css';

/** Answered questions of the step listed before the list says "and N before". */
const MAX_LISTED = 6;

/** The checkbox beside the step controls. */
export function PredictToggle() {
  const store = useAppStoreApi();
  const on = useApp((s) => s.predict.on);
  return (
    <label className="inline-label predict-toggle">
      <input
        type="checkbox"
        checked={on}
        onChange={(event) => store.getState().setPredict({ on: event.target.checked })}
      />
      Predict first
    </label>
  );
}

/** The current step's answered values: name = value, ✓ when right, "shown" when shown. */
function answeredOf(s: AppState): string[] {
  const notation = notationFor(s.notation, s.network);
  const digits = s.view.digits;
  return selectPending(s).step.flatMap((q) => {
    const outcome = s.predict.answers[q.key]?.outcome;
    if (!outcome) return [];
    const text = `${quantityName(q.quantity, notation)} = ${formatNumber(q.value, digits)}`;
    return [outcome === 'right' ? `${text} ✓` : `${text} (shown)`];
  });
}

/**
 * Predict first, when on: the value asked now, what this step has had answered, the options and
 * the score. A step's new values stay hidden everywhere until predicted or shown (store/shown.ts).
 */
export function PredictFirst() {
  const on = useApp((s) => s.predict.on);
  const asks = useApp((s) => selectPending(s).step.length);
  const left = useApp(
    (s) => selectPending(s).step.filter((q) => !s.predict.answers[q.key]?.outcome).length,
  );
  const answered = useApp(useShallow(answeredOf));
  // An edit changed the numbers of the pass and cleared its answers: said until the next answer.
  const changed = useApp(
    (s) => s.answersCleared !== null && s.answersCleared === s.predict.answers && left > 0,
  );
  if (!on) return null;
  const earlier = Math.max(0, answered.length - MAX_LISTED);

  return (
    <section className="predict-first" aria-label="Predict first">
      <div role="status">
        {changed && <p className="hint predict-changed">{NUMBERS_CHANGED}</p>}
      </div>
      <PredictAsk />
      {asks === 0 && <p className="hint">Nothing to predict in this step: step forward.</p>}
      {asks > 0 && left === 0 && (
        <p className="hint">Every value of this step is in: step forward.</p>
      )}
      {answered.length > 0 && (
        <ol className="predict-answered" aria-label="Answered in this step">
          {earlier > 0 && <li className="muted">{earlier} before</li>}
          {answered.slice(earlier).map((text) => (
            <li key={text}>{text}</li>
          ))}
        </ol>
      )}
      <div className="predict-footer">
        <PredictScore />
        <PredictOptions />
      </div>
    </section>
  );
}
