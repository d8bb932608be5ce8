import { useCallback, useEffect, useState } from 'react';
import { shallow } from 'zustand/shallow';
import { useShallow } from 'zustand/react/shallow';
import { stepDescription, stepSummary, stepTitle } from '../../math';
import { selectSnapshot, selectStep, selectSteps, selectUpdate } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { editOf } from '../../store/slices/undo';
import type { Edit } from '../../store/types';

const SPEEDS = [0.5, 1, 2, 4, 8] as const;

/**
 * Does the focused element use these keys itself (typing, a select, arrows in a radio group), so
 * the step keys must not fire?
 */
function keysTaken(target: EventTarget | null, key: string): boolean {
  if (!(target instanceof Element)) return false;
  if (target instanceof HTMLElement && target.isContentEditable) return true;
  if (['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName)) return true;
  if (key.startsWith('Arrow') && target.closest('[role="radiogroup"], [role="tablist"]'))
    return true;
  // Space presses a focused button (a diagram edge or unit is one too).
  if (key === ' ' && (target.tagName === 'BUTTON' || target.getAttribute('role') === 'button'))
    return true;
  return false;
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
    stepDescription(selectStep(s), s.network, s.notation, s.trainBiases),
  );
  // What the step computed, in words and numbers, for screen readers (the live region below).
  const summary = useApp((s) => {
    const step = selectStep(s);
    return stepSummary(step, {
      network: s.network,
      snapshot: selectSnapshot(s),
      sampleIndex: s.sampleIndex,
      notation: s.notation,
      trainBiases: s.trainBiases,
      ...(step.kind === 'update' ? { updated: selectUpdate(s) } : {}),
    });
  });
  const [playing, setPlaying] = useState(false);
  const [speed, setSpeed] = useState<number>(1);
  // Why the last update was not applied (it would leave what the work can keep), shown while the
  // work it was about is the work shown.
  const [stopped, setStopped] = useState<{ text: string; about: Edit } | null>(null);
  const edit = useApp(useShallow(editOf));
  const stoppedText = stopped && shallow(stopped.about, edit) ? stopped.text : null;
  const atEnd = stepIndex >= stepCount - 1;

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
      if (keysTaken(event.target, event.key) || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const s = store.getState();
      switch (event.key) {
        case 'ArrowRight':
          forward();
          break;
        case 'ArrowLeft':
          s.stepBack();
          break;
        case 'Home':
          s.resetPass();
          break;
        case 'End':
          s.goToEnd();
          break;
        case ' ':
          setPlaying((p) => !p);
          break;
        default:
          return;
      }
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
          title="Reset pass (Home)"
        >
          Reset pass
        </button>
        <button type="button" onClick={() => store.getState().stepBack()} title="Step back (←)">
          Step back
        </button>
        <button type="button" className="primary" onClick={forward} title="Step forward (→)">
          Step forward
        </button>
        <button
          type="button"
          onClick={() => setPlaying((p) => !p)}
          aria-pressed={playing}
          title="Play or pause (space)"
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
      </div>
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
        <p className="visually-hidden" data-testid="step-summary">
          {summary}
        </p>
      </div>
    </div>
  );
}
