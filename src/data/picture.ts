/**
 * When a table's inputs are the pixels of a picture: columns named pixel_<row>_<column> (as the
 * 8×8 digits are), every row and column of a w × h grid, in reading order; or pixel0 … pixel<n−1>
 * with n a square (as MNIST's CSV files are). Anything else is not a picture.
 */

export interface PictureShape {
  width: number;
  height: number;
}

/** Smallest picture worth drawing as one (a 4 × 4 grid). */
const MIN_PIXELS = 16;

export function pictureShapeOf(names: readonly string[]): PictureShape | null {
  const n = names.length;
  if (n < MIN_PIXELS) return null;
  const grid = names.map((name) => /^pixel_(\d+)_(\d+)$/.exec(name));
  if (grid.every((m) => m !== null)) {
    const last = grid[n - 1] as RegExpExecArray;
    const height = Number(last[1]) + 1;
    const width = Number(last[2]) + 1;
    if (width * height !== n) return null;
    const inOrder = grid.every(
      (m, i) => Number(m?.[1]) === Math.floor(i / width) && Number(m?.[2]) === i % width,
    );
    return inOrder ? { width, height } : null;
  }
  const side = Math.round(Math.sqrt(n));
  if (side * side === n && names.every((name, i) => name === `pixel${i}`)) {
    return { width: side, height: side };
  }
  return null;
}
