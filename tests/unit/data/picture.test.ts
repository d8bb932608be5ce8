import { describe, expect, it } from 'vitest';
import {
  drawingToPicture,
  inkBitmap,
  pictureComment,
  prepareData,
  readCsv,
  readPicture,
} from '../../../src/data';
import { loadRealText } from '../../../src/data/realDatasets';

function read(text: string) {
  const result = readCsv(text);
  if (!result.ok) throw new Error(result.error);
  return result;
}

describe('inputs that are a picture', () => {
  it('knows the digits are 8×8 pictures of 0…16, by their column names', async () => {
    const { dataset } = read(await loadRealText('digits'));
    expect(dataset.picture).toEqual({
      width: 8,
      height: 8,
      range: [0, 16],
      why: 'the inputs are named by their pixels',
    });
    // Iris and Wine are not.
    expect(read(await loadRealText('iris')).dataset.picture).toBeNull();
    expect(read(await loadRealText('wine')).dataset.picture).toBeNull();
  });

  it('passes the shape on to the prepared data, where the inputs go in as they are', async () => {
    const { dataset } = read(await loadRealText('digits'));
    const data = prepareData(dataset, ['x1', 'x2'], 0.5, 1, 'standard');
    expect(data.picture?.width).toBe(8);
    expect(data.inputNames).toHaveLength(64);
  });

  it('reads a comment "# picture W×H" (or WxH), whatever the columns are called', () => {
    expect(pictureComment('# picture 8×8')).toEqual({ width: 8, height: 8 });
    expect(pictureComment('#Picture 3 x 2')).toEqual({ width: 3, height: 2 });
    expect(pictureComment('# a picture of 8x8')).toBeNull();
    const text = '# picture 3x2\na,b,c,d,e,f,label\n0,1,2,3,4,5,0\n5,4,3,2,1,9,1\n';
    expect(read(text).dataset.picture).toEqual({
      width: 3,
      height: 2,
      range: [0, 9],
      why: 'the file says "picture 3×2"',
    });
  });

  it('says when the comment does not fit the inputs, and reads them one by one', () => {
    const text = '# picture 3×3\na,b,c,d,label\n0,1,2,3,0\n1,2,3,4,1\n';
    const result = read(text);
    expect(result.dataset.picture).toBeNull();
    expect(result.inferred).toContain(
      'The file says "picture 3×3": 9 pixels, and there are 4 inputs, so the inputs are read one by one.',
    );
  });

  it('takes pixel<k> or px<k> numbered in order when their count is a square', () => {
    const names = ['pixel0', 'pixel1', 'pixel2', 'pixel3'];
    expect(readPicture(names, [], [0, 255, 3, 4]).picture).toMatchObject({
      width: 2,
      height: 2,
      range: [0, 255],
    });
    expect(readPicture(['px0', 'px1', 'px2', 'px3'], [], [0, 1, 0, 1]).picture?.width).toBe(2);
    // Out of order, not a square, or other names: not a picture.
    expect(readPicture(['px1', 'px0', 'px2', 'px3'], [], []).picture).toBeNull();
    expect(readPicture(['px0', 'px1', 'px2'], [], []).picture).toBeNull();
    expect(readPicture(['a', 'b', 'c', 'd'], [], []).picture).toBeNull();
    // pixel_<row>_<column> must cover its grid row by row.
    expect(
      readPicture(['pixel_0_0', 'pixel_0_1', 'pixel_1_1', 'pixel_1_0'], [], []).picture,
    ).toBeNull();
    expect(
      readPicture(
        ['pixel_0_0', 'pixel_0_1', 'pixel_0_2', 'pixel_1_0', 'pixel_1_1', 'pixel_1_2'],
        [],
        [0, 1, 2, 3, 4, 5],
      ).picture,
    ).toMatchObject({ width: 3, height: 2 });
  });
});

describe('a drawing as a picture', () => {
  const digit = { width: 8, height: 8, range: [0, 16] as [number, number] };

  it('fits a vertical stroke into the 32 × 32 bitmap and counts the ink of each 4 × 4 block', () => {
    const pixels = drawingToPicture(
      [
        [
          [0, 0],
          [0, 10],
        ],
      ],
      digit,
    );
    const column = (c: number) => Array.from({ length: 8 }, (_, r) => pixels[r * 8 + c]);
    // The stroke is 6 bits wide (centres 13.5 to 18.5 within 3 of x = 16), rounded at its ends.
    expect(column(3)).toEqual([11, 12, 12, 12, 12, 12, 12, 11]);
    expect(column(4)).toEqual([11, 12, 12, 12, 12, 12, 12, 11]);
    for (const c of [0, 1, 2, 5, 6, 7]) expect(column(c)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('fits a wide drawing into the middle three quarters of the width, as the digits are', () => {
    const pixels = drawingToPicture(
      [
        [
          [0, 0],
          [10, 0],
        ],
      ],
      digit,
    );
    const row = (r: number) => pixels.slice(r * 8, r * 8 + 8);
    // x from 7 to 25 of 32 (18 = 24 − 6 bits between the pen's centres), y at 16.
    expect(row(3).map((v) => v > 0)).toEqual([false, true, true, true, true, true, true, false]);
    expect(row(3)).toEqual(row(4));
    for (const r of [0, 1, 2, 5, 6, 7]) expect(row(r)).toEqual([0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('is the same drawing at any size and place on the pad', () => {
    const small = drawingToPicture(
      [
        [
          [10, 10],
          [12, 14],
          [14, 10],
        ],
      ],
      digit,
    );
    const large = drawingToPicture(
      [
        [
          [100, 300],
          [120, 340],
          [140, 300],
        ],
      ],
      digit,
    );
    expect(large).toEqual(small);
    expect(small.reduce((a, b) => a + b, 0)).toBeGreaterThan(100);
  });

  it('scales to the data: a block all ink is the highest value, none the lowest', () => {
    const bits = inkBitmap([[[0, 0]]], 8, 8);
    // A dot of radius 3 at the centre: the bits whose centres are within 3 of it, 8 a quadrant.
    expect([...bits].reduce((a, b) => a + b, 0)).toBe(32);
    // Row 0 is 3.5 from it; (row 2, column 1) is 2.5 and 1.5 away, (row 1, column 1) 2.5 and 2.5.
    expect([bits[1], bits[9], bits[17], bits[10]]).toEqual([0, 0, 1, 1]);
    // Half of each pixel's 16 bits: 10 + (20 − 10) · 8/16.
    const pixels = drawingToPicture([[[0, 0]]], { width: 2, height: 2, range: [10, 20] });
    expect(pixels).toEqual([15, 15, 15, 15]);
    expect(drawingToPicture([], digit)).toEqual(new Array(64).fill(0));
  });
});
