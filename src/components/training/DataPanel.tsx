import { useState } from 'react';
import { DATA_LIMITS, DATASETS, DEFAULT_READING, TASK_NAMES, type DatasetKind } from '../../data';
import {
  loadRealText,
  REAL_DATASETS,
  realDataset,
  type RealDatasetId,
} from '../../data/realDatasets';
import { preparedOf } from '../../training/selectors';
import { TRAINING_LIMITS } from '../../training/store';
import { readAhead, readTableOffThread } from '../../training/tableClient';
import { NumberField } from '../controls/NumberField';
import { CsvPanel } from './CsvPanel';
import { useChoices, useTrainingKit } from './kit';
import { PictureExamples } from './PictureExamples';
import { ReadProgress } from './ReadProgress';
import { TablePanel } from './TablePanel';

const CSV_OPTION = 'csv';
const REAL_PREFIX = 'real:';

/** Which data: a generated set (kind, noise, size, seed, split), a dataset in the box, or a CSV. */
export function DataPanel() {
  const { choices, controller } = useTrainingKit();
  const source = useChoices((s) => s.source);
  const dataset = useChoices((s) => s.dataset);
  const real = useChoices((s) => s.real);
  const csvName = useChoices((s) => s.csv?.name ?? null);
  const noise = useChoices((s) => s.noise);
  const count = useChoices((s) => s.count);
  const seed = useChoices((s) => s.dataSeed);
  const fraction = useChoices((s) => s.trainFraction);
  const data = useChoices(preparedOf);
  const [progress, setProgress] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);
  const c = () => choices.getState();
  const generated = source === 'generated';
  const value =
    source === 'generated' ? dataset : source === 'real' ? `${REAL_PREFIX}${real}` : CSV_OPTION;

  const choose = async (next: string) => {
    setError(null);
    if (next === CSV_OPTION) {
      const csv = c().csv;
      if (csv) setError(c().loadCsv(csv.text, csv.name));
    } else if (next.startsWith(REAL_PREFIX)) {
      const id = next.slice(REAL_PREFIX.length) as RealDatasetId;
      setProgress(0);
      // In turn with training: "One epoch" clicked while the dataset loads trains on it.
      await controller.changeData(async () => {
        let text: string;
        try {
          text = await loadRealText(id);
        } catch {
          setProgress(null);
          setError(
            `${realDataset(id).name} could not be loaded: check the connection and choose it again.`,
          );
          return;
        }
        const next = () => ({
          ...c(),
          source: 'real' as const,
          real: id,
          reading: DEFAULT_READING,
        });
        await readTableOffThread(text, setProgress, next());
        await readAhead(next());
        setProgress(null);
        setError(c().setReal(id));
      });
    } else {
      setError(c().setDataset(next as DatasetKind));
    }
  };
  const shown = source === 'real' ? realDataset(real) : null;

  return (
    <section className="panel data-panel" aria-labelledby="data-heading">
      <h2 id="data-heading">Data</h2>
      <label className="stacked">
        Dataset
        <select value={value} onChange={(e) => void choose(e.target.value)}>
          <optgroup label="Generated">
            {DATASETS.map((d) => (
              <option key={d.kind} value={d.kind}>
                {d.name}
              </option>
            ))}
          </optgroup>
          <optgroup label="Real data">
            {REAL_DATASETS.map((d) => (
              <option key={d.id} value={`${REAL_PREFIX}${d.id}`}>
                {d.name}
              </option>
            ))}
          </optgroup>
          {csvName !== null && <option value={CSV_OPTION}>Your CSV: {csvName}</option>}
        </select>
      </label>
      {progress !== null && <ReadProgress fraction={progress} label="Reading the dataset" />}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {shown && (
        <p className="hint dataset-source" data-testid="dataset-source">
          Source: {shown.source} Licence:{' '}
          <a href={shown.url} target="_blank" rel="noreferrer">
            {shown.licence}
          </a>
          .
        </p>
      )}
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
        {data.train.count} training and {data.test.count} test points · {data.inputNames.length}{' '}
        input{data.inputNames.length === 1 ? '' : 's'} ·{' '}
        {data.task === 'multiclass' ? `${data.targetNames.length} classes` : TASK_NAMES[data.task]}
      </p>
      <PictureExamples />
      {!generated && <TablePanel />}
      <CsvPanel />
    </section>
  );
}
