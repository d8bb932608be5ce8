import { useShallow } from 'zustand/react/shallow';
import { notationFor } from '../../math/notations';
import { kindName } from '../../practice/names';
import { QUANTITY_KINDS } from '../../practice/types';
import { useApp, useAppStoreApi } from '../../store/context';

/** Right at the first try out of asked, per kind of quantity, and "Reset score". */
export function PredictScore() {
  const store = useAppStoreApi();
  const score = useApp((s) => s.predict.score);
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const kinds = useApp(useShallow((s) => QUANTITY_KINDS.filter((k) => s.predict.score[k])));

  return (
    <div className="predict-score">
      <span className="muted">Score, right at the first try:</span>
      {kinds.length === 0 ? (
        <span className="muted"> none yet</span>
      ) : (
        <ul aria-label="Score" data-testid="predict-score">
          {kinds.map((kind) => (
            <li key={kind}>
              {kindName(kind, notation)}{' '}
              <strong>
                {score[kind]?.right ?? 0}/{score[kind]?.asked ?? 0}
              </strong>
            </li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => store.getState().resetScore()}>
        Reset score
      </button>
    </div>
  );
}
