import { useId, useState, type ChangeEvent } from 'react';
import { DATA_LIMITS, DEFAULT_READING } from '../../data';
import { rememberTextBytes } from '../../training/storedTexts';
import { readAhead, readTableOffThread } from '../../training/tableClient';
import { readingFor } from '../../training/tables';
import { useChoices, useTrainingKit } from './kit';
import { ReadProgress } from './ReadProgress';

const EXAMPLE = 'x1,x2,label\n0.5,1.2,yes\n-1.0,0.3,no\n2.1,-0.7,yes\n-0.4,-1.5,no';
const count = (n: number) => n.toLocaleString('en-US');
const SHOWN_CHARS = 200_000;

/**
 * Paste or load a CSV. It is read in a worker (a progress bar meanwhile); nothing changes until it
 * reads without a problem; a problem is shown beside the field with its line number, and the
 * current data stays. Missing values are listed, with the choice to leave out their rows.
 */
export function CsvPanel() {
  const { choices, controller } = useTrainingKit();
  const loaded = useChoices((s) => s.csv);
  const active = useChoices((s) => s.source === 'csv');
  // A large file is not shown (a textarea of megabytes takes long to set up, at every start).
  const [text, setText] = useState(loaded && loaded.text.length <= SHOWN_CHARS ? loaded.text : '');
  const [error, setError] = useState<string | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const [progress, setProgress] = useState<number | null>(null);
  /** A file whose rows with missing values could be left out. */
  const [droppable, setDroppable] = useState<{ text: string; name: string } | null>(null);
  const id = useId();

  // In turn with training: "One epoch" clicked while the file is read trains on it.
  const adopt = (source: string, name: string, dropMissing = false) =>
    controller.changeData(async () => {
      setDone(null);
      setDroppable(null);
      setProgress(0);
      const reading = { ...DEFAULT_READING, dropMissing };
      const csv = { name, text: source };
      // The worker also reads the data as it will be used, and splits it.
      const next = { ...choices.getState(), source: 'csv' as const, csv, reading };
      const table = await readTableOffThread(source, setProgress, next);
      setProgress(null);
      if (!table.ok) {
        setError(table.error);
        return;
      }
      await readAhead({
        ...choices.getState(),
        source: 'csv',
        csv,
        reading,
      });
      const problem = choices.getState().loadCsv(source, name, reading);
      setError(problem);
      if (problem && !dropMissing) {
        const read = readingFor(source, reading);
        const rest = readingFor(source, { ...reading, dropMissing: true });
        if (!read.ok && read.missing.length > 0 && rest.ok) setDroppable({ text: source, name });
      }
      if (!problem) setDone(`Using ${name}.`);
    });

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > DATA_LIMITS.maxFileBytes) {
      setDone(null);
      setError(
        `${file.name} has ${count(file.size)} bytes; a file can have at most ${count(DATA_LIMITS.maxFileBytes)} (5 MB).`,
      );
      return;
    }
    // The bytes kept apart from the file (which may change on disk), for the worker and storage.
    const bytes = new Blob([await file.arrayBuffer()], { type: 'text/plain' });
    const content = await bytes.text();
    rememberTextBytes(content, bytes);
    // A large file is not shown (a textarea of megabytes is slow to draw).
    setText(content.length <= SHOWN_CHARS ? content : '');
    await adopt(content, file.name.slice(0, 80));
  };

  return (
    <details className="csv-panel" open={active || undefined}>
      <summary>Your own data (CSV)</summary>
      <p className="hint">
        A table with a header line: numbers, and a target column of numbers or names (the last
        column, or one named label, class, target or y; one-hot columns for classes work too).
        Commas, semicolons or tabs. Up to {count(DATA_LIMITS.maxRows)} rows, {DATA_LIMITS.maxInputs}{' '}
        inputs, {DATA_LIMITS.maxClasses} classes and 5 MB.
      </p>
      <p className="hint">
        Pictures: when the inputs are the pixels of a picture, row by row, put a line{' '}
        <code># picture 8×8</code> (width × height) before the data, or name the columns{' '}
        <code>pixel_0_0</code>, <code>pixel_0_1</code>… (row, column) or <code>pixel0</code>,{' '}
        <code>pixel1</code>… The points are then shown as pictures, and you can draw one.
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
      {progress !== null && <ReadProgress fraction={progress} label="Reading the file" />}
      {error && (
        <p id={`${id}-error`} className="field-error" role="alert" data-testid="csv-error">
          {error}
        </p>
      )}
      {droppable && (
        <button type="button" onClick={() => void adopt(droppable.text, droppable.name, true)}>
          Leave out those rows and use the rest
        </button>
      )}
      {done && !error && (
        <p className="status-ok" role="status">
          {done}
        </p>
      )}
      <div className="row-buttons">
        <button type="button" onClick={() => void adopt(text, 'pasted data')}>
          Use this CSV
        </button>
        <label className="file-button">
          Load a CSV file…
          <input type="file" accept=".csv,.tsv,.txt,text/csv,text/plain" onChange={onFile} />
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
