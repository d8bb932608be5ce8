import { useState } from 'react';
import {
  EXERCISE_KINDS,
  EXERCISE_KIND_REGISTRY,
  type ExerciseKind,
} from '../../practice/exercises';
import { useApp, useAppStoreApi } from '../../store/context';

/**
 * "New exercise", beside the example picker (what to work on): a fresh network of the chosen
 * kind, with numbers short enough to work by hand, opened at the start of its pass (Undo brings
 * back the work before it). Its kind and seed are part of the work and of its share link, so a
 * class opening one link gets the same exercise.
 */
export function ExercisePanel() {
  const store = useAppStoreApi();
  const current = useApp((s) => s.exercise);
  const [kind, setKind] = useState<ExerciseKind>(current?.kind ?? 'sigmoid-2-2-1');
  const [batchOfTwo, setBatchOfTwo] = useState(current?.batchOfTwo ?? false);
  const [refused, setRefused] = useState<string | null>(null);

  return (
    <span className="exercise-choices" role="group" aria-label="Exercise">
      <label className="inline-label">
        Exercise
        <select
          value={kind}
          title={EXERCISE_KIND_REGISTRY[kind].label}
          onChange={(event) => setKind(event.target.value as ExerciseKind)}
        >
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
        className="small"
        title="A fresh network of this kind with short decimals, to work through by hand (Undo brings back your work)"
        onClick={() => setRefused(store.getState().newExercise(kind, batchOfTwo))}
      >
        New exercise
      </button>
      {refused && (
        <span className="field-error exercise-refused" role="alert">
          {refused}
        </span>
      )}
    </span>
  );
}
