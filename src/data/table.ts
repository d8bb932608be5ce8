import { dsvFormat } from 'd3-dsv';
import { DATA_LIMITS } from './limits';

/**
 * Reads a delimited text file into columns, as people's files are: a header or none, commas,
 * semicolons or tabs, quoted fields (with commas, quotes and line breaks in them), a byte-order
 * mark, CRLF line ends, blank lines and #-comments. Each column keeps its cells as numbers and, when
 * any is not a number, as texts too; what the columns mean (inputs, targets, classes) is decided
 * later (csv.ts). Typed arrays, so a worker can hand the table over without copying it cell by cell.
 */

export interface TableColumn {
  /** The header's name for it, or '' in a file without a header. */
  name: string;
  /** Each row's number; NaN where the cell is missing or is not a number. */
  numbers: Float64Array;
  /**
   * When some cell is not a number (a name): each row's index into `texts`, −1 where missing;
   * `texts` holds the distinct cells as written (numbers too), the first maxClasses + 1 of them.
   * Null for a column of numbers.
   */
  codes: Int32Array | null;
  texts: string[];
  /** How many distinct cells the column has, when it has names (0 otherwise). */
  distinct: number;
  /** The first row whose cell is a text, not a number (−1: none). */
  firstText: number;
  /** Rows whose cell is missing: empty, NA, N/A, NaN, null or ?. */
  missing: number[];
}

export interface Table {
  columns: TableColumn[];
  rows: number;
  /** The file's line number of each row, for messages. */
  lines: Int32Array;
  /** Whether the first line was read as a header of names. */
  header: boolean;
  delimiter: Delimiter;
  /** The file's #-comment lines (the first few), which may say the inputs are a picture. */
  comments: string[];
}

export type Delimiter = ',' | ';' | '\t';
export const DELIMITER_NAMES: Record<Delimiter, string> = {
  ',': 'commas',
  ';': 'semicolons',
  '\t': 'tabs',
};

export type TableResult = { ok: true; table: Table } | { ok: false; error: string };

const NUMBER = /^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i;
/** A decimal comma, as written where the separator is a semicolon: 5,1. */
const DECIMAL_COMMA = /^[-+]?\d+,\d+$/;
/** Comment lines kept, and their length: enough for "# picture 8×8" and a few words. */
const MAX_COMMENTS = 20;
const MAX_COMMENT_CHARS = 200;
const MISSING = new Set(['', 'na', 'n/a', 'nan', 'null', '?']);

export const count = (n: number) => n.toLocaleString('en-US');
const fail = (error: string): TableResult => ({ ok: false, error });

export function isMissing(cell: string): boolean {
  return MISSING.has(cell.toLowerCase());
}

/** The cell's number, or NaN when it is not one. */
function numberOf(cell: string, delimiter: Delimiter): number {
  const text = cell.replace(/\u2212/g, '-');
  if (NUMBER.test(text)) return Number(text);
  if (delimiter === ';' && DECIMAL_COMMA.test(text)) return Number(text.replace(',', '.'));
  return NaN;
}

/** Delimiters outside quotes in the first line: a tab, else a semicolon, else a comma. */
function delimiterOf(text: string): Delimiter {
  const found = new Set<string>();
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) {
      if (found.size > 0) break;
    } else if (!quoted && (c === ',' || c === ';' || c === '\t')) found.add(c);
  }
  return found.has('\t') ? '\t' : found.has(';') ? ';' : ',';
}

function lineCount(text: string): number {
  let n = 1;
  for (let i = text.indexOf('\n'); i !== -1; i = text.indexOf('\n', i + 1)) n++;
  return n;
}

const isText = (cell: string, delimiter: Delimiter) =>
  !isMissing(cell) && Number.isNaN(numberOf(cell, delimiter));

/**
 * The first row is a header when all its cells are names, or when a column holds a name there and
 * a number below it (so a headerless file whose label column is names is read as data).
 */
function isHeader(first: string[], second: string[] | undefined, delimiter: Delimiter): boolean {
  if (first.every((cell) => isText(cell, delimiter))) return true;
  if (!second) return false;
  return first.some(
    (cell, c) => isText(cell, delimiter) && !Number.isNaN(numberOf(second[c] ?? '', delimiter)),
  );
}

/**
 * The table in a text, or why it cannot be read (with the line and the numbers). `onProgress`
 * hears the share of lines read, now and then.
 */
export function readTable(text: string, onProgress?: (fraction: number) => void): TableResult {
  if (text.length > DATA_LIMITS.maxFileBytes) {
    return fail(
      `The file has ${count(text.length)} characters; at most ${count(DATA_LIMITS.maxFileBytes)} (5 MB).`,
    );
  }
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const delimiter = delimiterOf(body);
  const totalLines = lineCount(body);
  const rows: string[][] = [];
  const lineOf: number[] = [];
  const comments: string[] = [];
  let line = 1;
  let tooMany = false;
  dsvFormat(delimiter).parseRows(body, (raw, index) => {
    const at = line;
    line += 1 + raw.reduce((n, cell) => n + (cell.match(/\n/g)?.length ?? 0), 0);
    if (onProgress && index % 2000 === 0) onProgress(Math.min(1, at / totalLines));
    const cells = raw.map((cell) => cell.trim());
    const blank = cells.every((cell) => cell === '');
    if (cells[0]?.startsWith('#') && comments.length < MAX_COMMENTS) {
      comments.push(cells.join(delimiter).slice(0, MAX_COMMENT_CHARS));
    }
    if (blank || cells[0]?.startsWith('#') || tooMany) return null;
    if (rows.length > DATA_LIMITS.maxRows + 1) tooMany = true;
    rows.push(cells);
    lineOf.push(at);
    return null;
  });
  const first = rows[0];
  if (!first) return fail('The file is empty: no lines with values.');
  const header = isHeader(first, rows[1], delimiter);
  const data = header ? rows.slice(1) : rows;
  const lines = Int32Array.from(header ? lineOf.slice(1) : lineOf);
  const width = first.length;
  if (width < 2) {
    return fail(`Line ${lineOf[0]} has 1 column; a file needs at least 2 (inputs, then a target).`);
  }
  const maxColumns = DATA_LIMITS.maxInputs + DATA_LIMITS.maxTargets;
  if (width > maxColumns) {
    return fail(
      `Line ${lineOf[0]} has ${count(width)} columns; at most ${maxColumns} (${DATA_LIMITS.maxInputs} inputs and ${DATA_LIMITS.maxTargets} targets).`,
    );
  }
  if (tooMany || data.length > DATA_LIMITS.maxRows) {
    const seen = tooMany ? `more than ${count(DATA_LIMITS.maxRows)}` : count(data.length);
    return fail(`The file has ${seen} data rows; at most ${count(DATA_LIMITS.maxRows)}.`);
  }
  if (data.length < 2) {
    return fail(
      `The file has ${data.length} data row${data.length === 1 ? '' : 's'}; training needs at least 2 (some to train on, some to test).`,
    );
  }
  for (let r = 0; r < data.length; r++) {
    const cells = (data[r] as string[]).length;
    if (cells !== width) {
      return fail(
        `Line ${lines[r]}: ${cells} column${cells === 1 ? '' : 's'}; line ${lineOf[0]} has ${width}.`,
      );
    }
  }
  const columns = first.map((name, c) => columnOf(data, c, delimiter, header ? name : null));
  onProgress?.(1);
  return { ok: true, table: { columns, rows: data.length, lines, header, delimiter, comments } };
}

function columnOf(
  data: string[][],
  c: number,
  delimiter: Delimiter,
  name: string | null,
): TableColumn {
  const numbers = new Float64Array(data.length);
  const missing: number[] = [];
  let firstText = -1;
  for (let r = 0; r < data.length; r++) {
    const cell = (data[r] as string[])[c] as string;
    if (isMissing(cell)) {
      missing.push(r);
      numbers[r] = NaN;
      continue;
    }
    numbers[r] = numberOf(cell, delimiter);
    if (firstText === -1 && Number.isNaN(numbers[r])) firstText = r;
  }
  let codes: Int32Array | null = null;
  const texts: string[] = [];
  let distinct = 0;
  if (firstText !== -1) {
    codes = new Int32Array(data.length);
    const index = new Map<string, number>();
    for (let r = 0; r < data.length; r++) {
      const cell = (data[r] as string[])[c] as string;
      if (isMissing(cell)) {
        codes[r] = -1;
        continue;
      }
      let k = index.get(cell);
      if (k === undefined) {
        k = index.size;
        index.set(cell, k);
        // Past the classes a target can have, a column's names are only counted, not kept.
        if (k <= DATA_LIMITS.maxClasses) texts.push(cell);
      }
      codes[r] = k;
    }
    distinct = index.size;
  }
  return {
    name: name ?? '',
    numbers,
    codes,
    texts,
    distinct,
    firstText,
    missing,
  };
}
