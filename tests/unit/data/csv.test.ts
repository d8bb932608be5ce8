import { describe, expect, it } from 'vitest';
import { DATA_LIMITS, readCsv, readTable, type Reading } from '../../../src/data';
import { loadRealText } from '../../../src/data/realDatasets';
import { points } from './unpack';

const auto: Reading = { targets: null, task: 'auto', dropMissing: false };

function read(text: string, reading: Partial<Reading> = {}) {
  const result = readCsv(text, { ...auto, ...reading });
  if (!result.ok) throw new Error(result.error);
  return result;
}

function error(text: string, reading: Partial<Reading> = {}): string {
  const result = readCsv(text, { ...auto, ...reading });
  if (result.ok) throw new Error('expected an error');
  return result.error;
}

describe('the table reader on hostile files', () => {
  it('reads quoted fields holding commas, quotes and line breaks', () => {
    const text = 'name,"a, b","say ""hi""",label\n"x, 1",1,2,0\n"two\nlines",3,4,1\n"3",5,6,1\n';
    const result = readTable(text);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const { table } = result;
    expect(table.columns.map((c) => c.name)).toEqual(['name', 'a, b', 'say "hi"', 'label']);
    expect(table.columns[0]?.texts).toEqual(['x, 1', 'two\nlines', '3']);
    expect([...(table.columns[1]?.numbers ?? [])]).toEqual([1, 3, 5]);
    // The quoted line break moves the lines after it on by one.
    expect([...table.lines]).toEqual([2, 3, 5]);
  });

  it('strips a byte-order mark and reads CRLF line ends', () => {
    const result = read('\uFEFFx1,x2,label\r\n1,2,0\r\n3,4,1\r\n');
    expect(result.dataset.inputNames).toEqual(['x1', 'x2']);
    expect(points(result.dataset.points)).toEqual([
      { x: [1, 2], y: [0] },
      { x: [3, 4], y: [1] },
    ]);
  });

  it('finds semicolons and tabs, with decimal commas beside semicolons', () => {
    for (const text of ['a;b;y\n1,5;2;3\n4;5;6,25', 'a\tb\ty\n1.5\t2\t3\n4\t5\t6.25']) {
      expect(points(read(text).dataset.points)).toEqual([
        { x: [1.5, 2], y: [3] },
        { x: [4, 5], y: [6.25] },
      ]);
    }
    expect(read('1;2\r\n3;4').dataset.inputNames).toEqual(['x₁']);
  });

  it('skips blank lines and #-comments, and names the columns of a file without a header', () => {
    const result = read('# made by hand\n1,2,3\n\n4,5,6\n  \n7,8,9\n', { targets: [1, 2] });
    expect(result.dataset.inputNames).toEqual(['x₁']);
    expect(result.dataset.targetNames).toEqual(['y₁', 'y₂']);
    expect(result.dataset.points.count).toBe(3);
  });

  it('reads a headerless file whose label column is names as data', () => {
    const result = read('5.1,3.5,setosa\n7.0,3.2,versicolor\n6.3,3.3,virginica');
    expect(result.dataset.points.count).toBe(3);
    expect(result.classes).toEqual(['setosa', 'versicolor', 'virginica']);
  });

  it('refuses a 10 MB file with the numbers', () => {
    const row = '0.123456,0.654321,1\n';
    const text = `a,b,label\n${row.repeat(Math.ceil(10_000_000 / row.length))}`;
    expect(text.length).toBeGreaterThan(10_000_000);
    expect(error(text)).toBe(
      `The file has ${text.length.toLocaleString('en-US')} characters; at most 5,242,880 (5 MB).`,
    );
  });

  it('refuses more rows, columns or inputs than training takes, with the numbers', () => {
    const rows = `a,b\n${'1,0\n'.repeat(DATA_LIMITS.maxRows + 5)}`;
    expect(error(rows)).toBe('The file has more than 20,000 data rows; at most 20,000.');
    const wide = (n: number) =>
      [Array.from({ length: n }, (_, i) => `c${i}`), Array(n).fill(1), Array(n).fill(0)]
        .map((r) => r.join(','))
        .join('\n');
    expect(error(wide(80))).toBe('Line 1 has 80 columns; at most 74 (64 inputs and 10 targets).');
    expect(error(wide(66))).toMatch(/^65 input columns; the Train tab takes at most 64\./);
    expect(readCsv(wide(65)).ok).toBe(true);
  });

  it('names the line and the reason for every problem', () => {
    expect(error('')).toBe('The file is empty: no lines with values.');
    expect(error('\n  \n# only a comment')).toMatch(/empty/);
    expect(error('1,2,3\n4,5\n')).toBe('Line 2: 2 columns; line 1 has 3.');
    expect(error('1,2\n2e9,3\n')).toBe('Line 2: column 1 is 2000000000, beyond ±1,000,000.');
    expect(error('only\n1\n2')).toBe(
      'Line 1 has 1 column; a file needs at least 2 (inputs, then a target).',
    );
    expect(error('a,b\n1,2')).toBe(
      'The file has 1 data row; training needs at least 2 (some to train on, some to test).',
    );
  });
});

describe('mixed types', () => {
  it('refuses a name in an input column, with its line and column', () => {
    expect(error('a,b,label\n1,2,0\n3,oops,1\n4,5,0')).toBe(
      "Line 3: column 2 (b) is 'oops', not a number: names can only be a target.",
    );
  });

  it('reads a target of numbers and names together as names', () => {
    const result = read('a,label\n1,cat\n2,7\n3,cat\n4,dog');
    expect(result.classes).toEqual(['7', 'cat', 'dog']);
    expect(result.dataset.task).toBe('multiclass');
  });
});

describe('missing values', () => {
  const text = 'a,b,label\n1,2,x\n,4,y\n5,NA,x\n6,7,?\n8,9,y\n10,11,x';

  it('reports each missing cell by line and column, and reads nothing', () => {
    const result = readCsv(text, auto);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error).toBe(
      '3 values missing (empty, NA or ?) in 3 rows: line 3 (a), line 4 (b), line 5 (label). Training needs a number in every cell: drop those rows to use the rest.',
    );
    expect(result.missing).toEqual([
      { line: 3, column: 'a' },
      { line: 4, column: 'b' },
      { line: 5, column: 'label' },
    ]);
  });

  it('drops those rows when asked, and says so', () => {
    const result = read(text, { dropMissing: true });
    expect(points(result.dataset.points)).toEqual([
      { x: [1, 2], y: [0] },
      { x: [8, 9], y: [1] },
      { x: [10, 11], y: [0] },
    ]);
    expect(result.inferred).toContain(
      '3 rows with missing values left out: line 3 (a), line 4 (b), line 5 (label).',
    );
  });
});

describe('targets and tasks', () => {
  it('takes a column named like a label, wherever it is', () => {
    const result = read('Class,x1,x2\na,1,2\nb,3,4\na,5,6');
    expect(result.targets).toEqual([0]);
    expect(result.dataset.inputNames).toEqual(['x1', 'x2']);
    expect(result.dataset.task).toBe('binary');
    expect(points(result.dataset.points).map((p) => p.y)).toEqual([[0], [1], [0]]);
    expect(result.inferred).toBe(
      '3 rows of 3 columns, with a header, separated by commas. Target: Class (its name says it is the label): names, so 2 classes — a (0) and b (1). Inputs: the other 2 columns.',
    );
  });

  it('reads one-hot columns at the end as classes, and says so', () => {
    const result = read('x1,x2,c1,c2,c3\n1,2,1,0,0\n3,4,0,1,0\n5,6,0,0,1\n7,8,0,1,0');
    expect(result.targets).toEqual([2, 3, 4]);
    expect(result.dataset.task).toBe('multiclass');
    expect(result.dataset.targetNames).toEqual(['c1', 'c2', 'c3']);
    expect(points(result.dataset.points)[1]).toEqual({ x: [3, 4], y: [0, 1, 0] });
    expect(result.inferred).toContain(
      'Target: c1, c2, c3 (one-hot columns at the end): one-hot columns, so 3 classes — c1, c2, c3.',
    );
  });

  it('reads a few whole numbers as classes, other numbers as regression', () => {
    const digits = read('a,d\n1,3\n2,0\n3,9\n4,3');
    expect(digits.classes).toEqual(['0', '3', '9']);
    expect(points(digits.dataset.points)[0]?.y).toEqual([0, 1, 0]);
    const many = read(`a,y\n${Array.from({ length: 11 }, (_, i) => `${i},${i}`).join('\n')}`);
    expect(many.dataset.task).toBe('regression');
    const real = read('a,y\n1,0.5\n2,1.5\n3,2');
    expect(real.dataset.task).toBe('regression');
    expect(real.inferred).toContain(
      'Target: y (its name says it is the label): numbers, so regression.',
    );
  });

  it('switches between classes and regression where the target allows', () => {
    const text = 'a,d\n1,3\n2,0\n3,9\n4,3';
    const asNumbers = read(text, { task: 'regression' });
    expect(asNumbers.dataset.task).toBe('regression');
    expect(points(asNumbers.dataset.points)[0]?.y).toEqual([3]);
    expect(asNumbers.inferred).toContain('numbers, so regression (your choice).');
    expect(error('a,y\n1,0.5\n2,1.5', { task: 'classes' })).toBe(
      'y cannot be classes: it holds 0.5, not a whole number or a name.',
    );
    expect(error('a,y\n1,no\n2,yes', { task: 'regression' })).toBe(
      'y holds names, not numbers: it can only be classes.',
    );
  });

  it('takes the columns the learner picks', () => {
    const result = read('a,b,c\n1,2,3\n4,5,6\n7,8,9.5', { targets: [0] });
    expect(result.dataset.inputNames).toEqual(['b', 'c']);
    expect(result.inferred).toContain('Target: a (your choice)');
    expect(error('a,b\n1,2\n3,4', { targets: [0, 1] })).toBe(
      'Every column is a target: leave at least one as an input.',
    );
    expect(error('a,b\n1,2\n3,4', { targets: [5] })).toBe(
      'Choose 1 to 1 of the 2 columns as the target.',
    );
  });

  it('refuses more classes than outputs, and a single class', () => {
    const many = `a,label\n${Array.from({ length: 12 }, (_, i) => `${i},k${i}`).join('\n')}`;
    expect(error(many)).toBe('label has 12 distinct values; at most 10 classes (one output each).');
    expect(error('a,label\n1,cat\n2,cat')).toBe(
      'label has one class only (cat); training needs two or more.',
    );
  });
});

describe('the datasets in the box', () => {
  it.each([
    ['iris', 150, 4, ['setosa', 'versicolor', 'virginica']],
    ['wine', 178, 13, ['class_0', 'class_1', 'class_2']],
    ['digits', 1797, 64, ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']],
  ] as const)('reads %s: %i rows, %i inputs, its classes', async (id, rows, inputs, classes) => {
    const result = read(await loadRealText(id));
    expect(result.dataset.points.count).toBe(rows);
    expect(result.dataset.inputNames).toHaveLength(inputs);
    expect(result.classes).toEqual(classes);
    expect(result.dataset.task).toBe('multiclass');
  });
});
