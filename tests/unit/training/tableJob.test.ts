import { describe, expect, it } from 'vitest';
import {
  DEFAULT_READING,
  prepareData,
  readDataset,
  readTable,
  type PreparedData,
} from '../../../src/data';
import { DEFAULT_TRAINING, type TrainingChoices } from '../../../src/training/choices';
import {
  choicesAheadIn,
  csvTextKey,
  rememberCsvText,
  trainingToStoredJson,
} from '../../../src/training/persist';
import { preparedOf, tableReadingOf } from '../../../src/training/selectors';
import { aheadOf, keepTableDone } from '../../../src/training/tableClient';
import { buffersIn, readTableAhead, type TableDone } from '../../../src/training/tableJob';

/** A table of `inputs` number columns and a class name, 0.001-sized digits as people's files have. */
function csv(inputs: number, rows: number): string {
  const lines = [[...Array.from({ length: inputs }, (_, i) => `f${i}`), 'label'].join(',')];
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
  for (let r = 0; r < rows; r++) {
    const cells = Array.from({ length: inputs }, (_, i) => (random() * 9 - (i % 3)).toFixed(3));
    lines.push([...cells, `class_${r % 3}`].join(','));
  }
  return lines.join('\n');
}

/** The bytes of every typed array in the split: equal to the last bit (−0 and NaN included). */
function bytesOf(data: PreparedData): number[][] {
  const arrays = [
    data.train.inputs,
    data.train.targets,
    data.test.inputs,
    data.test.targets,
    data.trainRaw,
    data.testRaw,
    data.testRows,
  ];
  return arrays.map((a) => [...new Uint8Array(a.buffer, a.byteOffset, a.byteLength)]);
}

/** The reply as the page receives it from the worker: its arrays moved, the rest cloned. */
function received(done: TableDone): TableDone {
  return structuredClone(done, { transfer: buffersIn(done) });
}

describe('the table worker reads the data and splits it as the page does', () => {
  it.each([
    ['41 columns, standardised', 40, 'standard'],
    ['2 inputs with features, scaled to [0, 1]', 2, 'unit'],
    ['5 inputs, raw', 5, 'raw'],
  ] as const)('%s', (_, inputs, scaling) => {
    const text = csv(inputs, 301);
    const choices: TrainingChoices = {
      ...DEFAULT_TRAINING,
      source: 'csv',
      csv: { name: 'table.csv', text },
      scaling,
      features: ['x1', 'x2', 'x1x2', 'sinx1'],
      trainFraction: 0.7,
      dataSeed: 5,
    };
    // The page's own: the table read, the data read with the choices, split.
    const table = readTable(text);
    if (!table.ok) throw new Error(table.error);
    const read = readDataset(table.table, DEFAULT_READING);
    if (!read.ok) throw new Error(read.error);
    const own = prepareData(read.dataset, choices.features, 0.7, 5, scaling);

    const sent = readTableAhead(text, aheadOf(choices));
    const inputsSent = sent.prepared?.train.inputs;
    const done = received(sent);
    // Moved, not copied: the worker's arrays are left empty.
    expect(inputsSent?.byteLength).toBe(0);
    keepTableDone(text, done, aheadOf(choices));

    // The page finds the worker's results, as the same objects, and computes nothing again.
    expect(tableReadingOf(choices)).toBe(done.reading);
    const kept = preparedOf(choices);
    expect(kept.train).toBe(done.prepared?.train);
    expect(kept).toEqual(own);
    expect(kept.features).toEqual(own.features);
    expect(bytesOf(kept)).toEqual(bytesOf(own));
    expect(kept.train.count).toBe(211);
    expect(kept.test.count).toBe(90);
  });

  it('reports a reading that fails as the page would, and leaves the split to the page', () => {
    const text = 'a,b,label\n1,2,x\n,3,y\n4,5,x';
    const done = readTableAhead(text, { ...aheadOf(DEFAULT_TRAINING), reading: DEFAULT_READING });
    expect(done.result.ok).toBe(true);
    expect(done.reading).toEqual({
      ok: false,
      error: expect.stringMatching(/missing/i) as unknown as string,
      missing: [{ line: 3, column: 'a' }],
    });
    expect(done.prepared).toBeUndefined();
  });
});

describe('a saved work read ahead: the choices the worker reads its CSV with', () => {
  it('are the saved ones, the stored text in place, before the table is read', () => {
    const text = csv(6, 40);
    const choices: TrainingChoices = {
      ...DEFAULT_TRAINING,
      source: 'csv',
      csv: { name: 'saved.csv', text },
      reading: { targets: [6], task: 'classes', dropMissing: true },
      scaling: 'unit',
      trainFraction: 0.6,
      dataSeed: 9,
    };
    const json = trainingToStoredJson(choices, null);
    expect(json).not.toContain('class_1');
    rememberCsvText(csvTextKey(text), text);
    const ahead = choicesAheadIn(json);
    expect(ahead?.csv).toEqual({ name: 'saved.csv', text });
    expect(aheadOf(ahead as TrainingChoices)).toEqual({
      reading: { targets: [6], task: 'classes', dropMissing: true },
      features: ['x1', 'x2'],
      trainFraction: 0.6,
      dataSeed: 9,
      scaling: 'unit',
    });
    expect(choicesAheadIn('{not json')).toBeNull();
  });
});
