import { readDataset, readTable, type Reading, type TableReading, type TableResult } from '../data';

/**
 * Tables already read, by their text: a file is read once (in the worker, tableClient.ts) and the
 * choices that name it find it here. A text read nowhere yet (a saved work, a link) is read here,
 * on the spot. The few latest are kept, so undo and redo between two files read neither again.
 */
const KEPT = 4;
/** A table and its readings so far, by the reading's choices (a 20,000-row file is read once). */
const recent: { text: string; table: TableResult; readings: Map<string, TableReading> }[] = [];

export function rememberTable(text: string, table: TableResult): void {
  const at = recent.findIndex((entry) => entry.text === text);
  if (at !== -1) recent.splice(at, 1);
  recent.unshift({ text, table, readings: new Map() });
  recent.length = Math.min(recent.length, KEPT);
}

export function isTableRead(text: string): boolean {
  return recent.some((entry) => entry.text === text);
}

export function tableFor(text: string): TableResult {
  const found = recent.find((entry) => entry.text === text);
  if (found) return found.table;
  const table = readTable(text);
  rememberTable(text, table);
  return table;
}

const readingKey = (reading: Reading) =>
  JSON.stringify([reading.targets, reading.task, reading.dropMissing]);

/** The text read with these choices: the same reading (the same object) for the same choices. */
export function readingFor(text: string, reading: Reading): TableReading {
  const table = tableFor(text);
  if (!table.ok) return { ...table, missing: [] };
  const readings = recent.find((entry) => entry.text === text)?.readings;
  const key = readingKey(reading);
  const known = readings?.get(key);
  if (known) return known;
  const read = readDataset(table.table, reading);
  readings?.set(key, read);
  return read;
}

/** A kept table's reading with these choices, worked out elsewhere (the table worker). */
export function rememberReading(text: string, reading: Reading, read: TableReading): void {
  recent.find((entry) => entry.text === text)?.readings.set(readingKey(reading), read);
}
