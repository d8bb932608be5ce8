import { useMemo } from 'react';
import { formatNumber } from '../../math/format';
import type { EpochRecord } from '../../training/runtime';
import { gradientHealth } from '../../training/health';
import { CLASS_COLORS, toCss } from '../../training/palette';
import type { Series } from './chartGeometry';
import { useRun } from './kit';
import { LineChart } from './LineChart';

const WIDTH = 340;
const HEIGHT = 150;
const TRAIN = '#0072b2';
const TEST = '#d55e00';

const pointsOf = (history: EpochRecord[], value: (r: EpochRecord) => number | null) =>
  history.map((r) => [r.epoch, value(r) ?? NaN] as const);

const latest = (history: EpochRecord[], value: (r: EpochRecord) => number | null) => {
  const v = history.length ? value(history[history.length - 1] as EpochRecord) : null;
  return v === null || v === undefined ? '—' : formatNumber(v, 4);
};

/** Training and test loss per epoch. */
export function LossChart() {
  const history = useRun((s) => s.history);
  const series = useMemo<Series[]>(
    () => [
      { name: 'training loss', color: TRAIN, points: pointsOf(history, (r) => r.trainLoss) },
      { name: 'test loss', color: TEST, dash: '5 3', points: pointsOf(history, (r) => r.testLoss) },
    ],
    [history],
  );
  return (
    <section className="panel chart-panel" aria-labelledby="loss-heading">
      <h2 id="loss-heading">Loss</h2>
      <LineChart
        series={series}
        width={WIDTH}
        height={HEIGHT}
        xLabel="epoch"
        testId="loss-chart"
        label={`Loss per epoch: training ${latest(history, (r) => r.trainLoss)}, test ${latest(history, (r) => r.testLoss)} at the latest epoch.`}
      />
    </section>
  );
}

/** Fraction classified right, training and test. */
export function AccuracyChart() {
  const history = useRun((s) => s.history);
  const classification = history.length > 0 && history[0]?.trainAccuracy !== null;
  const series = useMemo<Series[]>(
    () => [
      {
        name: 'training accuracy',
        color: TRAIN,
        points: pointsOf(history, (r) => r.trainAccuracy),
      },
      {
        name: 'test accuracy',
        color: TEST,
        dash: '5 3',
        points: pointsOf(history, (r) => r.testAccuracy),
      },
    ],
    [history],
  );
  if (!classification) return null;
  return (
    <section className="panel chart-panel" aria-labelledby="accuracy-heading">
      <h2 id="accuracy-heading">Accuracy</h2>
      <LineChart
        series={series}
        width={WIDTH}
        height={HEIGHT * 0.8}
        yDomain={[0, 1]}
        xLabel="epoch"
        label={`Accuracy per epoch: training ${latest(history, (r) => r.trainAccuracy)}, test ${latest(history, (r) => r.testAccuracy)}.`}
      />
    </section>
  );
}

/** ‖∂L/∂W^(l)‖ per layer over time on a log scale, and what it says. */
export function GradientHealthChart() {
  const history = useRun((s) => s.history);
  const layers = history[history.length - 1]?.gradientNorms.length ?? 0;
  const series = useMemo<Series[]>(
    () =>
      Array.from({ length: layers }, (_, l) => ({
        name: `layer ${l + 1}`,
        color: toCss(CLASS_COLORS[(l + 1) % CLASS_COLORS.length] ?? [0, 0, 0]),
        points: history
          .filter((r) => r.gradientNorms.length === layers)
          .map((r) => [r.epoch, r.gradientNorms[l] ?? NaN] as const),
      })),
    [history, layers],
  );
  const health = gradientHealth(history[history.length - 1]?.gradientNorms ?? []);
  return (
    <section className="panel chart-panel" aria-labelledby="health-heading">
      <h2 id="health-heading">Gradient health ‖∂L/∂W⁽ˡ⁾‖</h2>
      <LineChart
        series={series}
        width={WIDTH}
        height={HEIGHT}
        log
        xLabel="epoch"
        label={`Gradient norm per layer over time (log scale). ${health.message}`}
      />
      <p className={`health health-${health.level}`} role="status" data-testid="gradient-health">
        {health.level === 'vanishing' || health.level === 'exploding' || health.level === 'stalled'
          ? '⚠ '
          : ''}
        {health.message}
      </p>
    </section>
  );
}
