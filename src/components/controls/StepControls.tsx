import { useEffect, useState } from 'react';
import { stepDescription, stepSummary, stepTitle } from '../../math';
import { selectSnapshot, selectStep, selectSteps, selectUpdate } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';

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
  const atEnd = stepIndex >= stepCount - 1;

  useEffect(() => {
    if (!playing) return;
    const timer = window.setInterval(() => {
      const s = store.getState();
      if (s.stepIndex >= selectSteps(s).length - 1) {
        setPlaying(false);
        return;
      }
      s.stepForward();
    }, 1000 / speed);
    return () => window.clearInterval(timer);
  }, [playing, speed, store]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (keysTaken(event.target, event.key) || event.ctrlKey || event.metaKey || event.altKey)
        return;
      const s = store.getState();
      switch (event.key) {
        case 'ArrowRight':
          s.stepForward();
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
  }, [store]);

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
        <button
          type="button"
          className="primary"
          onClick={() => store.getState().stepForward()}
          title="Step forward (→)"
        >
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
