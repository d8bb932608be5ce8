import { useMemo } from 'react';
import type { Optimizer } from '../../engine';
import { formatNumber } from '../../math/format';
import { useApp } from '../../store/context';
import { optimizerLabel } from '../../training/race';
import type { EpochRecord } from '../../training/runtime';
import { gradientHealth } from '../../training/health';
import { CLASS_COLORS, toCss } from '../../training/palette';
import type { Series } from './chartGeometry';
import { useChoices, useRun } from './kit';
import { LineChart } from './LineChart';

const WIDTH = 340;
const HEIGHT = 150;
const TRAIN = '#0072b2';
const TEST = '#d55e00';
/** In a race, a color per optimizer (the first's is TRAIN's), training solid and test dashed. */
export const RACE_COLORS: readonly string[] = [TRAIN, '#cc79a7'];

const pointsOf = (history: EpochRecord[], value: (r: EpochRecord) => number | null) =>
  history.map((r) => [r.epoch, value(r) ?? NaN] as const);

const latest = (history: EpochRecord[], value: (r: EpochRecord) => number | null) => {
  const v = history.length ? value(history[history.length - 1] as EpochRecord) : null;
  return v === null || v === undefined ? '—' : formatNumber(v, 4);
};

type Measure = 'loss' | 'accuracy';

const TRAIN_VALUE: Record<Measure, (r: EpochRecord) => number | null> = {
  loss: (r) => r.trainLoss,
  accuracy: (r) => r.trainAccuracy,
};
const TEST_VALUE: Record<Measure, (r: EpochRecord) => number | null> = {
  loss: (r) => r.testLoss,
  accuracy: (r) => r.testAccuracy,
};

/** The race's two runs, each named by its optimizer and settings (null: no race). */
function useRace(): { runs: { name: string; history: EpochRecord[] }[] } | null {
  const first: Optimizer = useApp((s) => s.optimizer);
  const second = useChoices((s) => s.raceOptimizer);
  const history = useRun((s) => s.history);
  const race = useRun((s) => s.race);
  return useMemo(
    () =>
      race && {
        runs: [
          { name: optimizerLabel(first), history },
          { name: optimizerLabel(second), history: race.history },
        ],
      },
    [first, second, history, race],
  );
}

/** Training and test curves of one run, or of each of the race's two, named in the legend. */
function useCurves(measure: Measure): { series: Series[]; label: string } {
  const history = useRun((s) => s.history);
  const race = useRace();
  return useMemo(() => {
    const train = TRAIN_VALUE[measure];
    const test = TEST_VALUE[measure];
    if (!race) {
      return {
        series: [
          { name: `training ${measure}`, color: TRAIN, points: pointsOf(history, train) },
          { name: `test ${measure}`, color: TEST, dash: '5 3', points: pointsOf(history, test) },
        ],
        label: `training ${latest(history, train)}, test ${latest(history, test)}`,
      };
    }
    const series = race.runs.flatMap((run, k): Series[] => [
      {
        name: `${run.name}: training`,
        color: RACE_COLORS[k] ?? TRAIN,
        points: pointsOf(run.history, train),
      },
      {
        name: `${run.name}: test`,
        color: RACE_COLORS[k] ?? TRAIN,
        dash: '5 3',
        points: pointsOf(run.history, test),
      },
    ]);
    const label = race.runs
      .map((run) => {
        const last = run.history[run.history.length - 1];
        return `${run.name}: training ${valueText(last && train(last))}, test ${valueText(last && test(last))}`;
      })
      .join('; ');
    return { series, label };
  }, [history, race, measure]);
}

const valueText = (v: number | null | undefined) =>
  v === null || v === undefined ? '—' : formatNumber(v, 4);

/** Training and test loss per epoch; in a race, each optimizer's. */
export function LossChart() {
  const { series, label } = useCurves('loss');
  return (
    <section className="panel chart-panel" aria-labelledby="loss-heading">
      <h2 id="loss-heading">Loss</h2>
      <LineChart
        series={series}
        width={WIDTH}
        height={HEIGHT}
        xLabel="epoch"
        testId="loss-chart"
        label={`Loss per epoch: ${label} at the latest epoch.`}
      />
    </section>
  );
}

/** Fraction classified right, training and test. */
export function AccuracyChart() {
  const history = useRun((s) => s.history);
  const classification = history.length > 0 && history[0]?.trainAccuracy !== null;
  const { series, label } = useCurves('accuracy');
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
        label={`Accuracy per epoch: ${label}.`}
      />
    </section>
  );
}

/** ‖∂L/∂W^(l)‖ per layer over time on a log scale, and what it says; in a race, each run's. */
export function GradientHealthChart() {
  const history = useRun((s) => s.history);
  const race = useRace();
  const layers = history[history.length - 1]?.gradientNorms.length ?? 0;
  const runs = useMemo(() => race?.runs ?? [{ name: '', history }], [race, history]);
  const series = useMemo<Series[]>(
    () =>
      runs.flatMap((run, k) =>
        Array.from({ length: layers }, (_, l) => ({
          name: run.name ? `${run.name}: layer ${l + 1}` : `layer ${l + 1}`,
          color: toCss(CLASS_COLORS[(l + 1) % CLASS_COLORS.length] ?? [0, 0, 0]),
          // The race's second run dashed, as its test curves are.
          ...(k > 0 ? { dash: '5 3' } : {}),
          points: run.history
            .filter((r) => r.gradientNorms.length === layers)
            .map((r) => [r.epoch, r.gradientNorms[l] ?? NaN] as const),
        })),
      ),
    [runs, layers],
  );
  const healths = runs.map((run) => ({
    name: run.name,
    health: gradientHealth(run.history[run.history.length - 1]?.gradientNorms ?? []),
  }));
  const said = healths.map((h) => (h.name ? `${h.name}: ` : '') + h.health.message).join(' ');
  return (
    <section className="panel chart-panel" aria-labelledby="health-heading">
      <h2 id="health-heading">Gradient health ‖∂L/∂W⁽ˡ⁾‖</h2>
      <LineChart
        series={series}
        width={WIDTH}
        height={HEIGHT}
        log
        xLabel="epoch"
        label={`Gradient norm per layer over time (log scale)${race ? ', the second run dashed' : ''}. ${said}`}
      />
      {healths.map(({ name, health }, k) => (
        <p
          key={k}
          className={`health health-${health.level}`}
          role="status"
          data-testid={k === 0 ? 'gradient-health' : 'race-gradient-health'}
        >
          {health.level === 'vanishing' ||
          health.level === 'exploding' ||
          health.level === 'stalled'
            ? '⚠ '
            : ''}
          {name && <strong>{name}: </strong>}
          {health.message}
        </p>
      ))}
    </section>
  );
}
