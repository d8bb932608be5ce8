import { describe, expect, it } from 'vitest';
import { prepareData, readCsv } from '../../../src/data';
import { loadRealText } from '../../../src/data/realDatasets';
import { sampleAt, samplesOf, type Network } from '../../../src/engine';
import {
  pixelColor,
  pixelImage,
  type PixelColors,
} from '../../../src/components/training/pixelImage';
import {
  answerOf,
  classNamesOf,
  classOf,
  drawingSample,
  exampleIndices,
  largestMagnitude,
  targetOf,
  unitWeights,
} from '../../../src/training/pictures';

async function digits() {
  const read = readCsv(await loadRealText('digits'));
  if (!read.ok) throw new Error(read.error);
  return prepareData(read.dataset, [], 0.5, 1, 'standard');
}

describe('the Train tab on pictures', () => {
  it('reads the class of a target', () => {
    expect(classOf([0, 0, 1, 0], 'multiclass')).toBe(2);
    expect(classOf([1], 'binary')).toBe(1);
    expect(classOf([0], 'binary')).toBe(0);
    expect(classOf([3.5], 'regression')).toBe(-1);
  });

  it('shows the first two training points of each digit, in class order', async () => {
    const data = await digits();
    const shown = exampleIndices(data, 2, 20);
    expect(shown.map((i) => classOf(sampleAt(data.train, i).y, 'multiclass'))).toEqual([
      0, 0, 1, 1, 2, 2, 3, 3, 4, 4, 5, 5, 6, 6, 7, 7, 8, 8, 9, 9,
    ]);
    const firstSeven = samplesOf(data.train).findIndex((s) => s.y[7] === 1);
    expect(shown[14]).toBe(firstSeven);
    expect(exampleIndices(data, 2, 5)).toHaveLength(5);
    expect(classNamesOf(data, null)).toEqual(['0', '1', '2', '3', '4', '5', '6', '7', '8', '9']);
  });

  it("takes a unit's incoming weights out of W^(1), row-major n₀ × n₁", () => {
    // W = [[1, 2, 3], [4, 5, 6]]: 2 inputs, 3 units.
    const flat = Float64Array.from([1, 2, 3, 4, 5, 6]);
    expect(unitWeights(flat, 2, 3, 1)).toEqual([2, 5]);
    expect(largestMagnitude([0.5, -2, 1])).toBe(2);
    expect(largestMagnitude([0, 0])).toBe(0);
  });

  it('scales a drawing as the training inputs are, with the class chosen as its target', async () => {
    const data = await digits();
    const scale = data.scale;
    if (!scale) throw new Error('standardised');
    const pixels = new Array(64).fill(0);
    pixels[20] = 16;
    const sample = drawingSample(pixels, data, 3);
    expect(sample.y).toEqual([0, 0, 0, 1, 0, 0, 0, 0, 0, 0]);
    expect(sample.x[20]).toBe((16 - (scale.offset[20] as number)) / (scale.factor[20] as number));
    // pixel_0_0 is 0 in every training point: minus 0, divided by 1.
    expect(scale.constant[0]).toBe(true);
    expect(sample.x[0]).toBe(0);
    expect(targetOf(1, { ...data, task: 'binary' })).toEqual([1]);
  });

  it("gives the network's answer as each class's probability", () => {
    const softmax: Network = {
      inputSize: 1,
      loss: 'crossEntropy',
      layers: [{ activation: 'softmax', weights: [[0, 0]], biases: [0, Math.log(3)] }],
    };
    const [p0, p1] = answerOf(softmax, { x: [1], y: [1, 0] }, 'multiclass');
    expect(p0).toBeCloseTo(0.25, 15);
    expect(p1).toBeCloseTo(0.75, 15);
    const sigmoid: Network = {
      inputSize: 1,
      loss: 'binaryCrossEntropy',
      layers: [{ activation: 'sigmoid', weights: [[2]], biases: [-2] }],
    };
    expect(answerOf(sigmoid, { x: [1], y: [0] }, 'binary')).toEqual([0.5, 0.5]);
  });
});

describe('the colours of a picture', () => {
  it('draws inputs as ink on paper over the data range', () => {
    const ink: PixelColors = { kind: 'ink', range: [0, 16] };
    expect(pixelColor(0, ink)).toEqual([255, 255, 255]);
    expect(pixelColor(16, ink)).toEqual([17, 17, 17]);
    expect(pixelColor(8, ink)).toEqual([136, 136, 136]);
    expect(pixelColor(40, ink)).toEqual([17, 17, 17]);
  });

  it('draws weights orange below 0, white at 0, blue above, to ±limit', () => {
    const weights: PixelColors = { kind: 'diverging', limit: 2 };
    expect(pixelColor(-2, weights)).toEqual([230, 159, 0]);
    expect(pixelColor(0, weights)).toEqual([255, 255, 255]);
    expect(pixelColor(2, weights)).toEqual([0, 114, 178]);
    expect(pixelColor(1, weights)).toEqual([128, 185, 217]);
    expect(pixelColor(1, { kind: 'diverging', limit: 0 })).toEqual([255, 255, 255]);
    expect([...pixelImage([0, 2], weights)]).toEqual([255, 255, 255, 255, 0, 114, 178, 255]);
  });
});
