import {
  prepareData,
  readDataset,
  readTable,
  type FeatureId,
  type PreparedData,
  type Reading,
  type ScalingId,
  type TableReading,
  type TableResult,
} from '../data';

/**
 * What the table worker does with a text (tableWorker.ts): reads the table and, when the page says
 * which choices it will use next, reads the data with them and splits it, so the page only keeps
 * the results (tableClient.ts). The same functions as the page's own, so the same numbers.
 */

/** The choices the page will read the table with next: the reading and the split's. */
export interface TableAhead {
  reading: Reading;
  features: readonly FeatureId[];
  trainFraction: number;
  dataSeed: number;
  scaling: ScalingId;
}

/** The split as a worker sends it: without its features (functions), found again by their ids. */
export type SentPrepared = Omit<PreparedData, 'features'>;

/** The table, and with choices ahead the data read with them and the split (when they work). */
export interface TableDone {
  result: TableResult;
  reading?: TableReading;
  prepared?: SentPrepared;
}

export function readTableAhead(
  text: string,
  ahead?: TableAhead,
  onProgress?: (fraction: number) => void,
): TableDone {
  const result = readTable(text, onProgress);
  if (!result.ok || !ahead) return { result };
  try {
    const reading = readDataset(result.table, ahead.reading);
    if (!reading.ok) return { result, reading };
    const prepared: SentPrepared & { features?: unknown } = prepareData(
      reading.dataset,
      ahead.features,
      ahead.trainFraction,
      ahead.dataSeed,
      ahead.scaling,
    );
    delete prepared.features;
    return { result, reading, prepared };
  } catch {
    // Choices that do not fit (no feature chosen, a saved reading out of range): the page reads
    // the table with the choices it settles on, and says what is wrong.
    return { result };
  }
}

/** Every typed array's buffer in a reply, once each: moved to the page, not copied. */
export function buffersIn(value: unknown, found = new Set<ArrayBuffer>()): ArrayBuffer[] {
  if (ArrayBuffer.isView(value)) found.add(value.buffer as ArrayBuffer);
  else if (Array.isArray(value)) {
    // Arrays of numbers or texts (a column's missing rows, its names) hold no buffers.
    if (value.length > 0 && typeof value[0] === 'object')
      for (const v of value) buffersIn(v, found);
  } else if (value !== null && typeof value === 'object') {
    for (const v of Object.values(value)) buffersIn(v, found);
  }
  return [...found];
}
