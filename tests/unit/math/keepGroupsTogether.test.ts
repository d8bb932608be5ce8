import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { breakableTex, flattenLongGroups, keepGroupsTogether } from '../../../src/math/tex';

describe('keepGroupsTogether', () => {
  it('wraps each short top-level parenthesized run in braces', () => {
    expect(keepGroupsTogether('= 0.59327(1 - 0.59327) = 0.241301')).toBe(
      '= 0.59327{(1 - 0.59327)} = 0.241301',
    );
    expect(keepGroupsTogether('(a + (b - c)) \\cdot (d)')).toBe('{(a + (b - c))} \\cdot {(d)}');
  });

  it('leaves parentheses inside braces, \\left…\\right or an environment alone', () => {
    expect(keepGroupsTogether('\\sigma{(z)} + x')).toBe('\\sigma{(z)} + x');
    expect(keepGroupsTogether('\\left( a (b) \\right)')).toBe('\\left( a (b) \\right)');
    expect(keepGroupsTogether('\\begin{bmatrix} (a) \\end{bmatrix}')).toBe(
      '\\begin{bmatrix} (a) \\end{bmatrix}',
    );
  });

  it('does not count escaped braces as groups, and leaves a long run breakable', () => {
    expect(keepGroupsTogether('\\{ (a) \\}')).toBe('\\{ {(a)} \\}');
    const long = `(${Array.from({ length: 30 }, (_, k) => `${k}`).join(' + ')})`;
    expect(keepGroupsTogether(long)).toBe(long);
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

describe('breakableTex', () => {
  const terms = Array.from({ length: 8 }, (_, k) => `0.12345${k}\\cdot (-0.5432${k})`).join(' + ');

  it('writes a long flat \\left( … \\right) with plain brackets, so it breaks after + or ·', () => {
    expect(flattenLongGroups(`\\frac{1}{4}\\left(${terms}\\right)`)).toBe(`\\frac{1}{4}(${terms})`);
    // Short, or holding something tall: the sized brackets stay.
    expect(flattenLongGroups('\\left(a + b\\right)')).toBe('\\left(a + b\\right)');
    const tall = `\\left(\\sum_{k} ${terms}\\right)`;
    expect(flattenLongGroups(tall)).toBe(tall);
  });

  it('keeps the short groups inside a long one together', () => {
    expect(breakableTex(`x = \\left(${terms}\\right)`)).toContain('{(-0.54320)}');
  });

  it('glues a leading "=" to what follows, so no line holds a lone "="', () => {
    expect(breakableTex('= 0.5\\cdot 0.2')).toBe('= \\nobreak 0.5\\cdot 0.2');
    expect(breakableTex('a = b')).toBe('a = b');
  });
});
