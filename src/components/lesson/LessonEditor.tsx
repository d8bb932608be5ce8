import { useEffect, useId, useState } from 'react';
import {
  MAX_LESSON_TEXT,
  MAX_LESSON_TITLE,
  LESSON_LOCKS,
  type LessonLock,
  type LessonPlan,
} from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { ShareLink } from '../controls/ShareLink';
import { AskedKinds } from '../predict/PredictOptions';
import { PrintSheet, type PrintKind } from './PrintSheet';

const LOCK_NAMES: Record<LessonLock, string> = {
  parameters: 'Lock weights and biases',
  learningRate: 'Lock the learning rate η',
  samples: 'Lock inputs and targets',
  shape: "Lock the network's shape",
};

const tooLong = (what: string, length: number, max: number) =>
  length > max
    ? `The ${what} is ${length.toLocaleString('en-US')} characters long; at most ${max.toLocaleString('en-US')} fit in a lesson.`
    : null;

/**
 * A text the teacher types, kept as typed; it becomes the lesson's only when it fits, and the
 * field says why when it does not. When the lesson's text changes from elsewhere (the work
 * replaced: another tab saved it, a work loaded), the field shows the new one.
 */
function PlanText({
  label,
  what,
  max,
  value,
  onAccept,
  multiline = false,
}: {
  label: string;
  what: string;
  max: number;
  value: string;
  onAccept: (text: string) => void;
  multiline?: boolean;
}) {
  const errorId = useId();
  const [draft, setDraft] = useState(value);
  const [last, setLast] = useState(value);
  if (value !== last) {
    setLast(value);
    setDraft(value);
  }
  const error = tooLong(what, draft.length, max);
  const onChange = (text: string) => {
    setDraft(text);
    if (text.length <= max) onAccept(text);
  };
  const common = {
    value: draft,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? errorId : undefined,
    spellCheck: true,
  } as const;
  return (
    <label className="stacked lesson-field">
      {label}
      {multiline ? (
        <textarea rows={6} {...common} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input type="text" {...common} onChange={(event) => onChange(event.target.value)} />
      )}
      {error && (
        <span id={errorId} className="field-error" role="alert">
          {error}
        </span>
      )}
    </label>
  );
}

/**
 * The teacher's lesson: title and text, what is asked, the locks, "Show me", the lesson link, and
 * the worksheet and answer key to print.
 */
export function LessonEditor() {
  const store = useAppStoreApi();
  const plan = useApp((s) => s.view.plan);
  const [printing, setPrinting] = useState<{ kind: PrintKind; count: number } | null>(null);
  const setPlan = (change: Partial<LessonPlan>) =>
    store.getState().setView({ plan: { ...store.getState().view.plan, ...change } });

  // The sheet is in the page before the print dialog reads it.
  useEffect(() => {
    if (printing) window.print();
  }, [printing]);
  const print = (kind: PrintKind) =>
    setPrinting((last) => ({ kind, count: (last?.count ?? 0) + 1 }));

  return (
    <div className="lesson-editor">
      <h3>A lesson</h3>
      <p className="hint">
        Write what students read above the stepper: plain paragraphs, a blank line between them, and
        math between dollar signs, like $z = Wa + b$.
      </p>
      <PlanText
        label="Lesson title"
        what="title"
        max={MAX_LESSON_TITLE}
        value={plan.title}
        onAccept={(title) => setPlan({ title })}
      />
      <PlanText
        label="Lesson text"
        what="text"
        max={MAX_LESSON_TEXT}
        value={plan.text}
        onAccept={(text) => setPlan({ text })}
        multiline
      />
      <AskedKinds legend="Students predict" />
      <fieldset>
        <legend>Students may not change</legend>
        {LESSON_LOCKS.map((lock) => (
          <label key={lock} className="inline-label checkbox">
            <input
              type="checkbox"
              checked={plan.locks.includes(lock)}
              onChange={(event) =>
                setPlan({
                  locks: LESSON_LOCKS.filter((l) =>
                    l === lock ? event.target.checked : plan.locks.includes(l),
                  ),
                })
              }
            />
            {LOCK_NAMES[lock]}
          </label>
        ))}
      </fieldset>
      <label className="inline-label checkbox">
        <input
          type="checkbox"
          checked={plan.showMe}
          onChange={(event) => setPlan({ showMe: event.target.checked })}
        />
        Allow Show me
      </label>
      <p className="hint">
        The lesson link opens at the start of the pass with Predict first on, the locks in force and
        a score of the student&apos;s own.
      </p>
      <div className="row-buttons">
        <ShareLink kind="lesson" />
      </div>
      <div className="row-buttons">
        <button type="button" onClick={() => print('worksheet')}>
          Print worksheet
        </button>
        <button type="button" onClick={() => print('key')}>
          Print answer key
        </button>
      </div>
      {printing && <PrintSheet kind={printing.kind} />}
    </div>
  );
}
