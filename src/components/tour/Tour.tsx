import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import type { PassStep } from '../../engine';
import { tourStops, type TourStop } from '../../math/tour';
import { DEFAULT_EXAMPLE, selectSnapshot, stepsOf, type AppStore } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { Tex } from '../equations/Tex';
import { markTourSeen, tourSeen } from './tourSeen';

/**
 * The first visit's tour of the classic example: offered in the header to a first-time visitor
 * (never over the page, never taking the focus), reopened with "Tour". Each stop moves the stepper
 * to its step and selects what it talks about, through the store's own actions, so the diagram
 * and the equations show it live; nothing is locked meanwhile.
 */

export interface TourState {
  /** The stop shown, or null when the tour is closed. */
  stop: number | null;
  /** Counts the moves to a stop, so that going to the stop shown shows it again. */
  visit: number;
  /** The header offers the tour (a first visit, not a lesson). */
  offered: boolean;
  start(): void;
  go(stop: number): void;
  close(): void;
}

/** The tour's place: open or closed, which stop; and whether it is still offered. */
export function useTour(): TourState {
  const store = useAppStoreApi();
  const [place, setPlace] = useState<{ stop: number | null; visit: number }>({
    stop: null,
    visit: 0,
  });
  const go = useCallback((stop: number | null) => {
    setPlace((p) => ({ stop, visit: p.visit + 1 }));
  }, []);
  // A student opening a teacher's lesson is not offered a tour that would replace it.
  const [offered, setOffered] = useState(() => !tourSeen() && !store.getState().view.lesson);
  const start = useCallback(() => {
    markTourSeen();
    setOffered(false);
    // The tour is of the classic example: open it unless it is open (Undo brings back the work).
    if (store.getState().exampleId !== DEFAULT_EXAMPLE.id)
      store.getState().loadExample(DEFAULT_EXAMPLE.id);
    go(0);
  }, [store, go]);
  const close = useCallback(() => {
    markTourSeen();
    setOffered(false);
    go(null);
  }, [go]);
  return { ...place, offered, start, go, close };
}

/** The header's part: the offer on a first visit, else "Tour". */
export function TourButton({ tour }: { tour: TourState }) {
  if (tour.offered) {
    return (
      <span className="tour-offer">
        <button type="button" className="primary" onClick={tour.start}>
          Take the tour
        </button>
        <button
          type="button"
          className="tour-dismiss"
          aria-label="No thanks"
          title="No thanks (the Tour button opens it later)"
          onClick={tour.close}
        >
          ×
        </button>
      </span>
    );
  }
  return (
    <button type="button" className="tour-button" onClick={tour.start}>
      Tour
    </button>
  );
}

/** Is `step` the stop's step (its unit's, when the pass goes unit by unit)? */
function isStep(step: PassStep, target: PassStep): boolean {
  if (step.kind !== target.kind) return false;
  if ('layer' in target && (!('layer' in step) || step.layer !== target.layer)) return false;
  const unit = 'unit' in step ? step.unit : undefined;
  const wanted = 'unit' in target ? target.unit : undefined;
  return unit === undefined || wanted === undefined || unit === wanted;
}

function showStop(store: AppStore, stop: TourStop): void {
  const s = store.getState();
  const index = stepsOf(s.network, s.granularity).findIndex((step) => isStep(step, stop.step));
  if (index >= 0) s.goToStep(index);
  s.select(stop.selection);
}

/** The tour itself: a small panel above the equations, with Back, Next and Close. */
export function TourPanel({ tour }: { tour: TourState }) {
  const store = useAppStoreApi();
  const onClassic = useApp((s) => s.exampleId === DEFAULT_EXAMPLE.id);
  const network = useApp((s) => s.network);
  const samples = useApp((s) => s.samples);
  const snapshot = useApp(selectSnapshot);
  const sampleIndex = useApp((s) => s.sampleIndex);
  const notation = useApp((s) => s.notation);
  const learningRate = useApp((s) => s.learningRate);
  const trainBiases = useApp((s) => s.trainBiases);
  const optimizer = useApp((s) => s.optimizer);
  const optimizerState = useApp((s) => s.optimizerState);
  const digits = useApp((s) => s.view.digits);
  const stops = useMemo(
    () =>
      onClassic
        ? tourStops({
            network,
            samples,
            snapshot,
            sampleIndex,
            notation,
            learningRate,
            trainBiases,
            optimizer,
            optimizerState,
            digits,
          })
        : [],
    [
      onClassic,
      network,
      samples,
      snapshot,
      sampleIndex,
      notation,
      learningRate,
      trainBiases,
      optimizer,
      optimizerState,
      digits,
    ],
  );
  const index = tour.stop ?? 0;
  const stop = stops[index];
  const heading = useRef<HTMLHeadingElement>(null);

  // A stop is shown when it is reached (Next, Back, the start), not again on every edit meanwhile.
  const reached = stop ? tour.visit : null;
  useEffect(() => {
    if (reached !== null && stop) showStop(store, stop);
    // eslint-disable-next-line react-hooks/exhaustive-deps -- only when a stop is reached
  }, [reached, store]);
  // Keyboard and screen-reader users land on the tour when it opens (the page stays usable).
  useEffect(() => heading.current?.focus(), []);

  return (
    <section className="tour" aria-label="Tour">
      <h2 ref={heading} tabIndex={-1}>
        Tour{stop ? `: ${stop.title}` : ''}
      </h2>
      {stop ? (
        <div aria-live="polite">
          {stop.paragraphs.map((paragraph, p) => (
            <p key={`${index}-${p}`}>
              {paragraph.map((piece, i) =>
                'tex' in piece ? (
                  <Tex key={i} tex={piece.tex} display />
                ) : (
                  <span key={i}>{piece.text} </span>
                ),
              )}
            </p>
          ))}
        </div>
      ) : (
        <p>
          The tour follows the classic example, which is no longer open.{' '}
          <button type="button" className="link" onClick={tour.start}>
            Open the classic example
          </button>
        </p>
      )}
      <div className="tour-buttons">
        <button type="button" disabled={!stop || index === 0} onClick={() => tour.go(index - 1)}>
          Back
        </button>
        <button
          type="button"
          className="primary"
          disabled={!stop || index >= stops.length - 1}
          onClick={() => tour.go(index + 1)}
        >
          Next
        </button>
        <span className="muted tour-count">{stop ? `${index + 1} of ${stops.length}` : ''}</span>
        <button type="button" onClick={tour.close}>
          Close
        </button>
      </div>
    </section>
  );
}
