import { lossConventionTex } from '../math';
import { formatNumber } from '../math/format';
import { findExample, selectProgress, selectSnapshot, selectStep, selectUpdate } from '../store';
import { useApp } from '../store/context';
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
  const loss = useApp((s) => selectSnapshot(s).loss);
  const atUpdate = useApp((s) => selectStep(s).kind === 'update');
  const newLoss = useApp((s) => (selectStep(s).kind === 'update' ? selectUpdate(s).loss : null));
  const batch = useApp((s) => s.samples.length);
  const digits = useApp((s) => s.view.digits);
  const source = useApp((s) => (s.exampleId ? (findExample(s.exampleId)?.source ?? null) : null));

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
