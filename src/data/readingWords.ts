import { count, type Table } from './table';
import type { MissingCell } from './reading';

/**
 * The words a table's reading is told in (csv.ts): columns by their header name or number, counts,
 * the missing cells by line, the classes.
 */

export const plural = (n: number, word: string) => `${count(n)} ${word}${n === 1 ? '' : 's'}`;
export const subscript = (i: number) =>
  String(i + 1).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] as string);

/** A column as the learner reads it: its header name, or "column 3". */
export function columnLabel(table: Table, c: number): string {
  const name = table.columns[c]?.name;
  return name ? name : `column ${c + 1}`;
}

/** "column 3 (petal length)", or "column 3" without a header. */
export function columnRef(table: Table, c: number): string {
  const name = table.columns[c]?.name;
  return name ? `column ${c + 1} (${name})` : `column ${c + 1}`;
}

/** "line 4 (sepal_width), line 9 (species, petal_length)…": at most `shown` lines. */
export function missingText(cells: MissingCell[], shown = 6): string {
  const byLine = new Map<number, string[]>();
  for (const { line, column } of cells) byLine.set(line, [...(byLine.get(line) ?? []), column]);
  const lines = [...byLine.entries()];
  const listed = lines
    .slice(0, shown)
    .map(([line, columns]) => `line ${line} (${columns.join(', ')})`);
  const more = lines.length > shown ? `, and ${plural(lines.length - shown, 'more line')}` : '';
  return `${listed.join(', ')}${more}`;
}

export function classList(names: string[]): string {
  if (names.length === 2) return `${names[0]} (0) and ${names[1]} (1)`;
  return names.join(', ');
}
