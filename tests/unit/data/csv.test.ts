import { describe, expect, it } from 'vitest';
import { DATA_LIMITS, parseCsv } from '../../../src/data';

const auto = { inputColumns: null };

function error(text: string, options: { inputColumns: number | null } = auto): string {
  const result = parseCsv(text, options);
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('CSV parsing', () => {
  it('reads a header, inputs and the last column as the target', () => {
    const result = parseCsv('a,b,label\n1,2,0\n-3.5,4e-1,1\n\n# a comment\n0,0,1\n', auto);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.header).toEqual(['a', 'b', 'label']);
    expect(result.dataset.inputNames).toEqual(['a', 'b']);
    expect(result.dataset.targetNames).toEqual(['label']);
    expect(result.dataset.task).toBe('binary');
    expect(result.dataset.points).toEqual([
      { x: [1, 2], y: [0] },
      { x: [-3.5, 0.4], y: [1] },
      { x: [0, 0], y: [1] },
    ]);
  });

  it('works without a header, with semicolons, tabs, CRLF and quotes', () => {
    for (const text of ['1;2\r\n3;4', '1\t2\n3\t4', '"1","2"\n"3","4"']) {
      const result = parseCsv(text, auto);
      expect(result.ok && result.dataset.points).toEqual([
        { x: [1], y: [2] },
        { x: [3], y: [4] },
      ]);
    }
    const named = parseCsv('1,2,3\n4,5,6', { inputColumns: 1 });
    expect(named.ok && named.dataset.inputNames).toEqual(['x₁']);
    expect(named.ok && named.dataset.targetNames).toEqual(['y₁', 'y₂']);
  });

  it('tells regression, two classes and one-hot classes apart', () => {
    const task = (text: string, k: number | null = null) => {
      const r = parseCsv(text, { inputColumns: k });
      return r.ok ? r.dataset.task : r.error;
    };
    expect(task('1,0\n2,1\n3,1')).toBe('binary');
    expect(task('1,0.5\n2,1')).toBe('regression');
    expect(task('1,1,0,0\n2,0,1,0\n3,0,0,1', 1)).toBe('multiclass');
    expect(task('1,1,1,0\n2,0,1,0', 1)).toBe('regression');
  });

  it('names the line and the reason for every problem', () => {
    expect(error('')).toBe('The file is empty: no lines with numbers.');
    expect(error('\n  \n# only a comment')).toMatch(/empty/);
    expect(error('x,y\n1,2\n3,4\n5,6\n6,7\n7,8\n8,abc')).toBe(
      "Line 7: column 2 is 'abc', not a number.",
    );
    expect(error('1,2,3\n4,5\n')).toBe('Line 2: 2 columns; line 1 has 3.');
    expect(error('1,2\n3,\n')).toBe('Line 2: column 2 is empty.');
    expect(error('1,2\n3,2e9\n')).toMatch(/^Line 2: column 2 is 2e9, beyond ±1,000,000\.$/);
    expect(error('1\n2\n')).toMatch(/^Line 1 has 1 column/);
    expect(error('x,y\n1,2')).toMatch(/1 data row; training needs at least 2/);
    expect(error('1,2,3\n4,5,6', { inputColumns: 3 })).toMatch(/1 to 2 can be inputs/);
    expect(error('1,2,3,4,5,6,7,8,9,10\n1,2,3,4,5,6,7,8,9,10', { inputColumns: 9 })).toMatch(
      /9 input columns; a network here takes at most 8/,
    );
    expect(
      error(Array.from({ length: 12 }, () => '1').join(',') + '\n1', { inputColumns: 1 }),
    ).toMatch(/11 target columns/);
  });

  it('counts lines as the file has them: blank lines and comments included', () => {
    expect(error('# my data\nx,y\n\n1,2\n\n# more\n3,4\n5,six\n')).toBe(
      "Line 8: column 2 is 'six', not a number.",
    );
    expect(error('1,2\r\n\r\n3,4,5\r\n')).toBe('Line 3: 3 columns; line 1 has 2.');
    expect(error('a;b\n1;2\n3;NaN')).toBe("Line 3: column 2 is 'NaN', not a number.");
    expect(error('a,b\n1,2\n3,Infinity')).toBe("Line 3: column 2 is 'Infinity', not a number.");
    const minus = parseCsv('a,b\n\u22121.5,2\n3,4', auto);
    expect(minus.ok && minus.dataset.points[0]?.x).toEqual([-1.5]);
  });

  it('refuses files that are too large', () => {
    const rows = Array.from({ length: DATA_LIMITS.maxPoints + 1 }, (_, i) => `${i},1`).join('\n');
    expect(error(rows)).toMatch(/2,001 data rows; at most 2,000/);
    expect(error('1,'.repeat(DATA_LIMITS.maxCsvChars))).toMatch(/characters; at most/);
  });

  it('pads the plotted range around the data', () => {
    const result = parseCsv('0,0\n10,1', auto);
    expect(result.ok && result.dataset.domain).toEqual([[-0.5, 10.5]]);
  });
});
