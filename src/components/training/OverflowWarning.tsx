import { formatNumber } from '../../math/format';
import type { OverflowReport } from '../../training/runtime';
import { useAppStoreApi } from '../../store/context';
import { useRun, useTrainingKit } from './kit';

function what(o: OverflowReport): string {
  // formatNumber writes NaN as "?", a number not shown yet; here it is a number no longer.
  const value = Number.isNaN(o.value) ? 'NaN (not a number)' : formatNumber(o.value, 3);
  switch (o.kind) {
    case 'loss':
      return `the loss became ${value}`;
    case 'gradient':
      return `a gradient in layer ${o.layer} became ${value}`;
    case 'weight':
      return `a weight in layer ${o.layer} grew to ${value}, beyond ±10⁶`;
    case 'bias':
      return `a bias in layer ${o.layer} grew to ${value}, beyond ±10⁶`;
  }
}

/** Overflow: training paused itself; say what happened, what was kept and what to try. */
export function OverflowWarning() {
  const app = useAppStoreApi();
  const { run, controller } = useTrainingKit();
  const overflow = useRun((s) => s.overflow);
  if (!overflow) return null;
  const lower = Number((overflow.learningRate / 10).toPrecision(3));
  const smaller = formatNumber(lower, 3);
  return (
    <div className="overflow-warning" role="alert" data-testid="overflow-warning">
      <div>
        <strong>Training paused: the numbers overflowed.</strong> In epoch {overflow.epoch + 1},
        mini-batch {overflow.batch}, {what(overflow)}. The network from just before that step is
        kept — nothing was lost. Try a smaller learning rate (η ={' '}
        {formatNumber(overflow.learningRate, 3)} now; {smaller} is a start), L2 regularization, a
        bounded activation such as tanh, or Reset.
      </div>
      <div className="row-buttons">
        {lower > 0 && (
          <button
            type="button"
            onClick={() => {
              app.getState().setLearningRate(lower);
              run.setState({ overflow: null });
              void controller.reset(false);
            }}
          >
            Use η = {smaller} and reset
          </button>
        )}
        <button type="button" onClick={() => run.setState({ overflow: null })}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
