import type { Range } from './types';

/**
 * Inputs that are a picture: w × h pixels, row by row (the 8×8 digits). A table says so in one of
 * two ways, both written in the CSV panel's help:
 * - a comment line `# picture 8×8` (width × height; `x` for `×` is fine), whose pixels are then
 *   the input columns in order, row by row;
 * - input columns named by their pixel: `pixel_<row>_<column>` (scikit-learn's digits), or
 *   `pixel<k>` / `px<k>` numbered from 0 when their count is a square (MNIST's CSV files), in order.
 * Pure functions of the names and the comments, so they are tested alone.
 */
/** A picture's size in pixels: `width` columns by `height` rows. */
export interface PictureSize {
  width: number;
  height: number;
}

export interface PictureShape extends PictureSize {
  /** The pixels' values in the data: the lowest (paper) to the highest (ink). */
  range: Range;
  /** How the table said it is a picture, in words. */
  why: string;
}

/** A picture has at least 2 × 2 pixels. */
export const MIN_SIDE = 2;

/** The shape a comment states, "# picture 8×8", or null when it states none. */
export function pictureComment(comment: string): { width: number; height: number } | null {
  const match = /^#\s*picture\s+(\d+)\s*[×xX*]\s*(\d+)\s*$/i.exec(comment.trim());
  if (!match) return null;
  return { width: Number(match[1]), height: Number(match[2]) };
}

/** The grid the names give, `pixel_<row>_<column>` row by row, covering it all; else null. */
function gridFromNames(names: readonly string[]): { width: number; height: number } | null {
  const cells = names.map((name) => /^(?:pixel|px)_?(\d+)_(\d+)$/i.exec(name.trim()));
  if (cells.some((cell) => !cell)) return null;
  const rows = cells.map((cell) => Number(cell?.[1]));
  const columns = cells.map((cell) => Number(cell?.[2]));
  const width = Math.max(...columns) + 1;
  const height = Math.max(...rows) + 1;
  if (width * height !== names.length) return null;
  const inOrder = cells.every(
    (_, k) => rows[k] === Math.floor(k / width) && columns[k] === k % width,
  );
  return inOrder ? { width, height } : null;
}

/** A square of `pixel<k>` or `px<k>`, k = 0, 1, 2… in order; else null. */
function squareFromNames(names: readonly string[]): { width: number; height: number } | null {
  const side = Math.round(Math.sqrt(names.length));
  if (side * side !== names.length) return null;
  const numbered = names.every((name, k) => {
    const match = /^(?:pixel|px)_?(\d+)$/i.exec(name.trim());
    return match !== null && Number(match[1]) === k;
  });
  return numbered ? { width: side, height: side } : null;
}

export type PictureReading =
  | { picture: PictureShape | null; problem: null }
  /** The file says it is a picture, but the inputs do not fit: read as separate inputs. */
  | { picture: null; problem: string };

/**
 * Whether these inputs are a picture: by a comment (first), else by their names. `values` are the
 * inputs of every row (packed, as a dataset's points.inputs), for the picture's range.
 */
export function readPicture(
  inputNames: readonly string[],
  comments: readonly string[],
  values: ArrayLike<number>,
): PictureReading {
  const n = inputNames.length;
  const stated = comments.map(pictureComment).find((shape) => shape !== null) ?? null;
  let shape: { width: number; height: number } | null = null;
  let why = '';
  if (stated) {
    const pixels = stated.width * stated.height;
    if (pixels !== n || stated.width < MIN_SIDE || stated.height < MIN_SIDE) {
      const reason =
        pixels !== n
          ? `${pixels} pixels, and there are ${n} inputs`
          : `a picture needs at least ${MIN_SIDE} × ${MIN_SIDE} pixels`;
      return {
        picture: null,
        problem: `The file says "picture ${stated.width}×${stated.height}": ${reason}, so the inputs are read one by one.`,
      };
    }
    shape = stated;
    why = `the file says "picture ${stated.width}×${stated.height}"`;
  } else {
    shape = gridFromNames(inputNames) ?? squareFromNames(inputNames);
    why = 'the inputs are named by their pixels';
  }
  if (!shape || shape.width < MIN_SIDE || shape.height < MIN_SIDE) {
    return { picture: null, problem: null };
  }
  let lo = Infinity;
  let hi = -Infinity;
  for (let k = 0; k < values.length; k++) {
    const v = values[k] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!(hi > lo)) [lo, hi] = [Number.isFinite(lo) ? lo : 0, Number.isFinite(lo) ? lo + 1 : 1];
  return { picture: { ...shape, range: [lo, hi], why }, problem: null };
}
