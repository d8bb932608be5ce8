import type { Task } from '../data';
import { putClass, putDiverging } from './palette';

/**
 * The grid's numbers as pixels: the output heatmap and each unit's thumbnail, RGBA for ImageData.
 * Pure loops over typed arrays (run in the worker), one pass per picture and nothing allocated
 * per pixel.
 */

/** The network's output over the plane: P(class 1), the class it picks, or ŷ on [mid ± half]. */
export function paintOutput(
  out: readonly Float64Array[],
  points: number,
  task: Task,
  mid: number,
  half: number,
  discretize = false,
): Uint8ClampedArray {
  const image = new Uint8ClampedArray(points * 4);
  const K = out.length;
  const first = out[0] as Float64Array;
  if (task === 'multiclass') {
    for (let p = 0; p < points; p++) {
      let best = 0;
      let top = first[p] as number;
      for (let k = 1; k < K; k++) {
        const a = (out[k] as Float64Array)[p] as number;
        if (a > top) [best, top] = [k, a];
      }
      putClass(image, p, best, discretize ? 1 : (top - 1 / K) / (1 - 1 / K), K);
    }
  } else {
    const [shift, scale] = task === 'binary' ? [0.5, 2] : [mid, 1 / half];
    paintColumn(image, first, points, shift, scale, discretize);
  }
  return image;
}

/** One column at full resolution: (a − shift)·scale on the diverging scale, or just its sign. */
export function paintColumn(
  image: Uint8ClampedArray,
  column: Float64Array,
  points: number,
  shift: number,
  scale: number,
  discretize = false,
): Uint8ClampedArray {
  for (let p = 0; p < points; p++) {
    const t = ((column[p] as number) - shift) * scale;
    putDiverging(image, p, discretize ? (t >= 0 ? 1 : -1) : t);
  }
  return image;
}

/** Where a T × T thumbnail samples an R × R grid: every stride-th point, from the cell centres. */
function sampler(R: number, T: number) {
  const stride = R / T;
  const offset = Math.floor(stride / 2);
  return (tj: number, ti: number) => (tj * stride + offset) * R + offset + ti * stride;
}

/**
 * One T × T thumbnail per column, one under another: value a of column k is drawn at
 * (a − shift[k]) · scale[k] on the diverging scale (−1 orange, 0 white, +1 blue).
 */
export function paintThumbnails(
  columns: readonly Float64Array[],
  R: number,
  T: number,
  shift: readonly number[],
  scale: readonly number[],
): Uint8ClampedArray {
  const image = new Uint8ClampedArray(columns.length * T * T * 4);
  const at = sampler(R, T);
  columns.forEach((column, k) => {
    const s = shift[k] ?? 0;
    const f = scale[k] ?? 1;
    let pixel = k * T * T;
    for (let tj = 0; tj < T; tj++) {
      for (let ti = 0; ti < T; ti++)
        putDiverging(image, pixel++, ((column[at(tj, ti)] as number) - s) * f);
    }
  });
  return image;
}

/** One thumbnail per class: its probability in its own hue, as the output heatmap paints it. */
export function paintClassThumbnails(
  columns: readonly Float64Array[],
  R: number,
  T: number,
): Uint8ClampedArray {
  const image = new Uint8ClampedArray(columns.length * T * T * 4);
  const at = sampler(R, T);
  columns.forEach((column, k) => {
    let pixel = k * T * T;
    for (let tj = 0; tj < T; tj++) {
      for (let ti = 0; ti < T; ti++) {
        putClass(image, pixel++, k, column[at(tj, ti)] as number, columns.length);
      }
    }
  });
  return image;
}
