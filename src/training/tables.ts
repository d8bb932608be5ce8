import { readDataset, readTable, type Reading, type TableReading, type TableResult } from '../data';

/**
 * Tables already read, by their text: a file is read once (in the worker, tableClient.ts) and the
 * choices that name it find it here. A text read nowhere yet (a saved work, a link) is read here,
 * on the spot. The few latest are kept, so undo and redo between two files read neither again.
 */
const KEPT = 4;
const recent: { text: string; table: TableResult }[] = [];

export function rememberTable(text: string, table: TableResult): void {
  const at = recent.findIndex((entry) => entry.text === text);
  if (at !== -1) recent.splice(at, 1);
  recent.unshift({ text, table });
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

/** The text read with these choices. */
export function readingFor(text: string, reading: Reading): TableReading {
  const table = tableFor(text);
  return table.ok ? readDataset(table.table, reading) : { ...table, missing: [] };
}
