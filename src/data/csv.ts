import type { Sample } from '../engine';
import { DATA_LIMITS } from './limits';
import type { Dataset, Range, Task } from './types';

/**
 * Reads a learner's CSV: numbers separated by commas (or semicolons or tabs), one point per line,
 * an optional header line, blank lines and #-comments skipped. The first `inputColumns` columns
 * are inputs, the rest targets (default: the last column is the target). Any problem is reported
 * with its line number and nothing is returned, so the caller keeps what it had.
 */

export interface CsvOptions {
  /** How many leading columns are inputs; null means all but the last. */
  inputColumns: number | null;
}

export type CsvResult =
  | { ok: true; dataset: Dataset; rows: number; columns: number; header: string[] | null }
  | { ok: false; error: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
const count = (n: number) => n.toLocaleString('en-US');

function cellsOf(line: string, delimiter: string): string[] {
  return line.split(delimiter).map((cell) =>
    cell
      .trim()
      .replace(/^"(.*)"$/, '$1')
      .trim(),
  );
}

function isNumber(cell: string): boolean {
  return NUMBER.test(cell.replace(/\u2212/g, '-'));
}

function delimiterOf(line: string): string {
  if (line.includes(',')) return ',';
  if (line.includes(';')) return ';';
  if (line.includes('\t')) return '\t';
  return ',';
}

/** A one-hot row: every value 0 or 1, exactly one 1. */
function oneHot(y: number[]): boolean {
  return y.every((v) => v === 0 || v === 1) && y.filter((v) => v === 1).length === 1;
}

function taskOf(targets: number[][]): Task {
  const width = targets[0]?.length ?? 0;
  if (width === 1 && targets.every((y) => y[0] === 0 || y[0] === 1)) return 'binary';
  if (width > 1 && targets.every(oneHot)) return 'multiclass';
  return 'regression';
}

function rangeOf(values: number[]): Range {
  const min = Math.min(...values);
  const max = Math.max(...values);
  const pad = max > min ? (max - min) * 0.05 : 1;
  return [min - pad, max + pad];
}

const fail = (error: string): CsvResult => ({ ok: false, error });

export function parseCsv(text: string, options: CsvOptions): CsvResult {
  if (text.length > DATA_LIMITS.maxCsvChars) {
    return fail(
      `The file has ${count(text.length)} characters; at most ${count(DATA_LIMITS.maxCsvChars)}.`,
    );
  }
  const lines = text
    .split(/\r\n|\n|\r/)
    .map((content, index) => ({ number: index + 1, content: content.trim() }))
    .filter((line) => line.content !== '' && !line.content.startsWith('#'));
  const first = lines[0];
  if (!first) return fail('The file is empty: no lines with numbers.');
  const delimiter = delimiterOf(first.content);
  const firstCells = cellsOf(first.content, delimiter);
  const header = firstCells.some((cell) => !isNumber(cell)) ? firstCells : null;
  const columns = firstCells.length;
  const dataLines = header ? lines.slice(1) : lines;
  if (columns < 2) {
    return fail(
      `Line ${first.number} has 1 column; a file needs at least 2 (inputs, then targets).`,
    );
  }
  const inputs = options.inputColumns ?? columns - 1;
  if (!Number.isInteger(inputs) || inputs < 1 || inputs > columns - 1) {
    return fail(
      `${inputs} input columns: the file has ${columns} columns, so 1 to ${columns - 1} can be inputs (the rest are targets).`,
    );
  }
  if (inputs > DATA_LIMITS.maxInputs) {
    return fail(`${inputs} input columns; a network here takes at most ${DATA_LIMITS.maxInputs}.`);
  }
  if (columns - inputs > DATA_LIMITS.maxTargets) {
    return fail(
      `${columns - inputs} target columns; a network here has at most ${DATA_LIMITS.maxTargets} outputs. Make more of the columns inputs.`,
    );
  }
  if (dataLines.length > DATA_LIMITS.maxPoints) {
    return fail(
      `The file has ${count(dataLines.length)} data rows; at most ${count(DATA_LIMITS.maxPoints)}.`,
    );
  }
  if (dataLines.length < 2) {
    return fail(
      `The file has ${dataLines.length} data row${dataLines.length === 1 ? '' : 's'}; training needs at least 2 (some to train on, some to test).`,
    );
  }
  const points: Sample[] = [];
  for (const line of dataLines) {
    const cells = cellsOf(line.content, delimiter);
    if (cells.length !== columns) {
      return fail(
        `Line ${line.number}: ${cells.length} column${cells.length === 1 ? '' : 's'}; line ${first.number} has ${columns}.`,
      );
    }
    const values: number[] = [];
    for (let c = 0; c < cells.length; c++) {
      const cell = cells[c] as string;
      const where = `Line ${line.number}: column ${c + 1}`;
      if (cell === '') return fail(`${where} is empty.`);
      if (!isNumber(cell)) return fail(`${where} is '${cell.slice(0, 24)}', not a number.`);
      const value = Number(cell.replace(/\u2212/g, '-'));
      if (!(Math.abs(value) <= DATA_LIMITS.maxAbsValue)) {
        return fail(`${where} is ${cell.slice(0, 24)}, beyond ±${count(DATA_LIMITS.maxAbsValue)}.`);
      }
      values.push(value);
    }
    points.push({ x: values.slice(0, inputs), y: values.slice(inputs) });
  }
  const name = (prefix: string, i: number) =>
    `${prefix}${String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string)}`;
  const inputNames = Array.from({ length: inputs }, (_, i) => header?.[i] || name('x', i));
  const targetNames = Array.from(
    { length: columns - inputs },
    (_, j) => header?.[inputs + j] || name('y', j),
  );
  const dataset: Dataset = {
    task: taskOf(points.map((p) => p.y)),
    points,
    inputNames,
    targetNames,
    domain: inputNames.map((_, i) => rangeOf(points.map((p) => p.x[i] as number))),
  };
  return { ok: true, dataset, rows: points.length, columns, header };
}
