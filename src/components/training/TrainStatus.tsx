import { formatNumber } from '../../math/format';
import { useRun } from './kit';

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`;

/** Where training is: epoch, the latest losses and accuracies, and how fast it runs. */
export function TrainStatus() {
  const epoch = useRun((s) => s.epoch);
  const examplesSeen = useRun((s) => s.examplesSeen);
  const last = useRun((s) => s.history[s.history.length - 1] ?? null);
  const running = useRun((s) => s.status === 'running');
  const perSecond = useRun((s) => s.examplesPerSecond);
  const gridMs = useRun((s) => s.gridMs);
  const paintMs = useRun((s) => s.paintMs);
  const gridPoints = useRun((s) => s.gridPoints);
  const stopReason = useRun((s) => s.stopReason);

  return (
    <div className="train-status">
      <span>
        Epoch{' '}
        <strong data-testid="train-epoch" data-examples={examplesSeen}>
          {formatNumber(epoch, epoch < 10 ? 3 : 5)}
        </strong>
      </span>
      <span>
        Training loss{' '}
        <strong data-testid="train-loss">{last ? formatNumber(last.trainLoss, 4) : '—'}</strong>
      </span>
      <span>
        Test loss{' '}
        <strong data-testid="test-loss">{last ? formatNumber(last.testLoss, 4) : '—'}</strong>
      </span>
      {last && last.trainAccuracy !== null && (
        <span>
          Accuracy <strong data-testid="train-accuracy">{percent(last.trainAccuracy)}</strong>{' '}
          training, <strong data-testid="test-accuracy">{percent(last.testAccuracy)}</strong> test
        </span>
      )}
      {running && perSecond > 0 && (
        <span className="muted" data-testid="examples-per-second" data-value={perSecond}>
          {Math.round(perSecond).toLocaleString('en-US')} examples/s
        </span>
      )}
      {gridMs !== null && (
        <span
          className="muted"
          data-testid="grid-time"
          data-value={gridMs}
          data-paint={paintMs ?? undefined}
        >
          output over {gridPoints.toLocaleString('en-US')} points in {formatNumber(gridMs, 2)} ms
        </span>
      )}
      {stopReason && !running && (
        <span className="stop-reason" role="status">
          {stopReason === 'epochs'
            ? 'Stopped: reached the epoch limit.'
            : 'Stopped: the training loss reached the target.'}
        </span>
      )}
    </div>
  );
}
