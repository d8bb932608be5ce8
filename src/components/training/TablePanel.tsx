import { useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { DATA_LIMITS, SCALINGS, TASK_CHOICES, type ScalingId, type TaskChoice } from '../../data';
import { preparedOf, tableColumnsOf, tableReadingOf } from '../../training/selectors';
import { useChoices, useTrainingKit } from './kit';

const INFERRED = 'inferred';

/** The choice of target columns as one value: inferred, one column, or the last k columns. */
function targetValue(targets: number[] | null): string {
  if (!targets) return INFERRED;
  if (targets.length === 1) return `c${targets[0]}`;
  return `last${targets.length}`;
}

function targetsOf(value: string, columns: number): number[] | null {
  if (value === INFERRED) return null;
  if (value.startsWith('c')) return [Number(value.slice(1))];
  const k = Number(value.slice(4));
  return Array.from({ length: k }, (_, j) => columns - k + j);
}

const stat = (v: number) => Number(v.toPrecision(4)).toString();

/**
 * How a table is read: what was inferred (in a sentence), the target column(s), classes or
 * regression, rows with missing values, and how the inputs are scaled (with the statistics).
 */
export function TablePanel() {
  const { choices } = useTrainingKit();
  const reading = useChoices((s) => s.reading);
  const scaling = useChoices((s) => s.scaling);
  const read = useChoices(tableReadingOf);
  const columns = useChoices(useShallow(tableColumnsOf));
  const data = useChoices(preparedOf);
  const [error, setError] = useState<string | null>(null);
  const c = () => choices.getState();
  if (!read) return null;
  const n = columns.length;
  const lastGroups = Array.from(
    { length: Math.min(DATA_LIMITS.maxTargets, n - 1) - 1 },
    (_, i) => i + 2,
  );
  const scale = data.scale;

  return (
    <div className="table-panel">
      {read.ok && (
        <p className="hint table-inferred" data-testid="data-inferred">
          {read.inferred}
        </p>
      )}
      <div className="field-grid">
        <label className="stacked">
          Target
          <select
            aria-label="Target column"
            value={targetValue(reading.targets)}
            onChange={(e) => setError(c().setReading({ targets: targetsOf(e.target.value, n) }))}
          >
            <option value={INFERRED}>as inferred</option>
            {columns.map((name, i) => (
              <option key={i} value={`c${i}`}>
                {name}
              </option>
            ))}
            {lastGroups.map((k) => (
              <option key={`last${k}`} value={`last${k}`}>
                the last {k} columns
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          Target as
          <select
            aria-label="Target as"
            value={reading.task}
            onChange={(e) => setError(c().setReading({ task: e.target.value as TaskChoice }))}
          >
            {TASK_CHOICES.map((t) => (
              <option
                key={t.id}
                value={t.id}
                disabled={read.ok && t.id !== 'auto' ? !read.allows[t.id] : false}
              >
                {t.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {(reading.dropMissing || (read.ok && read.dropped.length > 0)) && (
        <label className="inline-label">
          <input
            type="checkbox"
            checked={reading.dropMissing}
            onChange={(e) => setError(c().setReading({ dropMissing: e.target.checked }))}
          />
          Leave out rows with missing values
        </label>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      <label className="stacked">
        Inputs
        <select
          aria-label="Input scaling"
          value={scaling}
          onChange={(e) => setError(c().setScaling(e.target.value as ScalingId))}
        >
          {SCALINGS.map((s) => (
            <option key={s.id} value={s.id}>
              {s.label}
            </option>
          ))}
        </select>
      </label>
      {scale ? (
        <details className="scale-details">
          <summary data-testid="scale-summary">
            {scale.kind === 'standard'
              ? 'Each input minus its mean, divided by its standard deviation'
              : 'Each input minus its minimum, divided by its range'}{' '}
            (of the {data.train.count} training points)
          </summary>
          <table className="scale-table">
            <thead>
              <tr>
                <th scope="col">input</th>
                <th scope="col">{scale.kind === 'standard' ? 'mean' : 'minimum'}</th>
                <th scope="col">{scale.kind === 'standard' ? 'deviation' : 'range'}</th>
              </tr>
            </thead>
            <tbody>
              {data.inputNames.map((name, i) =>
                i < scale.offset.length ? (
                  <tr key={i}>
                    <th scope="row">{name}</th>
                    <td>{stat(scale.offset[i] as number)}</td>
                    <td>{scale.constant[i] ? '0 (÷ 1)' : stat(scale.factor[i] as number)}</td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </details>
      ) : (
        <p className="hint">The inputs go into the network as they are in the file.</p>
      )}
    </div>
  );
}
