/**
 * Numbers for people: significant digits, never a bare 0.000 for a small gradient.
 * 0.0004386 stays 0.0004386; 1.2e-7 becomes 1.2×10⁻⁷ (1.2e-7 in plain text).
 */

const MINUS = '\u2212';

/**
 * How a number not shown is written: NaN is a value the learner is asked to predict (masked in the
 * pass the views show, practice/mask.ts), and anything computed from it is NaN too, so it cannot
 * leak through another number. In TeX and in plain text alike. (Where NaN means a computation
 * broke down, as in training's overflow report, say so in words instead.)
 */
export const HIDDEN_NUMBER = '?';

/** Does this TeX or text show a number that is not shown (HIDDEN_NUMBER)? */
export function showsHidden(text: string): boolean {
  return text.includes(HIDDEN_NUMBER);
}

function trimZeros(fixed: string): string {
  return fixed.includes('.') ? fixed.replace(/\.?0+$/, '') : fixed;
}

interface Parts {
  negative: boolean;
  mantissa: string;
  exponent: number | null;
}

function parts(x: number, digits: number): Parts {
  if (Number.isNaN(x)) return { negative: false, mantissa: HIDDEN_NUMBER, exponent: null };
  if (!Number.isFinite(x)) return { negative: false, mantissa: String(x), exponent: null };
  if (x === 0) return { negative: false, mantissa: '0', exponent: null };
  const negative = x < 0;
  const abs = Math.abs(x);
  const d = Math.max(1, Math.min(17, Math.round(digits)));
  if (abs >= 1e-4 && abs < 1e6) {
    // toPrecision rounds as toFixed does; it is the whole answer unless it chose the exponent form
    // (at 10^d and above), where toFixed with enough places keeps the plain form. It is the fast
    // path: every number on screen goes through here on every edit.
    const precise = abs.toPrecision(d);
    if (!precise.includes('e')) return { negative, mantissa: trimZeros(precise), exponent: null };
    const magnitude = Math.floor(Math.log10(Number(precise)));
    const places = Math.max(0, d - 1 - magnitude);
    return { negative, mantissa: trimZeros(abs.toFixed(Math.min(places, 100))), exponent: null };
  }
  const [m, e] = abs.toExponential(d - 1).split('e');
  return { negative, mantissa: trimZeros(m as string), exponent: Number(e) };
}

/** Plain text with a true minus sign, e.g. −0.0004386, 1.2e−7. */
export function formatNumber(x: number, digits = 4): string {
  const p = parts(x, digits);
  const sign = p.negative ? MINUS : '';
  if (p.exponent === null) return sign + p.mantissa;
  return `${sign}${p.mantissa}e${p.exponent < 0 ? MINUS : ''}${Math.abs(p.exponent)}`;
}

/** TeX, e.g. -0.0004386 or 1.2\times10^{-7}; wrapped in parentheses when negative and asked to. */
export function texNumber(x: number, digits = 6, parenthesizeNegative = false): string {
  const p = parts(x, digits);
  let body = p.exponent === null ? p.mantissa : `${p.mantissa}\\times10^{${p.exponent}}`;
  if (p.negative) body = `-${body}`;
  return p.negative && parenthesizeNegative ? `(${body})` : body;
}

/** Significant digits of the selected weight or bias, its value and gradient: at least this many. */
export const FOCUS_DIGITS = 8;

/** The selection's digits under the learner's "Digits" (the diagram's selected label shows as many). */
export function focusDigits(digits: number): number {
  return Math.max(FOCUS_DIGITS, digits);
}
