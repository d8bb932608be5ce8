import { useId, useState, type ChangeEvent } from 'react';
import { DATA_LIMITS } from '../../data';
import { useChoices, useTrainingKit } from './kit';

const EXAMPLE = 'x1,x2,label\n0.5,1.2,1\n-1.0,0.3,0\n2.1,-0.7,1\n-0.4,-1.5,0';

/**
 * Paste or load a CSV. Nothing changes until it reads without a problem; a problem is shown
 * beside the field with its line number, and the current data stays.
 */
export function CsvPanel() {
  const { choices } = useTrainingKit();
  const loaded = useChoices((s) => s.csv);
  const active = useChoices((s) => s.source === 'csv');
  const [text, setText] = useState(loaded?.text ?? '');
  const [columns, setColumns] = useState<number | null>(loaded?.inputColumns ?? null);
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const id = useId();

  const adopt = (source: string, name: string, inputColumns = columns) => {
    const problem = choices.getState().loadCsv(source, inputColumns, name);
    setError(problem);
    setDone(problem ? null : `Using ${name}.`);
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > DATA_LIMITS.maxCsvChars * 4) {
      setError(
        `${file.name} is ${Math.round(file.size / 1024)} KB; at most ${DATA_LIMITS.maxCsvChars / 1000} thousand characters.`,
      );
      return;
    }
    const content = await file.text();
    setText(content);
    adopt(content, file.name.slice(0, 80));
  };

  return (
    <details className="csv-panel" open={active || undefined}>
      <summary>Your own data (CSV)</summary>
      <p className="hint">
        Numbers separated by commas, one point per line, an optional header line. The first columns
        are inputs and the rest targets: one column of 0/1 for two classes, one-hot columns for
        several, anything else is regression. Up to {DATA_LIMITS.maxPoints} rows.
      </p>
      <label htmlFor={`${id}-text`} className="stacked">
        CSV data
      </label>
      <textarea
        id={`${id}-text`}
        rows={5}
        spellCheck={false}
        placeholder={EXAMPLE}
        value={text}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onChange={(e) => setText(e.target.value)}
      />
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid="csv-error">
          {error}
        </p>
      )}
      {done && !error && (
        <p className="status-ok" role="status">
          {done}
        </p>
      )}
      <div className="csv-row">
        <label className="inline-label">
          Inputs
          <select
            value={columns ?? ''}
            onChange={(e) => {
              const next = e.target.value === '' ? null : Number(e.target.value);
              setColumns(next);
              if (active) {
                const problem = choices.getState().setCsvInputColumns(next);
                setError(problem);
              }
            }}
          >
            <option value="">all columns but the last</option>
            {Array.from({ length: DATA_LIMITS.maxInputs }, (_, i) => i + 1).map((k) => (
              <option key={k} value={k}>
                the first {k} column{k === 1 ? '' : 's'}
              </option>
            ))}
          </select>
        </label>
      </div>
      <div className="row-buttons">
        <button type="button" onClick={() => adopt(text, 'pasted data')}>
          Use this CSV
        </button>
        <label className="file-button">
          Load a CSV file…
          <input type="file" accept=".csv,.txt,text/csv,text/plain" onChange={onFile} />
        </label>
        {active && (
          <button
            type="button"
            onClick={() => {
              choices.getState().useGenerated();
              setDone(null);
            }}
          >
            Back to generated data
          </button>
        )}
      </div>
    </details>
  );
}
