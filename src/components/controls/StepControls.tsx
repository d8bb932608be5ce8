import { useCallback, useDeferredValue, useEffect, useMemo, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useShallow } from 'zustand/react/shallow';
import { stepDescription, stepSummary, stepTitle } from '../../math';
import { forwardBlocked, selectShownPass, selectStep, selectSteps } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { editOf } from '../../store/slices/undo';
import type { Edit } from '../../store/types';
import { keyTakenByFocus, SHORTCUTS, withKeys } from '../../hooks/shortcuts';
import { PredictToggle } from '../predict/PredictFirst';

const SPEEDS = [0.5, 1, 2, 4, 8] as const;

/**
 * What the step computed, in words and numbers, for screen readers (the phase's live region). It
 * follows an edit deferred, after the frame that shows the edit on screen: the words are built and
 * laid out once the page has painted (the README's Benchmarks). Written once per change of what it
 * says, not on each of the selector's runs.
 */
function StepSummary() {
  const live = useApp(
    useShallow((s) => ({
      step: selectStep(s),
      network: s.network,
      // The pass as shown: a value the learner is asked to predict is "?".
      shown: selectShownPass(s),
      sampleIndex: s.sampleIndex,
      notation: s.notation,
      trainBiases: s.trainBiases,
      digits: s.view.digits,
    })),
  );
  // The same object while nothing it holds changes (useShallow), so it keys the memo whole.
  const deferred = useDeferredValue(live);
  const summary = useMemo(() => {
    const { step, shown, ...context } = deferred;
    return stepSummary(step, { ...context, ...shown });
  }, [deferred]);
  return (
    <p className="visually-hidden" data-testid="step-summary">
      {summary}
    </p>
  );
}

/** Step, play, reset; the phase indicator; keyboard → ← space Home End. */
export function StepControls() {
  const store = useAppStoreApi();
  const stepIndex = useApp((s) => s.stepIndex);
  const stepCount = useApp((s) => selectSteps(s).length);
  const granularity = useApp((s) => s.granularity);
  const passNumber = useApp((s) => s.history.length + 1);
  const title = useApp((s) => stepTitle(selectStep(s), s.network, s.notation));
  const description = useApp((s) =>
    stepDescription(selectStep(s), s.network, s.notation, s.trainBiases, s.optimizer),
  );
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  // Why the last update was not applied (it would leave what the work can keep), shown while the
  // work it was about is the work shown.
  const [stopped, setStopped] = useState<{ text: string; about: Edit } | null>(null);
  // Shown while the work is the one it was about; selected as the text (a string or null), so that
  // an edit does not render the controls.
  const stoppedText = useApp((s) =>
    stopped && shallow(stopped.about, editOf(s)) ? stopped.text : null,
  );
  const atEnd = stepIndex >= stepCount - 1;
  // Predict first: Step forward waits for the value asked now (the reason shows under the buttons).
  const blocked = useApp(forwardBlocked);

  /** One step forward; an update that cannot be kept stops play and says why. */
  const forward = useCallback(() => {
    const outcome = store.getState().stepForward();
    setStopped(outcome ? { text: outcome, about: editOf(store.getState()) } : null);
    if (outcome) setPlaying(false);
  }, [store]);

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const s = store.getState();
      if (s.stepIndex >= selectSteps(s).length - 1) {
        setPlaying(false);
        return;
      }
      forward();
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, store, forward]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (keyTakenByFocus(event.target, event.key)) return;
      const s = store.getState();
      if (SHORTCUTS.stepForward.matches(event)) forward();
      else if (SHORTCUTS.stepBack.matches(event)) s.stepBack();
      else if (SHORTCUTS.resetPass.matches(event)) s.resetPass();
      else if (SHORTCUTS.goToEnd.matches(event)) s.goToEnd();
      else if (SHORTCUTS.playPause.matches(event)) setPlaying((p) => !p);
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store, forward]);

  return (
    <div className="step-controls" role="group" aria-label="Step through the pass">
      <div className="step-buttons">
        <button
          type="button"
          onClick={() => store.getState().resetPass()}
          title={withKeys(SHORTCUTS.resetPass)}
          aria-keyshortcuts={SHORTCUTS.resetPass.aria}
        >
          Reset pass
        </button>
        <button
          type="button"
          onClick={() => store.getState().stepBack()}
          title={withKeys(SHORTCUTS.stepBack)}
          aria-keyshortcuts={SHORTCUTS.stepBack.aria}
        >
          Step back
        </button>
        <button
          type="button"
          className="primary"
          onClick={forward}
          disabled={blocked !== null}
          aria-describedby={blocked ? 'step-forward-waits' : undefined}
          title={withKeys(SHORTCUTS.stepForward)}
          aria-keyshortcuts={SHORTCUTS.stepForward.aria}
        >
          Step forward
        </button>
        <button
          type="button"
          onClick={() => setPlaying((p) => !p)}
          aria-pressed={playing}
          title={withKeys(SHORTCUTS.playPause)}
          aria-keyshortcuts={SHORTCUTS.playPause.aria}
        >
          {playing ? 'Pause' : 'Play'}
        </button>
        <label className="inline-label">
          Speed
          <select value={speed} onChange={(event) => setSpeed(Number(event.target.value))}>
            {SPEEDS.map((v) => (
              <option key={v} value={v}>
                {v} step{v === 1 ? '' : 's'}/s
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          Step by
          <select
            value={granularity}
            onChange={(event) =>
              store.getState().setGranularity(event.target.value === 'unit' ? 'unit' : 'layer')
            }
          >
            <option value="layer">layer</option>
            <option value="unit">unit</option>
          </select>
        </label>
        <PredictToggle />
      </div>
      {blocked && (
        <p className="hint forward-waits" id="step-forward-waits">
          {blocked}
        </p>
      )}
      {stoppedText && (
        <p className="field-error" role="alert">
          {stoppedText}
        </p>
      )}
      <div className="phase" aria-live="polite">
        <span className="phase-title" data-testid="phase">
          {title}
        </span>
        <span className="phase-count">
          step {stepIndex + 1} of {stepCount} · pass {passNumber}
        </span>
        <p className="phase-description" data-testid="phase-description">
          {description}
          {atEnd && ' Step forward to apply it and start the next pass.'}
        </p>
        <StepSummary />
      </div>
    </div>
  );
}
