import { NOTATION_IDS, notationOf } from '../../math';
import { exerciseTitle } from '../../practice/exercises';
import { EXAMPLES, type NotationId } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { ExercisePanel } from './ExercisePanel';

/** Which example or exercise, which notation, and how the diagram draws. */
export function TopBar() {
  const store = useAppStoreApi();
  const exampleId = useApp((s) => s.exampleId);
  const exercise = useApp((s) => s.exercise);
  const notation = useApp((s) => s.notation);
  const view = useApp((s) => s.view);

  return (
    <div className="top-bar">
      {!view.hidden.includes('examples') && (
        <span className="inline-label">
          <label className="inline-label">
            Example
            <select
              value={exampleId ?? ''}
              // The box may be narrower than the title: the whole of it on hover.
              title={
                exercise
                  ? exerciseTitle(exercise)
                  : EXAMPLES.find((example) => example.id === exampleId)?.title
              }
              onChange={(event) => {
                if (event.target.value) store.getState().loadExample(event.target.value);
              }}
            >
              {exampleId === null && (
                <option value="">
                  {exercise ? exerciseTitle(exercise) : '(your own network)'}
                </option>
              )}
              {EXAMPLES.map((example) => (
                <option key={example.id} value={example.id}>
                  {example.title}
                </option>
              ))}
            </select>
          </label>
          {(exampleId !== null || exercise) && (
            <button
              type="button"
              className="small"
              title={`Open the ${exercise ? 'exercise' : 'example'} again as it was, at the start of a pass (Undo brings back your version)`}
              onClick={() =>
                exercise
                  ? store.getState().newExercise(exercise.kind, exercise.batchOfTwo, exercise.seed)
                  : exampleId !== null && store.getState().loadExample(exampleId)
              }
            >
              Start over
            </button>
          )}
        </span>
      )}
      {!view.hidden.includes('examples') && <ExercisePanel />}
      {!view.hidden.includes('notation') && (
        <label className="inline-label">
          Notation
          <select
            value={notation}
            title={notationOf(notation).name}
            onChange={(event) => store.getState().setNotation(event.target.value as NotationId)}
          >
            {NOTATION_IDS.map((id) => (
              <option key={id} value={id}>
                {notationOf(id).name}
              </option>
            ))}
          </select>
        </label>
      )}
      <label className="inline-label">
        Edges show
        <select
          value={view.edgeMode}
          onChange={(event) =>
            store
              .getState()
              .setView({ edgeMode: event.target.value === 'gradients' ? 'gradients' : 'weights' })
          }
        >
          <option value="weights">weights w</option>
          <option value="gradients">gradients ∂L/∂w</option>
        </select>
      </label>
      <label className="inline-label">
        Digits
        <select
          value={view.digits}
          onChange={(event) => store.getState().setView({ digits: Number(event.target.value) })}
        >
          {[4, 5, 6, 8].map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      {!view.hidden.includes('matrix') && (
        <label className="inline-label">
          <input
            type="checkbox"
            checked={view.matrixView}
            onChange={(event) => store.getState().setView({ matrixView: event.target.checked })}
          />
          Matrix form
        </label>
      )}
    </div>
  );
}
