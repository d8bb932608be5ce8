import { formatNumber } from '../../math/format';
import { useApp } from '../../store/context';
import { optimizerLabel } from '../../training/race';
import type { EpochRecord } from '../../training/runtime';
import { useChoices, useRun } from './kit';

export const percent = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : `${(v * 100).toFixed(1)} %`;

/** A run's latest losses and accuracies; `prefix` tells the race's second run's test ids apart. */
function Readouts({ last, prefix = '' }: { last: EpochRecord | null; prefix?: string }) {
  return (
    <>
      <span>
        Training loss{' '}
        <strong data-testid={`${prefix}train-loss`}>
          {last ? formatNumber(last.trainLoss, 4) : '—'}
        </strong>
      </span>
      <span>
        Test loss{' '}
        <strong data-testid={`${prefix}test-loss`}>
          {last ? formatNumber(last.testLoss, 4) : '—'}
        </strong>
      </span>
      {last && last.trainAccuracy !== null && (
        <span>
          Accuracy{' '}
          <strong data-testid={`${prefix}train-accuracy`}>{percent(last.trainAccuracy)}</strong>{' '}
          training,{' '}
          <strong data-testid={`${prefix}test-accuracy`}>{percent(last.testAccuracy)}</strong> test
        </span>
      )}
    </>
  );
}

/** The race: each optimizer by name with its latest losses and accuracies. */
function RaceReadouts({ last }: { last: EpochRecord | null }) {
  const first = useApp((s) => s.optimizer);
  const second = useChoices((s) => s.raceOptimizer);
  const race = useRun((s) => s.race);
  const running = useRun((s) => s.status === 'running');
  const speeds = useRun((s) => s.raceExamplesPerSecond);
  if (!race) return null;
  // Each optimizer's own speed: the examples over its own steps' time (both see the same ones).
  const speed = (perSecond: number | undefined, testId: string) =>
    running && perSecond !== undefined && perSecond > 0 ? (
      <span className="muted" data-testid={testId} data-value={perSecond}>
        {Math.round(perSecond).toLocaleString('en-US')} examples/s of its own time
      </span>
    ) : null;
  const raceLast = race.history[race.history.length - 1] ?? null;
  return (
    <div className="race-status" role="group" aria-label="The race">
      <div className="race-line" data-testid="race-first">
        <span className="race-swatch race-first" aria-hidden="true" />
        <strong className="race-name">{optimizerLabel(first)}</strong>
        <Readouts last={last} />
        {speed(speeds?.first, 'race-first-speed')}
      </div>
      <div className="race-line" data-testid="race-second">
        <span className="race-swatch race-second" aria-hidden="true" />
        <strong className="race-name">{optimizerLabel(second)}</strong>
        <Readouts last={raceLast} prefix="race-" />
        {!race.out && speed(speeds?.second, 'race-second-speed')}
        {race.out && (
          <span className="stop-reason" role="status">
            Out of the race: a {race.out.kind} overflowed in epoch {race.out.epoch + 1}; its curve
            ends there.
          </span>
        )}
      </div>
    </div>
  );
}

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
  const racing = useRun((s) => s.race !== null);

  return (
    <div className="train-status">
      <span>
        Epoch{' '}
        <strong data-testid="train-epoch" data-examples={examplesSeen}>
          {formatNumber(epoch, epoch < 10 ? 3 : 5)}
        </strong>
      </span>
      {!racing && <Readouts last={last} />}
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
      {racing && <RaceReadouts last={last} />}
    </div>
  );
}
