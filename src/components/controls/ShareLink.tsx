import { useState } from 'react';
import { SHARE_PARAM } from '../../store/autosave';
import { isLessonPlan, newPass, type LearnerState } from '../../store';
import { encodeShare, learnerOf } from '../../store/persist';
import { linkedTrainingOf } from '../../training/persist';
import { useTrainingKit } from '../training/kit';

/**
 * A link made with parts hidden or a lesson written is a lesson: it opens without the teacher's
 * options (LessonOptions).
 */
function shared(work: LearnerState): LearnerState {
  return { ...work, view: { ...work.view, lesson: isLessonPlan(work.view) } };
}

/**
 * A lesson link: opened as a lesson, at the start of the pass, predict first on with the teacher's
 * asked kinds and a score of the student's own (the teacher's is not sent).
 */
function lessonOf(work: LearnerState): LearnerState {
  return {
    ...work,
    view: { ...work.view, lesson: true },
    stepIndex: 0,
    selection: null,
    predict: { ...newPass(work.predict), on: true, score: {} },
  };
}

const NAMES = {
  share: { button: 'Copy share link', field: 'Share link', what: 'Share link' },
  lesson: { button: 'Copy lesson link', field: 'Lesson link', what: 'Lesson link' },
};

/**
 * "Copy share link": the stepper's work and the Train tab's (its data, options, network, epoch
 * count and curves) in one address, from either tab. "Copy lesson link" (kind 'lesson'): the same,
 * opened as the teacher's lesson.
 */
export function ShareLink({ kind = 'share' }: { kind?: 'share' | 'lesson' }) {
  const kit = useTrainingKit();
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const names = NAMES[kind];

  const makeLink = async () => {
    // Training hands its latest network to its store when it pauses.
    await kit.controller.pause();
    const { choices, work } = kit.snapshot();
    const learner = learnerOf(kit.stepper.getState());
    const linked = linkedTrainingOf(choices, work);
    const payload = encodeShare(
      kind === 'lesson' ? lessonOf(learner) : shared(learner),
      linked.saved,
    );
    const left = linked.leftOut ? ` ${linked.leftOut}` : '';
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_PARAM}=${payload}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`${names.what} copied to the clipboard.${left}`);
    } catch {
      setStatus(`${names.what} ready below: copy it from the field.${left}`);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void makeLink()}>
        {names.button}
      </button>
      {link && (
        <label className="stacked share-link">
          {names.field}
          <input type="text" readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}
      {status && (
        <p className="status-ok share-status" role="status">
          {status}
        </p>
      )}
    </>
  );
}
