import type { PictureShape } from './picture';

/**
 * A drawing turned into a picture as the 8×8 digits were made (UCI optical digits): the strokes
 * are fitted into a bitmap of 4 × 4 bits per pixel (32 × 32 for 8 × 8), centred and as large as
 * the digits are, and each pixel is the share of its 16 bits that are ink, on the data's own scale
 * (0…16 for the digits: the count itself). Pure, so the same drawing always gives the same input.
 */

/** A stroke: the points the pen went through, in the pad's own units (y down). */
export type Stroke = readonly (readonly [number, number])[];

/** Bits per pixel side: each pixel is a 4 × 4 block of the bitmap. */
export const BITS_PER_PIXEL = 4;
/** The pen's radius in bits: strokes about 6 bits wide, as the digits' (about 300 bits of ink each). */
export const PEN_RADIUS = 3;

/** Squared distance from (px, py) to the segment (ax, ay)–(bx, by). */
function squaredDistance(px: number, py: number, ax: number, ay: number, bx: number, by: number) {
  const dx = bx - ax;
  const dy = by - ay;
  const length = dx * dx + dy * dy;
  const t = length > 0 ? Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length)) : 0;
  const x = ax + t * dx - px;
  const y = ay + t * dy - py;
  return x * x + y * y;
}

/**
 * The share of the width a drawing may fill: the digits fill their height, but their first and
 * last columns are nearly always blank (a mean ink of 0.0–0.4 of 16 there), so a wide drawing is
 * fitted into the middle three quarters.
 */
export const WIDTH_USED = 0.75;

/**
 * The strokes as a bitmap `columns` × `rows` bits (1 = ink, row by row): their bounding box scaled
 * to fill its height or the middle of its width (keeping its proportions, the pen inside the edge)
 * and centred.
 */
export function inkBitmap(strokes: readonly Stroke[], columns: number, rows: number): Uint8Array {
  const bits = new Uint8Array(columns * rows);
  const points = strokes.flat();
  if (points.length === 0) return bits;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of points) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  const roomX = WIDTH_USED * columns - 2 * PEN_RADIUS;
  const roomY = rows - 2 * PEN_RADIUS;
  const spanX = x1 - x0;
  const spanY = y1 - y0;
  const scale = Math.min(
    spanX > 0 ? roomX / spanX : Infinity,
    spanY > 0 ? roomY / spanY : Infinity,
    // A dot: drawn as a dot.
    spanX > 0 || spanY > 0 ? Infinity : 1,
  );
  const offsetX = columns / 2 - ((x0 + x1) / 2) * scale;
  const offsetY = rows / 2 - ((y0 + y1) / 2) * scale;
  const segments: number[] = [];
  for (const stroke of strokes) {
    const fitted = stroke.map(([x, y]) => [x * scale + offsetX, y * scale + offsetY] as const);
    fitted.forEach((point, k) => {
      const next = fitted[k + 1] ?? (k === 0 ? point : null);
      if (next) segments.push(point[0], point[1], next[0], next[1]);
    });
  }
  const r2 = PEN_RADIUS * PEN_RADIUS;
  for (let row = 0; row < rows; row++) {
    for (let column = 0; column < columns; column++) {
      const px = column + 0.5;
      const py = row + 0.5;
      for (let s = 0; s < segments.length; s += 4) {
        const d = squaredDistance(
          px,
          py,
          segments[s] as number,
          segments[s + 1] as number,
          segments[s + 2] as number,
          segments[s + 3] as number,
        );
        if (d <= r2) {
          bits[row * columns + column] = 1;
          break;
        }
      }
    }
  }
  return bits;
}

/**
 * The drawing as the picture's pixels, row by row: each the share of its block's bits that are
 * ink, from the data's lowest value (none) to its highest (all).
 */
export function drawingToPicture(
  strokes: readonly Stroke[],
  picture: Pick<PictureShape, 'width' | 'height' | 'range'>,
): number[] {
  const { width, height, range } = picture;
  const b = BITS_PER_PIXEL;
  const columns = width * b;
  const bits = inkBitmap(strokes, columns, height * b);
  const [lo, hi] = range;
  const pixels: number[] = [];
  for (let row = 0; row < height; row++) {
    for (let column = 0; column < width; column++) {
      let ink = 0;
      for (let i = 0; i < b; i++) {
        for (let j = 0; j < b; j++) ink += bits[(row * b + i) * columns + column * b + j] as number;
      }
      pixels.push(lo + ((hi - lo) * ink) / (b * b));
    }
  }
  return pixels;
}
