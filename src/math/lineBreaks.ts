/**
 * Where a typeset equation may break between lines: before a top-level relation or operator,
 * never inside a bracketed run or a short product, decided by the equation's form and never by
 * its digits or signs (so a dragged weight only changes numbers in the typeset equation). The
 * page typesets breakableTex's output; a too-wide form falls back to breaking inside long runs.
 */

/** Bracketed runs (in the fallback layout, breakableTex's insideLongGroups) and products up to this many TeX characters stay on one line. */
const SHORT_GROUP = 30;

/**
 * Plain numbers in the TeX: not an index (w_{12}), nor the base of a power (10^{-7}), nor inside
 * \text{…} (which KaTeX keeps as one run of text, matched here so that it is skipped). The page
 * patches these into a typeset equation while a weight is dragged (components/equations/typeset).
 */
export const TEX_NUMBERS = /\\text\{[^{}]*\}|(?<![\w\\{_^.])\d+(?:\.\d+)?(?![\d.^])/g;

/** Stands for a number in an equation's form (a private-use character, never in our TeX). */
export const NUMBER_MARK = '\uE000';

/** What a number with a decimal point counts for in a length that decides line breaks: 0.1385's. */
const NUMBER_LENGTH = 6;

/** A number's sign as written around a NUMBER_MARK: −0.5, (−0.5), and {(−0.5)} kept whole. */
const SIGNED = new RegExp(`\\{\\(-${NUMBER_MARK}\\)\\}|\\(-${NUMBER_MARK}\\)|-${NUMBER_MARK}`, 'g');

/**
 * A number in scientific notation (texNumber's 5.651\times10^{-5}), its mantissa and exponent a
 * NUMBER_MARK or written out: a dragged weight moves a small δ between 0.005004 and 5.651×10⁻⁵.
 */
const SCIENTIFIC = new RegExp(
  `(?:${NUMBER_MARK}|\\d+(?:\\.\\d+)?)\\\\times10\\^\\{-?(?:${NUMBER_MARK}|\\d+)\\}`,
  'g',
);

/**
 * A form (numbers replaced by NUMBER_MARK) with their signs and notation left out: −0.5 in one
 * edit and 0.5 in the next is the same form, as are 0.005004 and 5.651×10⁻⁵. Where lines may break
 * never depends on them (texLength), and the page keeps an equation's fitted layout across such a
 * change (components/equations/typeset).
 */
export function layoutForm(form: string): string {
  return form.replace(SCIENTIFIC, NUMBER_MARK).replace(SIGNED, NUMBER_MARK);
}

/**
 * The length of a run of TeX with every decimal number (or NUMBER_MARK standing for one) counted
 * as NUMBER_LENGTH characters, its sign and brackets as nothing: where lines may break depends on
 * the equation's form, not on its digits or signs, so a dragged weight changes only numbers in the
 * typeset equation, not its layout (which would be typeset and measured again). A whole number
 * keeps its own length: mostly a constant of the form, the 1 of (1 − a).
 */
function texLength(tex: string): number {
  const form = layoutForm(
    tex.replace(TEX_NUMBERS, (n) => (n.startsWith('\\') || !n.includes('.') ? n : NUMBER_MARK)),
  );
  const marks = form.split(NUMBER_MARK).length - 1;
  return form.length + marks * (NUMBER_LENGTH - 1);
}

/**
 * The same TeX with each top-level bracketed run, ( … ) or [ … ], wrapped in braces. KaTeX breaks a
 * long inline line after a top-level relation or binary operator but never inside braces or
 * \left…\right, so the line wraps at "=", "+" or "·" between groups and never inside one: it never
 * splits "(1 − 0.59327)", nor −[y ln(a) + (1 − y) ln(1 − a)]. A run longer than `longest` TeX
 * characters is left breakable at its own top level instead, its shorter runs kept together.
 */
export function keepGroupsTogether(tex: string, longest = Infinity): string {
  let out = '';
  let depth = 0; // braces, \left…\right and environments: KaTeX never breaks inside them
  let open = -1; // where the current top-level bracket began in `out`
  let brackets = 0;
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
    else if (depth === 0 && (c === '(' || c === '[')) {
      if (brackets++ === 0) open = out.length;
    } else if (depth === 0 && (c === ')' || c === ']') && brackets > 0 && --brackets === 0) {
      const group = out.slice(open) + c;
      const kept =
        texLength(group) <= longest
          ? `{${group}}`
          : `${group[0] as string}${keepGroupsTogether(group.slice(1, -1), longest)}${c}`;
      out = out.slice(0, open) + kept;
      continue;
    }
    out += c;
  }
  return out;
}

/** A flat \left( … \right) longer than this many TeX characters is written with plain brackets. */
const FLAT_GROUP = 24;

/** Inside these, a group is tall (a fraction, a sum, a matrix): its \left…\right sizing matters. */
const TALL = /\\(frac|dfrac|tfrac|sum|prod|begin|left|underbrace|overbrace|sqrt)(?![a-zA-Z])/;

/**
 * The same TeX with each long, flat \left( … \right) (or [ … ]) written with plain brackets:
 * KaTeX never breaks inside \left…\right, so with plain brackets keepGroupsTogether can leave a
 * long run breakable. Short groups, and groups holding something tall whose brackets must grow
 * with it, keep \left…\right.
 */
export function flattenLongGroups(tex: string): string {
  let out = '';
  let i = 0;
  while (i < tex.length) {
    const open = /^\\left([([])/.exec(tex.slice(i));
    if (!open) {
      out += tex[i];
      i++;
      continue;
    }
    const close = open[1] === '(' ? ')' : ']';
    const end = matchingRight(tex, i + open[0].length);
    const content = end < 0 ? '' : tex.slice(i + open[0].length, end);
    const flat = end >= 0 && tex.startsWith(`\\right${close}`, end) && !TALL.test(content);
    if (!flat || texLength(content) <= FLAT_GROUP) {
      out += open[0];
      i += open[0].length;
      continue;
    }
    out += `${open[1]}${content}${close}`;
    i = end + '\\right'.length + 1;
  }
  return out;
}

/** Where the \right that closes a \left opened just before `from` begins, or −1. */
function matchingRight(tex: string, from: number): number {
  let depth = 1;
  for (let i = from; i < tex.length; i++) {
    if (tex.startsWith('\\left', i)) depth++;
    else if (tex.startsWith('\\right', i) && --depth === 0) return i;
  }
  return -1;
}

/** Relations and binary operators a line may break before, as TeX commands or characters. */
const RELATIONS = new Set([
  '=',
  '\\approx',
  '\\leftarrow',
  '\\gets',
  '\\to',
  '\\rightarrow',
  '\\neq',
]);
const BINARY = new Set(['+', '-', '\\cdot', '\\odot', '\\pm']);
/** The binary operators of a product: a short one stays whole (breakBeforeOperators). */
const PRODUCTS = new Set(['\\cdot', '\\odot']);
/** A TeX command: a backslash and a word, or one other character. */
const COMMAND = /\\([a-zA-Z]+|.)/y;
/** Spacing and break commands: they leave what comes before an operator as it was. */
const SPACES = /^\\(nobreak|allowbreak|quad|qquad|[,;:! ])$/;

/**
 * The same TeX with each top-level relation or binary operator made the place to break BEFORE it:
 * KaTeX breaks a line only after one, leaving "·" or "=" dangling at the end of the line; written
 * as \allowbreak op \nobreak, the break falls before the operator and the next line starts with
 * it, as typeset mathematics does. A sign (a − or + with no operand before it: at the start,
 * after an operator, an opening bracket or a comma) is left alone, so it never parts from its
 * number; so is anything inside braces, \left…\right or an environment, where KaTeX never breaks.
 * A short product (a term between two of +, −, the relations and top-level brackets, of up to
 * SHORT_GROUP TeX characters) stays whole: a line breaks before a term of a sum, never inside 0.4·0.1385; a longer
 * one may break before its · .
 */
export function breakBeforeOperators(tex: string): string {
  let out = '';
  // The current term's products: where its ·s go in `out`, and where the term began in `tex`.
  let products: { at: number; op: string; after: string }[] = [];
  let termStart = 0;
  let depth = 0;
  // What came last at the top level: an operand, or something a sign may follow.
  let operand = false;
  /** Ends the term before tex[end]: its ·s become breaks if it is long, kept whole if short. */
  const endTerm = (end: number) => {
    const short = texLength(tex.slice(termStart, end)) <= SHORT_GROUP;
    for (const { at, op, after } of products.reverse()) {
      // KaTeX would break after the operator: \nobreak alone keeps the product whole.
      const written = short ? `${op}\\nobreak${after}` : `\\allowbreak ${op}\\nobreak${after}`;
      out = out.slice(0, at) + written + out.slice(at);
    }
    products = [];
    termStart = end;
  };
  // The operator at tex[i], as a place to break before (a space after \nobreak unless one follows).
  const mark = (op: string, i: number) => {
    const binary = operand;
    operand = false;
    if (!binary) return op;
    const after = /\s/.test(tex[i + 1] ?? ' ') ? '' : ' ';
    if (PRODUCTS.has(op)) {
      products.push({ at: out.length, op, after });
      return '';
    }
    endTerm(i + 1 - op.length);
    return `\\allowbreak ${op}\\nobreak${after}`;
  };
  for (let i = 0; i < tex.length; i++) {
    const c = tex[i] as string;
    if (c === '\\') {
      COMMAND.lastIndex = i;
      const word = (COMMAND.exec(tex) ?? ['\\'])[0];
      i += word.length - 1;
      if (word === '\\left' || word === '\\begin') depth++;
      else if (word === '\\right' || word === '\\end') depth--;
      if (depth > 0 || word === '\\right' || word === '\\end') {
        out += word;
        if (depth === 0) operand = true;
      } else if (RELATIONS.has(word) || BINARY.has(word)) {
        const marked = mark(word, i); // first: it may rewrite `out`
        out += marked;
      } else {
        out += word;
        if (!SPACES.test(word)) operand = true;
      }
      continue;
    }
    if (c === '{') depth++;
    else if (c === '}') depth--;
    if (depth > 0 || c === '}') {
      out += c;
      if (depth === 0) operand = true;
    } else if (RELATIONS.has(c) || BINARY.has(c)) {
      const marked = mark(c, i); // first: it may rewrite `out`
      out += marked;
    } else {
      // A bracket at the top level (a long group written flat) bounds the terms inside it.
      if (c === '(' || c === '[') endTerm(i);
      out += c;
      if (c === ')' || c === ']') endTerm(i + 1);
      if (c === '(' || c === '[' || c === ',') operand = false;
      else if (c.trim() !== '') operand = true;
    }
  }
  endTerm(tex.length);
  return out;
}

/**
 * The TeX without the line-break hints breakableTex adds (\allowbreak, \nobreak): what the MathML
 * annotation carries, the equation's source as a reader or a copy wants it.
 */
export function withoutBreakHints(tex: string): string {
  return tex.replace(/\\allowbreak\s*/g, '').replace(/\s*\\nobreak(?![a-zA-Z])\s*/g, ' ');
}

/** breakableTex's result per form, and how many it keeps (the equations of a few steps). */
const breakableForms = new Map<string, string>();
const MAX_FORMS = 500;
const MARKS = new RegExp(NUMBER_MARK, 'g');

/**
 * TeX laid out to wrap in a narrow box: only at its top-level operators, before them (the next
 * line starts with the operator), every bracketed group kept on one line, and a leading "=" glued
 * to what follows (a wrapped line never holds a lone "="). A group wider than the box can only fit
 * by breaking inside it: `insideLongGroups` gives that fallback, where long flat groups break at
 * their own top-level operators and short ones stay together; the page uses it only for an
 * equation the first layout leaves wider than its box.
 */
export function breakableTex(tex: string, insideLongGroups = false): string {
  // Worked out once per form, the decimals standing for themselves: a drag changes only digits.
  const decimals: string[] = [];
  const form = tex.replace(TEX_NUMBERS, (n) => {
    if (n.startsWith('\\') || !n.includes('.')) return n;
    decimals.push(n);
    return NUMBER_MARK;
  });
  const key = `${insideLongGroups ? 1 : 0}${form}`;
  let broken = breakableForms.get(key);
  if (broken === undefined) {
    const kept = insideLongGroups
      ? keepGroupsTogether(flattenLongGroups(form), SHORT_GROUP)
      : keepGroupsTogether(form);
    broken = breakBeforeOperators(kept).replace(/^\s*=\s*/, '= \\nobreak ');
    if (breakableForms.size >= MAX_FORMS) breakableForms.clear();
    breakableForms.set(key, broken);
  }
  let k = 0;
  return broken.replace(MARKS, () => decimals[k++] as string);
}
