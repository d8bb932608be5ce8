import { lossConventionTex } from '../math';
import { formatNumber } from '../math/format';
import { findExample, selectProgress, selectShownPass, selectStep } from '../store';
import { useApp } from '../store/context';
import { exerciseTitle } from '../practice/exercises';
import { Tex } from './equations/Tex';

/** The loss in force, written out; its value once the pass has reached it; the new loss after the update. */
export function LossPanel() {
  const convention = useApp((s) =>
    lossConventionTex(
      s.network.loss,
      s.notation,
      s.network.layers[s.network.layers.length - 1]?.biases.length ?? 1,
    ),
  );
  const shown = useApp((s) => selectProgress(s).lossShown);
  // The pass as shown: a loss the learner is asked to predict is NaN, written "?".
  const loss = useApp((s) => selectShownPass(s).snapshot.loss);
  const atUpdate = useApp((s) => selectStep(s).kind === 'update');
  const newLoss = useApp((s) => selectShownPass(s).updated?.loss ?? null);
  const batch = useApp((s) => s.samples.length);
  const digits = useApp((s) => s.view.digits);
  const source = useApp((s) =>
    s.exampleId
      ? (findExample(s.exampleId)?.source ?? null)
      : s.exercise
        ? `${exerciseTitle(s.exercise)}. Every number has at most two decimals, to work through by hand. The same kind and seed give the same numbers, so one share link gives a whole class this exercise.`
        : null,
  );

  return (
    <div className="loss-panel">
      <div className="loss-convention">
        <span className="muted">
          Loss in force{batch > 1 ? ` (mean over ${batch} samples)` : ''}:
        </span>{' '}
        <Tex tex={convention} />
      </div>
      <div className="loss-value">
        Loss <strong data-testid="loss-value">{shown ? formatNumber(loss, digits) : '—'}</strong>
        {atUpdate && newLoss !== null && (
          <>
            {' '}
            → after the update{' '}
            <strong data-testid="new-loss-value">{formatNumber(newLoss, digits)}</strong>
          </>
        )}
      </div>
      {source && <p className="example-source">{source}</p>}
    </div>
  );
}
