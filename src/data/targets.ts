import { DATA_LIMITS } from './limits';
import type { Table, TableColumn } from './table';

/**
 * Which columns of a table are the target, and what kind of target they are: a column named like
 * a label, else one-hot columns at the end, else the last; names, a few whole numbers, one-hot
 * columns (classes) or other numbers (regression).
 */

const LABEL_NAMES = new Set(['y', 'label', 'labels', 'class', 'classes', 'target', 'targets']);

/** One-hot rows: every value 0 or 1, exactly one 1 per row (missing rows skipped). */
function oneHot(columns: TableColumn[], rows: number): boolean {
  for (let r = 0; r < rows; r++) {
    let ones = 0;
    let missing = false;
    for (const column of columns) {
      const v = column.numbers[r] as number;
      if (Number.isNaN(v) && !column.codes) missing = true;
      else if (v === 1) ones++;
      else if (v !== 0) return false;
    }
    if (!missing && ones !== 1) return false;
  }
  return true;
}

/** The inferred targets and why: a column named like a label, one-hot columns at the end, the last. */
export function inferTargets(table: Table): { targets: number[]; why: string } {
  const n = table.columns.length;
  const named = table.columns
    .map((column, c) => ({ c, key: column.name.toLowerCase().replace(/[^a-z]/g, '') }))
    .filter(({ key }) => LABEL_NAMES.has(key));
  const last = named[named.length - 1];
  if (last) return { targets: [last.c], why: 'its name says it is the label' };
  let width = 0;
  for (let k = Math.min(n - 1, DATA_LIMITS.maxTargets); k >= 2; k--) {
    if (oneHot(table.columns.slice(n - k), table.rows)) {
      width = k;
      break;
    }
  }
  if (width > 0) {
    return {
      targets: Array.from({ length: width }, (_, j) => n - width + j),
      why: 'one-hot columns at the end',
    };
  }
  return { targets: [n - 1], why: 'the last column' };
}

export const natural = new Intl.Collator('en', { numeric: true }).compare;

export type TargetKind =
  | { kind: 'names'; column: TableColumn }
  | { kind: 'wholes'; column: TableColumn; values: number[] }
  | { kind: 'oneHot' }
  | { kind: 'numbers'; example: number | null };

export function targetKind(table: Table, targets: number[], kept: number[]): TargetKind {
  const columns = targets.map((c) => table.columns[c] as TableColumn);
  if (columns.length > 1) {
    if (columns.every((column) => !column.codes) && oneHot(columns, table.rows)) {
      return { kind: 'oneHot' };
    }
    return { kind: 'numbers', example: null };
  }
  const column = columns[0] as TableColumn;
  if (column.codes) return { kind: 'names', column };
  const values = new Set<number>();
  let fraction: number | null = null;
  for (const r of kept) {
    const v = column.numbers[r] as number;
    if (!Number.isInteger(v)) {
      fraction = v;
      break;
    }
    values.add(v);
    if (values.size > DATA_LIMITS.maxClasses) break;
  }
  if (fraction === null && values.size <= DATA_LIMITS.maxClasses) {
    return { kind: 'wholes', column, values: [...values].sort((a, b) => a - b) };
  }
  return { kind: 'numbers', example: fraction };
}
