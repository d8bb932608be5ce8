// @vitest-environment happy-dom
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it } from 'vitest';
import {
  NUMBER_MARK,
  TEX_NUMBERS,
  layoutForm,
  breakBeforeOperators,
  breakableTex,
  flattenLongGroups,
  keepGroupsTogether,
} from '../../../src/math/lineBreaks';
import { texNumber } from '../../../src/math/format';

describe('keepGroupsTogether', () => {
  it('wraps each top-level bracketed run in braces, however long', () => {
    expect(keepGroupsTogether('= 0.59327(1 - 0.59327) = 0.241301')).toBe(
      '= 0.59327{(1 - 0.59327)} = 0.241301',
    );
    expect(keepGroupsTogether('(a + (b - c)) \\cdot (d)')).toBe('{(a + (b - c))} \\cdot {(d)}');
    const long = `(${Array.from({ length: 30 }, (_, k) => `${k}`).join(' + ')})`;
    expect(keepGroupsTogether(long)).toBe(`{${long}}`);
    // Square brackets too: the expanded binary cross-entropy is one run.
    expect(keepGroupsTogether('-[0\\cdot \\ln(0.369) + (1 - 0)\\ln(1 - 0.369)]')).toBe(
      '-{[0\\cdot \\ln(0.369) + (1 - 0)\\ln(1 - 0.369)]}',
    );
  });

  it('leaves brackets inside braces, \\left…\\right or an environment alone', () => {
    expect(keepGroupsTogether('\\sigma{(z)} + x')).toBe('\\sigma{(z)} + x');
    expect(keepGroupsTogether('\\left( a (b) \\right)')).toBe('\\left( a (b) \\right)');
    expect(keepGroupsTogether('-\\left[y\\ln(a) + (1 - y)\\ln(1 - a)\\right]')).toBe(
      '-\\left[y\\ln(a) + (1 - y)\\ln(1 - a)\\right]',
    );
    expect(keepGroupsTogether('\\begin{bmatrix} (a) \\end{bmatrix}')).toBe(
      '\\begin{bmatrix} (a) \\end{bmatrix}',
    );
  });

  it('does not count escaped braces as groups', () => {
    expect(keepGroupsTogether('\\{ (a) \\}')).toBe('\\{ {(a)} \\}');
  });

  it('with a longest length, leaves a longer run breakable and keeps its short runs together', () => {
    const long = `(${Array.from({ length: 30 }, (_, k) => `${k}`).join(' + ')})`;
    expect(keepGroupsTogether(long, 30)).toBe(long);
    expect(keepGroupsTogether('(a + (b - c) + dddddddddddddddddddddddd)', 30)).toBe(
      '(a + {(b - c)} + dddddddddddddddddddddddd)',
    );
  });

  it('gives TeX that still typesets', () => {
    const tex = keepGroupsTogether(
      '\\delta_{1}^{(1)} = (0.4\\cdot 0.138499 + 0.5\\cdot (-0.0380982))\\cdot 0.59327(1 - 0.59327) = 0.00877135',
    );
    expect(() =>
      katex.renderToString(`\\displaystyle ${tex}`, { throwOnError: true }),
    ).not.toThrow();
  });
});

/**
 * The pieces KaTeX lets a line wrap between: the text of each top-level base of its inline rendering
 * (the browser breaks between bases only).
 */
function breakableRuns(tex: string): string[] {
  const holder = document.createElement('div');
  holder.innerHTML = katex.renderToString(tex, { throwOnError: true, output: 'html' });
  return Array.from(holder.querySelectorAll('.katex-html > .katex-base')).map(
    (base) => base.textContent ?? '',
  );
}

/** Do the brackets of a run balance, so that no break falls inside one? */
function balanced(run: string): boolean {
  let depth = 0;
  for (const c of run) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (depth < 0) return false;
  }
  return depth === 0;
}

/** An operator a line may break before, and not after, as breakableTex writes it. */
const BEFORE = (op: string) => `\\allowbreak ${op}\\nobreak`;
/** An operator no line may break at: a product kept whole in a sum. */
const KEPT = (op: string) => `${op}\\nobreak`;

describe('breakableTex', () => {
  const terms = Array.from({ length: 8 }, (_, k) => `0.12345${k}\\cdot (-0.5432${k})`).join(' + ');

  it('wraps the phone’s loss only at its top-level operators, never inside its brackets', () => {
    // The expanded binary cross-entropy and squared error, as the loss step writes them.
    const losses = [
      'L_{1} = -\\left[y_{1}\\ln(a_{1}^{(2)}) + (1 - y_{1})\\ln(1 - a_{1}^{(2)})\\right]',
      '= -\\left[0\\cdot \\ln(0.369) + (1 - 0)\\ln(1 - 0.369)\\right]',
      '= \\tfrac12\\left[(0.7514 - 0.01)^2 + (0.7729 - 0.99)^2\\right]',
      `= \\frac{1}{4}\\left(${terms}\\right) = 0.5`,
      '= (0.4\\cdot 0.1385 + 0.5\\cdot (-0.0381))\\cdot 0.5933(1 - 0.5933)',
    ];
    expect(breakableTex(losses[1] as string)).toBe(
      '= \\nobreak -\\left[0\\cdot \\ln(0.369) + (1 - 0)\\ln(1 - 0.369)\\right]',
    );
    expect(breakableTex(losses[4] as string)).toBe(
      '= \\nobreak {(0.4\\cdot 0.1385 + 0.5\\cdot (-0.0381))}\\allowbreak \\cdot\\nobreak 0.5933{(1 - 0.5933)}',
    );
    for (const tex of losses) {
      const runs = breakableRuns(`\\displaystyle ${breakableTex(tex)}`);
      for (const run of runs) expect(balanced(run), `${run} in ${tex}`).toBe(true);
    }
    // It still wraps where it may: before the "=" of "L₁ =", and before the "·" between the ( … ) runs.
    expect(breakableRuns(`\\displaystyle ${breakableTex(losses[0] as string)}`)).toHaveLength(2);
    expect(breakableRuns(`\\displaystyle ${breakableTex(losses[4] as string)}`)).toHaveLength(2);
    // Typeset as given, the sum inside \frac{1}{4}( … ) would have been breakable.
    const loose = breakableRuns(`\\displaystyle ${breakableTex(losses[3] as string, true)}`);
    expect(loose.some((run) => !balanced(run))).toBe(true);
  });

  it('as the fallback, writes a long flat \\left( … \\right) with plain brackets, breakable after + or ·', () => {
    expect(flattenLongGroups(`\\frac{1}{4}\\left(${terms}\\right)`)).toBe(`\\frac{1}{4}(${terms})`);
    // Short, or holding something tall: the sized brackets stay.
    expect(flattenLongGroups('\\left(a + b\\right)')).toBe('\\left(a + b\\right)');
    const tall = `\\left(\\sum_{k} ${terms}\\right)`;
    expect(flattenLongGroups(tall)).toBe(tall);
    expect(breakableTex(`x = \\left(${terms}\\right)`, true)).toBe(
      `x ${BEFORE('=')} (${terms
        .replace(/\(-0\.5432\d\)/g, '{$&}')
        .replace(/\\cdot /g, `${KEPT('\\cdot')} `)
        .replace(/ \+ /g, ` ${BEFORE('+')} `)})`,
    );
  });

  it('glues a leading "=" to what follows, so no line holds a lone "="', () => {
    const dot = `0.5${KEPT('\\cdot')} 0.2`;
    expect(breakableTex('= 0.5\\cdot 0.2')).toBe(`= \\nobreak ${dot}`);
    expect(breakableTex('= 0.5\\cdot 0.2', true)).toBe(`= \\nobreak ${dot}`);
    expect(breakableTex('a = b')).toBe(`a ${BEFORE('=')} b`);
  });
});

describe('breakBeforeOperators', () => {
  it('breaks before a top-level relation or binary operator, never after it', () => {
    expect(breakBeforeOperators('a = b + c - d')).toBe(
      `a ${BEFORE('=')} b ${BEFORE('+')} c ${BEFORE('-')} d`,
    );
    // In braces, \\left…\\right and environments KaTeX never breaks: left alone.
    const inside = '{a + b}\\left(c\\cdot d\\right)\\begin{bmatrix} 1 & -2 \\end{bmatrix}';
    expect(breakBeforeOperators(inside)).toBe(inside);
  });

  it('keeps a short product whole: a line breaks before a term of a sum, never inside a·b', () => {
    expect(breakBeforeOperators('a = b\\cdot c - d\\cdot e')).toBe(
      `a ${BEFORE('=')} b${KEPT('\\cdot')} c ${BEFORE('-')} d${KEPT('\\cdot')} e`,
    );
    // A long product may break before its ·: here, a chain rule's seven factors.
    const factors = Array.from(
      { length: 7 },
      (_, k) => `\\frac{\\partial a_${k}}{\\partial z_${k}}`,
    );
    expect(breakBeforeOperators(`x = ${factors.join('\\cdot ')}`)).toBe(
      `x ${BEFORE('=')} ${factors.join(`${BEFORE('\\cdot')} `)}`,
    );
  });

  it('leaves a sign with its number: at the start, after an operator, a bracket or a comma', () => {
    expect(breakBeforeOperators('-x')).toBe('-x');
    expect(breakBeforeOperators('a = -0.5')).toBe(`a ${BEFORE('=')} -0.5`);
    expect(breakBeforeOperators('(-0.5, -1) + -2')).toBe(`(-0.5, -1) ${BEFORE('+')} -2`);
    expect(breakBeforeOperators('a\\nobreak -b')).toBe(`a\\nobreak ${BEFORE('-')} b`);
  });

  it('on a phone, the fallback starts each wrapped line with its operator and ends none with one', () => {
    const chain =
      '= (0.4\\cdot 0.1385 + 0.5\\cdot (-0.0381) + 0.45\\cdot 0.0912 + 0.55\\cdot (-0.0227))\\cdot 0.5933(1 - 0.5933)';
    const runs = breakableRuns(`\\displaystyle ${breakableTex(chain, true)}`);
    // One run per term of the sum: a line may break before each, and nowhere else.
    expect(runs).toHaveLength(4);
    const operator = /^[=+\u2212\u22c5]/;
    for (const run of runs) expect(run.trim(), run).not.toMatch(/[=+\u2212\u22c5]$/);
    for (const run of runs.slice(1)) expect(run.trim(), run).toMatch(operator);
    // The signs stay with their numbers, and each product of the sum stays whole.
    expect(runs).toContain('+0.5\u22c5(\u22120.0381)');
    for (const run of runs) expect(run, run).not.toMatch(/^\u22c5/);
  });
});

describe('line breaks follow the form, not the digits', () => {
  // Playground's largest network, the chain rule for w₄₆⁽²⁾ substituted: as a weight is dragged its
  // numbers lose and gain digits (0.9617, 0.962) and signs. Where a line may break must not move with them,
  // or each edit of the weight typesets the equation anew and measures it twice.
  const FORM =
    '= \\left(# \\cdot # + # \\cdot # + #\\cdot # + # \\cdot # + #\\cdot # + # \\cdot # + # \\cdot # + #\\cdot #\\right)\\cdot # \\cdot # = # \\cdot # \\cdot #';
  const slots = FORM.split('#').length - 1;
  const decimal = fc
    .tuple(fc.integer({ min: 0, max: 9 }), fc.integer({ min: 1, max: 99_999_999 }))
    .map(([whole, fraction]) => `${whole}.${fraction}`);
  const skeleton = (tex: string) =>
    layoutForm(tex.replace(TEX_NUMBERS, (n) => (n.startsWith('\\') ? n : NUMBER_MARK)));
  const fill = (numbers: string[]) => {
    let k = 0;
    return FORM.replace(/#/g, () => numbers[k++] as string);
  };

  // A number near zero changes sign as the weight moves: written (−0.01) or 0.01; one nearer zero
  // is written in scientific notation, (−5.651×10⁻⁵), as texNumber writes it.
  const signed = fc.oneof(
    fc.tuple(decimal, fc.boolean()).map(([n, negative]) => (negative ? `(-${n})` : n)),
    fc
      .double({ min: -1, max: 1, noNaN: true })
      .map((x) => texNumber(x, 4, true))
      // A whole number (0, or a = 1 rounded) keeps its own length, as a constant of the form would.
      .filter((n) => !/^\(?-?\d+\)?$/.test(n)),
  );

  it('gives the same breaks, in the layout and in its fallback, whatever the digits, signs and notation', () => {
    const reference = fill(Array.from({ length: slots }, () => '0.1385'));
    fc.assert(
      fc.property(fc.array(signed, { minLength: slots, maxLength: slots }), (numbers) => {
        for (const fallback of [false, true]) {
          expect(skeleton(breakableTex(fill(numbers), fallback))).toBe(
            skeleton(breakableTex(reference, fallback)),
          );
        }
      }),
    );
  });
});
