import { texNumber } from './format';

/**
 * Small TeX builders shared by every equation template. Only numbers (through texNumber) and our
 * own fixed fragments ever go into the strings: never text a learner typed.
 */

/** Significant digits in the per-unit equations built without the learner's "Digits" (withDigits). */
export const DIGITS = 6;
/** Significant digits inside matrices built without the learner's "Digits", where space is short. */
export const MATRIX_DIGITS = 4;
/** Up to this many terms, a general form lists every term, not only the Σ. */
export const MAX_EXPANDED_TERMS = 6;
/**
 * A sum with numbers substituted, up to this many terms, is written out term by term; a longer one
 * (64 pixels into one unit) keeps its first three and last two terms around a ⋯ (elidedSum).
 */
export const MAX_SUBSTITUTED_TERMS = 8;

/** a + b + c, or for more than MAX_SUBSTITUTED_TERMS terms a + b + c + ⋯ + y + z. */
export function elidedSum(terms: readonly string[]): string {
  if (terms.length <= MAX_SUBSTITUTED_TERMS) return terms.join(' + ');
  return [...terms.slice(0, 3), '\\cdots', ...terms.slice(-2)].join(' + ');
}

/** Matrices and vectors up to this many rows and columns are written out in full. */
export const MAX_FULL = 6;

/** The learner's "Digits" while equations are built (withDigits), else null: DIGITS and MATRIX_DIGITS. */
let digitsInForce: number | null = null;

/**
 * Build equations under the learner's "Digits", the one setting for every number on screen: every
 * number in an equation, matrices included, gets as many significant digits as the diagram's
 * labels. Without it (undefined, outside the app), numbers get DIGITS and matrices MATRIX_DIGITS.
 */
export function withDigits<T>(digits: number | undefined, build: () => T): T {
  if (digits === undefined) return build();
  const before = digitsInForce;
  digitsInForce = digits;
  try {
    return build();
  } finally {
    digitsInForce = before;
  }
}

/** Significant digits of a number in an equation or a title beside it. */
export function equationDigits(): number {
  return digitsInForce ?? DIGITS;
}

function matrixDigits(): number {
  return digitsInForce ?? MATRIX_DIGITS;
}

/** A number standing alone, e.g. a result: 0.3775, -0.0380982. */
export function num(x: number, digits = equationDigits()): string {
  return texNumber(x, digits);
}

/**
 * A number as a factor or a term: negatives and powers of ten in parentheses, so that
 * 0.5\cdot (-0.2) and (1.2\times10^{-7})^2 read unambiguously.
 */
export function factor(x: number, digits = equationDigits()): string {
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
export function matrix(rows: readonly ArrayLike<number>[], digits = matrixDigits()): string {
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
export function column(values: ArrayLike<number>, digits = matrixDigits()): string {
  return matrix(
    Array.from({ length: values.length }, (_, i) => [values[i] ?? NaN]),
    digits,
  );
}

/** A row vector 1×n. */
export function row(values: ArrayLike<number>, digits = matrixDigits()): string {
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
