import { useState } from 'react';
import {
  EXERCISE_KINDS,
  EXERCISE_KIND_REGISTRY,
  type ExerciseKind,
} from '../../practice/exercises';
import { useApp, useAppStoreApi } from '../../store/context';

/**
 * "New exercise": a fresh network of the chosen kind, with numbers short enough to work by hand,
 * opened at the start of its pass (Undo brings back the work before it). Its kind and seed are part
 * of the work and of its share link, so a class opening one link gets the same exercise.
 */
export function ExercisePanel() {
  const store = useAppStoreApi();
  const current = useApp((s) => s.exercise);
  const [kind, setKind] = useState<ExerciseKind>(current?.kind ?? 'sigmoid-2-2-1');
  const [batchOfTwo, setBatchOfTwo] = useState(current?.batchOfTwo ?? false);
  const [refused, setRefused] = useState<string | null>(null);

  return (
    <section className="exercise-panel" aria-label="Exercise">
      <h2>Exercise</h2>
      <p className="hint">A fresh network with short decimals, to work through by hand.</p>
      <div className="exercise-choices">
        <label className="inline-label">
          Kind
          <select value={kind} onChange={(event) => setKind(event.target.value as ExerciseKind)}>
            {EXERCISE_KINDS.map((id) => (
              <option key={id} value={id}>
                {EXERCISE_KIND_REGISTRY[id].label}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-label">
          <input
            type="checkbox"
            checked={batchOfTwo}
            onChange={(event) => setBatchOfTwo(event.target.checked)}
          />
          Batch of two
        </label>
        <button
          type="button"
          onClick={() => setRefused(store.getState().newExercise(kind, batchOfTwo))}
        >
          New exercise
        </button>
      </div>
      {refused && (
        <p className="field-error" role="alert">
          {refused}
        </p>
      )}
    </section>
  );
}
