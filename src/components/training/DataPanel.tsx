import { DATA_LIMITS, DATASETS, TASK_NAMES, type DatasetKind } from '../../data';
import { preparedOf } from '../../training/selectors';
import { TRAINING_LIMITS } from '../../training/store';
import { NumberField } from '../controls/NumberField';
import { CsvPanel } from './CsvPanel';
import { useChoices, useTrainingKit } from './kit';

const CSV_OPTION = 'csv';

/** Which data: a generated set (kind, noise, size, seed, split) or the learner's CSV. */
export function DataPanel() {
  const { choices } = useTrainingKit();
  const source = useChoices((s) => s.source);
  const dataset = useChoices((s) => s.dataset);
  const csvName = useChoices((s) => s.csv?.name ?? null);
  const noise = useChoices((s) => s.noise);
  const count = useChoices((s) => s.count);
  const seed = useChoices((s) => s.dataSeed);
  const fraction = useChoices((s) => s.trainFraction);
  const data = useChoices(preparedOf);
  const c = () => choices.getState();
  const generated = source === 'generated';

  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <label className="stacked">
        Dataset
        <select
          value={generated ? dataset : CSV_OPTION}
          onChange={(e) =>
            e.target.value === CSV_OPTION
              ? c().loadCsv(
                  c().csv?.text ?? '',
                  c().csv?.inputColumns ?? null,
                  csvName ?? undefined,
                )
              : c().setDataset(e.target.value as DatasetKind)
          }
        >
          {DATASETS.map((d) => (
            <option key={d.kind} value={d.kind}>
              {d.name}
            </option>
          ))}
          {csvName !== null && <option value={CSV_OPTION}>Your CSV: {csvName}</option>}
        </select>
      </label>
      {generated && (
        <div className="field-grid">
          <NumberField
            label="Noise"
            value={noise}
            min={0}
            max={DATA_LIMITS.maxNoise}
            step={0.05}
            digits={3}
            onCommit={(v) => c().setNoise(v)}
          />
          <NumberField
            label="Points"
            value={count}
            min={DATA_LIMITS.minPoints}
            max={DATA_LIMITS.maxPoints}
            step={50}
            digits={5}
            onCommit={(v) => c().setCount(v)}
          />
        </div>
      )}
      <div className="field-grid">
        <NumberField
          label="Training share"
          value={fraction}
          min={DATA_LIMITS.minTrainFraction}
          max={DATA_LIMITS.maxTrainFraction}
          step={0.05}
          digits={3}
          onCommit={(v) => c().setTrainFraction(v)}
        />
        <NumberField
          label="Data seed"
          value={seed}
          min={0}
          max={TRAINING_LIMITS.maxSeed}
          step={1}
          digits={10}
          onCommit={(v) => c().setDataSeed(v)}
        />
      </div>
      <div className="row-buttons">
        <button type="button" onClick={() => c().regenerate()}>
          {generated ? 'Regenerate' : 'New split'}
        </button>
      </div>
      <p className="hint" data-testid="data-summary">
        {data.train.length} training and {data.test.length} test points · {data.inputNames.length}{' '}
        input{data.inputNames.length === 1 ? '' : 's'} ·{' '}
        {data.task === 'multiclass' ? `${data.targetNames.length} classes` : TASK_NAMES[data.task]}
      </p>
      <CsvPanel />
    </section>
  );
}
