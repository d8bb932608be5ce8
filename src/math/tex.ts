import { texNumber } from './format';

/**
 * Small TeX builders shared by every equation template. Only numbers (through texNumber) and our
 * own fixed fragments ever go into the strings: never text a learner typed.
 */

/** Significant digits in the per-unit equations. */
export const DIGITS = 6;
/** Significant digits inside matrices, where space is short. */
export const MATRIX_DIGITS = 4;
/** Up to this many terms, a general form lists every term, not only the Σ. */
export const MAX_EXPANDED_TERMS = 6;
/** Matrices and vectors up to this many rows and columns are written out in full. */
export const MAX_FULL = 6;

/** A number standing alone, e.g. a result: 0.3775, -0.0380982. */
export function num(x: number, digits = DIGITS): string {
  return texNumber(x, digits);
}

/**
 * A number as a factor or a term: negatives and powers of ten in parentheses, so that
 * 0.5\cdot (-0.2) and (1.2\times10^{-7})^2 read unambiguously.
 */
export function factor(x: number, digits = DIGITS): string {
  const t = texNumber(x, digits, true);
  return t.includes('\\times') && !t.startsWith('(') ? `(${t})` : t;
}

/** a\cdot b\cdot c */
export function product(...factors: string[]): string {
  return factors.join('\\cdot ');
}

/** a + b + c */
export function sum(terms: string[]): string {
  return terms.join(' + ');
}

/** r\times c */
export function shape(rows: number | string, cols: number | string): string {
  return `${rows}\\times ${cols}`;
}

/** A symbol with its shape written under it. */
export function shaped(symbol: string, rows: number | string, cols: number | string): string {
  return `\\underset{${shape(rows, cols)}}{${symbol}}`;
}

/** Which indices of 0…n−1 to show: all when n ≤ MAX_FULL, else the first four, a gap, the last. */
function shown(n: number): (number | null)[] {
  if (n <= MAX_FULL) return Array.from({ length: n }, (_, i) => i);
  return [0, 1, 2, 3, null, n - 1];
}

/** A bmatrix of numbers; larger than MAX_FULL rows or columns are elided with dots. */
export function matrix(rows: readonly ArrayLike<number>[], digits = MATRIX_DIGITS): string {
  const nRows = rows.length;
  const nCols = rows[0]?.length ?? 0;
  const body = shown(nRows)
    .map((r) =>
      shown(nCols)
        .map((c) => {
          if (r === null) return c === null ? '\\ddots' : '\\vdots';
          if (c === null) return '\\cdots';
          return texNumber(rows[r]?.[c] ?? NaN, digits);
        })
        .join(' & '),
    )
    .join(' \\\\ ');
  return `\\begin{bmatrix} ${body} \\end{bmatrix}`;
}

/** A column vector n×1. */
export function column(values: ArrayLike<number>, digits = MATRIX_DIGITS): string {
  return matrix(
    Array.from({ length: values.length }, (_, i) => [values[i] ?? NaN]),
    digits,
  );
}

/** A row vector 1×n. */
export function row(values: ArrayLike<number>, digits = MATRIX_DIGITS): string {
  return matrix([Array.from(values)], digits);
}

export function transpose(rows: readonly ArrayLike<number>[]): number[][] {
  const nCols = rows[0]?.length ?? 0;
  return Array.from({ length: nCols }, (_, c) => rows.map((r) => r[c] ?? NaN));
}

/** Element k of an ArrayLike, NaN when missing (a stale snapshot shows NaN, never throws). */
export function at(values: ArrayLike<number> | undefined, k: number): number {
  return values?.[k] ?? NaN;
}

/** Parenthesized runs up to this many TeX characters are kept on one line. */
const SHORT_GROUP = 80;

/**
 * The same TeX with each short top-level "( … )" wrapped in braces. KaTeX breaks a long inline
 * line after a top-level relation or binary operator but never inside braces, so the line wraps
 * at "=", "+" or "·" and never splits "(1 − 0.59327)".
 */
export function keepGroupsTogether(tex: string): string {
  let out = '';
  let depth = 0; // braces, \left…\right and environments: KaTeX never breaks inside them
  let open = -1; // where the current top-level "(" began in `out`
  let parens = 0;
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i] as string;
    if (c === '\\') {
      const command = /^\\(left|right|begin|end)\b/.exec(tex.slice(i));
      const length = command ? command[0].length : 2; // an escaped character such as \{ too
      if (command) depth += command[1] === 'left' || command[1] === 'begin' ? 1 : -1;
      out += tex.slice(i, i + length);
      i += length - 1;
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    else if (depth === 0 && c === '(') {
      if (parens++ === 0) open = out.length;
    } else if (depth === 0 && c === ')' && parens > 0 && --parens === 0) {
      const group = out.slice(open) + c;
      out = out.slice(0, open) + (group.length <= SHORT_GROUP ? `{${group}}` : group);
      continue;
    }
    out += c;
  }
  return out;
}
