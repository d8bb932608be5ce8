import { describe, expect, it } from 'vitest';
import { applyScale, prepareData, readCsv, scaleOf } from '../../../src/data';
import { inputRows, points, rows } from './unpack';

describe('scaling inputs with the training split', () => {
  it('standardises with the mean and the (population) deviation; a constant input is divided by 1', () => {
    const scale = scaleOf(
      'standard',
      inputRows([
        [1, 5],
        [3, 5],
        [8, 5],
      ]),
    );
    expect(scale).toEqual({
      kind: 'standard',
      offset: [4, 5],
      factor: [Math.sqrt(26 / 3), 1],
      constant: [false, true],
    });
    expect(applyScale(scale, [4 - Math.sqrt(26 / 3) * 2, 7])).toEqual([-2, 2]);
  });

  it('stretches to [0, 1] with the minimum and the range, or leaves the inputs as they are', () => {
    const scale = scaleOf(
      'unit',
      inputRows([
        [2, -1],
        [6, 3],
      ]),
    );
    expect(scale).toEqual({
      kind: 'unit',
      offset: [2, -1],
      factor: [4, 4],
      constant: [false, false],
    });
    expect(applyScale(scale, [4, 0])).toEqual([0.5, 0.25]);
    expect(scaleOf('raw', inputRows([[1, 2]]))).toBeNull();
    expect(applyScale(null, [1, 2])).toEqual([1, 2]);
  });

  it('takes its statistics from the training points only, and scales the test points with them', () => {
    const read = readCsv(
      `a,label\n${[1, 2, 3, 4, 5, 6, 7, 100].map((v, i) => `${v},${i % 2}`).join('\n')}`,
    );
    if (!read.ok) throw new Error(read.error);
    const data = prepareData(read.dataset, ['x1'], 0.5, 3, 'standard');
    const train = Array.from(data.trainRaw);
    const mean = train.reduce((a, b) => a + b, 0) / train.length;
    const deviation = Math.sqrt(train.reduce((a, b) => a + (b - mean) ** 2, 0) / train.length);
    expect(data.scale?.offset).toEqual([mean]);
    expect(data.scale?.factor[0]).toBeCloseTo(deviation, 12);
    const testRaw = rows(data.testRaw, 1);
    points(data.test).forEach((sample, i) => {
      expect(sample.x[0]).toBeCloseTo(((testRaw[i]?.[0] as number) - mean) / deviation, 12);
    });
  });
});
