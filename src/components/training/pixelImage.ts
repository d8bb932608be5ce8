import type { Range } from '../../data';
import { BLUE, ORANGE, type Rgb } from '../../training/palette';

/**
 * The colours of a picture's pixels, as RGBA bytes for ImageData: ink on paper for inputs (the
 * data's lowest value white, its highest near black), or a diverging scale for weights (orange
 * negative, white 0, blue positive, as the diagram's edges). Pure, so they are tested alone.
 */
export type PixelColors = { kind: 'ink'; range: Range } | { kind: 'diverging'; limit: number };

const PAPER: Rgb = [255, 255, 255];
const INK: Rgb = [17, 17, 17];

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

const clamp = (t: number) => (t > 1 ? 1 : t < 0 ? 0 : t === t ? t : 0);

/** The colour of one value. */
export function pixelColor(value: number, colors: PixelColors): Rgb {
  if (colors.kind === 'ink') {
    const [lo, hi] = colors.range;
    return mix(PAPER, INK, clamp(hi > lo ? (value - lo) / (hi - lo) : 0));
  }
  const t = colors.limit > 0 ? value / colors.limit : 0;
  return t < 0 ? mix(PAPER, ORANGE, clamp(-t)) : mix(PAPER, BLUE, clamp(t));
}

/** Every pixel's colour, row by row, as RGBA bytes. */
export function pixelImage(values: ArrayLike<number>, colors: PixelColors): Uint8ClampedArray {
  const image = new Uint8ClampedArray(values.length * 4);
  for (let k = 0; k < values.length; k++) {
    image.set(pixelColor(values[k] as number, colors), k * 4);
    image[k * 4 + 3] = 255;
  }
  return image;
}

/** Paint the values on a canvas one canvas pixel each (CSS scales it up, pixelated). */
export function paintPixels(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  width: number,
  height: number,
  colors: PixelColors,
): void {
  if (values.length !== width * height) return;
  if (canvas.width !== width) canvas.width = width;
  if (canvas.height !== height) canvas.height = height;
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  const bytes = pixelImage(values, colors) as Uint8ClampedArray<ArrayBuffer>;
  ctx.putImageData(new ImageData(bytes, width, height), 0, 0);
}
