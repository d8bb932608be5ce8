import { useId, useState, type FormEvent } from 'react';
import { formatNumber } from '../../math/format';
import { notationFor } from '../../math/notations';
import { helpAfter, HELP_LEVELS } from '../../practice/help';
import { quantityName } from '../../practice/names';
import type { PredictHelp } from '../../practice/types';
import { selectHelp, selectPending, selectQuestionBlock, type Verdict } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { parseNumber } from '../../store/limits';
import { Tex } from '../equations/Tex';

/** Any prediction a learner can type; past this the message is about the size, not the value. */
const MAX_PREDICTION = 1e15;

/** What the hint ladder adds after a wrong try: the help it raised to, or what is left. */
function ladderHint(chosen: PredictHelp, wrong: number, showMe: boolean): string {
  const now = helpAfter(chosen, wrong);
  if (now === helpAfter(chosen, wrong - 1) || HELP_LEVELS.indexOf(now) === 0)
    return showMe ? 'Check your arithmetic, or press “Show me”.' : 'Check your arithmetic.';
  return now === 'symbols'
    ? 'Its equation in symbols is below.'
    : 'Below, its equation with the numbers substituted.';
}

function wrongMessage(
  verdict: Verdict,
  answer: number,
  name: string,
  chosen: PredictHelp,
  showMe: boolean,
) {
  if (verdict.right) return '';
  const said = `${formatNumber(answer, 6)} is not ${name}.`;
  const why = verdict.mistake ? verdict.mistake.message : '';
  return [said, why, ladderHint(chosen, verdict.wrong, showMe)].filter(Boolean).join(' ');
}

/**
 * The value asked now: a number field named "Your prediction for …", Check (or Enter) and Show
 * me; the help the level allows (the equation, pending values "?"); what the last answer was.
 */
export function PredictAsk() {
  const store = useAppStoreApi();
  const current = useApp((s) => selectPending(s).current);
  const name = useApp((s) => {
    const asked = selectPending(s).current;
    return asked ? quantityName(asked.quantity, notationFor(s.notation, s.network)) : null;
  });
  // Which of the step's questions this is: "2 of 4".
  const place = useApp((s) => {
    const { step, current: asked } = selectPending(s);
    return asked ? `${step.indexOf(asked) + 1} of ${step.length} in this step` : null;
  });
  const block = useApp(selectQuestionBlock);
  const help = useApp(selectHelp);
  const chosen = useApp((s) => s.predict.help);
  // A teacher's lesson may forbid "Show me".
  const showMeAllowed = useApp((s) => !s.view.lesson || s.view.plan.showMe);
  const digits = useApp((s) => s.view.digits);
  const errorId = useId();
  const [text, setText] = useState('');
  const [inputError, setInputError] = useState<string | null>(null);
  const [wrong, setWrong] = useState<{ key: string; message: string } | null>(null);
  // What the last answer was: said while it is still an answer of the pass (an edit, "Reset
  // pass", an undo or a new pass asks it again, and then it must not give the value away).
  const [last, setLast] = useState<{ key: string; text: string } | null>(null);
  const status = useApp((s) =>
    last && (s.predict.answers[last.key]?.outcome ?? null) !== null ? last.text : null,
  );

  const check = (event: FormEvent) => {
    event.preventDefault();
    if (!current || !name) return;
    const parsed = parseNumber(text, -MAX_PREDICTION, MAX_PREDICTION);
    if (!parsed.ok) {
      setInputError(parsed.error);
      return;
    }
    setInputError(null);
    const verdict = store.getState().checkPrediction(parsed.value);
    if (!verdict) return;
    if (verdict.right) {
      setLast({
        key: current.key,
        text: `Right: ${name} = ${formatNumber(current.value, digits)} ✓`,
      });
      setWrong(null);
      setText('');
    } else {
      setLast(null);
      setWrong({
        key: current.key,
        message: wrongMessage(verdict, parsed.value, name, chosen, showMeAllowed),
      });
    }
  };

  const showMe = () => {
    if (!current || !name) return;
    store.getState().showPrediction();
    setLast({ key: current.key, text: `Shown: ${name} = ${formatNumber(current.value, digits)}` });
    setWrong(null);
    setInputError(null);
    setText('');
  };

  const alert = wrong && current && wrong.key === current.key ? wrong.message : null;
  return (
    <div className="predict-ask">
      <p className="predict-status" role="status">
        {status}
      </p>
      {current && name && (
        <>
          <form className="predict-form" onSubmit={check} noValidate>
            <label className="predict-label">
              Your prediction for {name}
              <input
                type="text"
                inputMode="decimal"
                spellCheck={false}
                autoComplete="off"
                value={text}
                aria-invalid={inputError ? true : undefined}
                aria-describedby={inputError ? errorId : undefined}
                onChange={(event) => {
                  setText(event.target.value);
                  setInputError(null);
                }}
              />
            </label>
            <button type="submit" className="primary">
              Check
            </button>
            {showMeAllowed && (
              <button type="button" onClick={showMe}>
                Show me
              </button>
            )}
            <span className="muted predict-place">{place}</span>
            {inputError && (
              <span id={errorId} className="field-error">
                {inputError}
              </span>
            )}
          </form>
          {alert && (
            <p className="predict-wrong" role="alert">
              {alert}
            </p>
          )}
          {block && help !== 'none' && (
            <div className="predict-help" data-testid="predict-help">
              <Tex
                tex={
                  help === 'numbers'
                    ? // "= ?" stays on one line.
                      [block.general, block.substituted, block.result.replace(/^=/, '=\\nobreak')]
                        .filter(Boolean)
                        .join(' ')
                    : block.general
                }
                display
              />
            </div>
          )}
        </>
      )}
    </div>
  );
}
