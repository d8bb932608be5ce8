import { useState } from 'react';
import { SHARE_PARAM } from '../../store/autosave';
import type { LearnerState } from '../../store';
import { encodeShare, learnerOf } from '../../store/persist';
import { linkedTrainingOf } from '../../training/persist';
import { useTrainingKit } from '../training/kit';

/** A link made with parts hidden is a lesson: it opens without the hiding options (LessonOptions). */
function shared(work: LearnerState): LearnerState {
  return { ...work, view: { ...work.view, lesson: work.view.hidden.length > 0 } };
}

/**
 * "Copy share link": the stepper's work and the Train tab's (its data, options, network, epoch
 * count and curves) in one address, from either tab.
 */
export function ShareLink() {
  const kit = useTrainingKit();
  const [status, setStatus] = useState<string | null>(null);
  const [link, setLink] = useState<string | null>(null);

  const makeLink = async () => {
    // Training hands its latest network to its store when it pauses.
    await kit.controller.pause();
    const { choices, work } = kit.snapshot();
    const linked = linkedTrainingOf(choices, work);
    const payload = encodeShare(shared(learnerOf(kit.stepper.getState())), linked.saved);
    const left = linked.leftOut ? ` ${linked.leftOut}` : '';
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_PARAM}=${payload}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus(`Share link copied to the clipboard.${left}`);
    } catch {
      setStatus(`Share link ready below: copy it from the field.${left}`);
    }
  };

  return (
    <>
      <button type="button" onClick={() => void makeLink()}>
        Copy share link
      </button>
      {link && (
        <label className="stacked share-link">
          Share link
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
