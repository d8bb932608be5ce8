import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { formatNumber } from '../../math/format';
import { parseNumber } from '../../store/limits';

/** Wheel ticks closer together than this are one nudge gesture. */
const WHEEL_GESTURE_MS = 400;

interface NumberFieldProps {
  /** The accessible name, e.g. "Weight w₁₂⁽²⁾". */
  label: string;
  value: number;
  min: number;
  max: number;
  /** Nudge for arrow keys and dragging; Shift multiplies by 10. */
  step: number;
  /** Try a value; returns why it was refused, or null. */
  onCommit: (value: number) => string | null;
  digits?: number;
  /** Show the label as text beside the field (otherwise it is only the accessible name). */
  showLabel?: boolean;
  /** Drag/scrub handle to nudge the value continuously. */
  scrub?: boolean;
  onScrubStart?: () => void;
  onScrubEnd?: () => void;
  /**
   * Why the value may not be changed (a lesson's lock): the field is read-only, and a nudge is still
   * tried so the store's refusal is said beside it.
   */
  locked?: string | null;
}

/**
 * A number the learner can type, nudge with ↑/↓ or drag. What they typed stays in the field until
 * it is accepted; a refusal is shown beside the field and the store keeps the last good value.
 */
export function NumberField({
  label,
  value,
  min,
  max,
  step,
  onCommit,
  digits = 8,
  showLabel = true,
  scrub = false,
  onScrubStart,
  onScrubEnd,
  locked = null,
}: NumberFieldProps) {
  const id = useId();
  const [draft, setDraft] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const drag = useRef<{ x: number; start: number } | null>(null);
  const shown = draft ?? formatNumber(value, digits);

  const tryValue = (next: number): boolean => {
    const clamped = Math.max(min, Math.min(max, Number(next.toPrecision(12))));
    const problem = onCommit(clamped);
    setError(problem);
    return problem === null;
  };

  const commitDraft = () => {
    if (draft === null) return;
    const parsed = parseNumber(draft, min, max);
    if (!parsed.ok) {
      setError(parsed.error);
      return;
    }
    if (tryValue(parsed.value)) setDraft(null);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      commitDraft();
    } else if (event.key === 'Escape') {
      setDraft(null);
      setError(null);
    } else if (event.key === 'ArrowUp' || event.key === 'ArrowDown') {
      event.preventDefault();
      const delta = (event.key === 'ArrowUp' ? step : -step) * (event.shiftKey ? 10 : 1);
      if (tryValue(value + delta)) setDraft(null);
    }
  };

  // The wheel over the handle nudges too; a run of wheel ticks is one gesture (one undo step).
  // React's wheel listeners are passive, so this one is added by hand to keep the page still.
  const handle = useRef<HTMLSpanElement>(null);
  const latest = useRef({ value, tryValue, onScrubStart, onScrubEnd, step });
  useEffect(() => {
    latest.current = { value, tryValue, onScrubStart, onScrubEnd, step };
  });
  useEffect(() => {
    const element = handle.current;
    if (!element) return;
    let idle: number | undefined;
    const onWheel = (event: WheelEvent) => {
      if (event.deltaY === 0) return;
      event.preventDefault();
      const now = latest.current;
      if (idle === undefined) now.onScrubStart?.();
      else window.clearTimeout(idle);
      idle = window.setTimeout(() => {
        idle = undefined;
        latest.current.onScrubEnd?.();
      }, WHEEL_GESTURE_MS);
      const delta = (event.deltaY < 0 ? now.step : -now.step) * (event.shiftKey ? 10 : 1);
      if (now.tryValue(now.value + delta)) setDraft(null);
    };
    element.addEventListener('wheel', onWheel, { passive: false });
    return () => {
      element.removeEventListener('wheel', onWheel);
      if (idle !== undefined) {
        window.clearTimeout(idle);
        latest.current.onScrubEnd?.();
      }
    };
  }, [scrub]);

  const onPointerDown = (event: PointerEvent<HTMLSpanElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    drag.current = { x: event.clientX, start: value };
    onScrubStart?.();
  };
  const onPointerMove = (event: PointerEvent<HTMLSpanElement>) => {
    if (!drag.current) return;
    const dx = event.clientX - drag.current.x;
    tryValue(drag.current.start + dx * step * (event.shiftKey ? 10 : 1));
    setDraft(null);
  };
  const onPointerUp = () => {
    if (drag.current) onScrubEnd?.();
    drag.current = null;
  };

  return (
    <span className={`number-field${error ? ' has-error' : ''}`}>
      {showLabel && (
        <label htmlFor={id} className="number-field-label">
          {label}
        </label>
      )}
      <input
        id={id}
        type="text"
        inputMode="decimal"
        spellCheck={false}
        autoComplete="off"
        aria-label={label}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        value={shown}
        readOnly={locked !== null}
        title={locked ?? undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commitDraft}
        onKeyDown={onKeyDown}
      />
      {locked !== null && (
        <span className="muted locked-note" title={locked}>
          locked
        </span>
      )}
      {scrub && locked === null && (
        <span
          ref={handle}
          className="scrub"
          role="presentation"
          title="Drag left or right, or scroll, to nudge (Shift: ×10)"
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        >
          ⇔
        </span>
      )}
      {error && (
        <span id={`${id}-error`} className="field-error" role="alert">
          {error}
        </span>
      )}
    </span>
  );
}
