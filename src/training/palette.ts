/**
 * Colors of the heatmaps, as bytes for ImageData: a diverging scale from orange (−1, class 0)
 * through white (0) to blue (+1, class 1), Okabe–Ito hues so it reads for color-blind learners,
 * and one hue per class for softmax outputs. Pure functions on typed arrays, usable in a worker.
 */

export type Rgb = readonly [number, number, number];

export const ORANGE: Rgb = [230, 159, 0];
export const BLUE: Rgb = [0, 114, 178];
const WHITE: Rgb = [255, 255, 255];

/** Okabe–Ito, then two more, for up to ten classes. */
export const CLASS_COLORS: readonly Rgb[] = [
  ORANGE,
  BLUE,
  [0, 158, 115],
  [204, 121, 167],
  [86, 180, 233],
  [213, 94, 0],
  [240, 228, 66],
  [0, 0, 0],
  [153, 153, 153],
  [140, 86, 75],
];

export const toCss = ([r, g, b]: Rgb): string => `rgb(${r}, ${g}, ${b})`;

/** Binary data: class 1 is blue, class 0 orange (as the heatmap's +1 and −1). */
export function classColor(k: number, classes: number): Rgb {
  if (classes <= 2) return k === 1 ? BLUE : ORANGE;
  return CLASS_COLORS[k % CLASS_COLORS.length] as Rgb;
}

const mix = (a: Rgb, b: Rgb, t: number): Rgb => [
  Math.round(a[0] + (b[0] - a[0]) * t),
  Math.round(a[1] + (b[1] - a[1]) * t),
  Math.round(a[2] + (b[2] - a[2]) * t),
];

/** 257 RGB triples for t from −1 to 1 (the middle one exactly white); the ends are pale enough that the data points stand out. */
export const DIVERGING: Uint8Array = (() => {
  const lut = new Uint8Array(257 * 3);
  for (let i = 0; i < 257; i++) {
    const t = i / 128 - 1;
    const color = t < 0 ? mix(WHITE, ORANGE, -t * 0.6) : mix(WHITE, BLUE, t * 0.6);
    lut.set(color, i * 3);
  }
  return lut;
})();

/** Write the diverging color of t ∈ [−1, 1] (clamped) at pixel `pixel` of an RGBA image. */
export function putDiverging(image: Uint8ClampedArray, pixel: number, t: number): void {
  const clamped = t > 1 ? 1 : t < -1 ? -1 : t === t ? t : 0;
  const i = Math.round((clamped + 1) * 128) * 3;
  const o = pixel * 4;
  image[o] = DIVERGING[i] as number;
  image[o + 1] = DIVERGING[i + 1] as number;
  image[o + 2] = DIVERGING[i + 2] as number;
  image[o + 3] = 255;
}

/** 257 RGB triples per class: white mixed with the class's hue by 0.1 + 0.5·confidence. */
const classLuts = new Map<string, Uint8Array>();
function classLut(k: number, classes: number): Uint8Array {
  const key = `${k}/${classes}`;
  let lut = classLuts.get(key);
  if (!lut) {
    lut = new Uint8Array(257 * 3);
    for (let i = 0; i < 257; i++)
      lut.set(mix(WHITE, classColor(k, classes), 0.1 + (0.5 * i) / 256), i * 3);
    classLuts.set(key, lut);
  }
  return lut;
}

/** Softmax outputs: the winning class's hue, paler the less sure the network is. */
export function putClass(
  image: Uint8ClampedArray,
  pixel: number,
  k: number,
  confidence: number,
  classes: number,
): void {
  const lut = classLut(k, classes);
  const c = confidence > 1 ? 1 : confidence > 0 ? confidence : 0;
  const i = Math.round(c * 256) * 3;
  const o = pixel * 4;
  image[o] = lut[i] as number;
  image[o + 1] = lut[i + 1] as number;
  image[o + 2] = lut[i + 2] as number;
  image[o + 3] = 255;
}

/** WCAG relative luminance of an sRGB color. */
function luminance([r, g, b]: Rgb): number {
  const linear = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
}

/** WCAG contrast ratio of two colors (1 to 21). */
export function contrast(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

const BLACK: Rgb = [0, 0, 0];

/**
 * A confusion-matrix cell shaded by its share t ∈ [0, 1] of its row: blue where the network is
 * right (the diagonal), orange where it is wrong, white at 0; with the text color, black or white,
 * that reads better on it (always at least 4.5 : 1).
 */
export function cellShade(t: number, right: boolean): { background: Rgb; text: Rgb } {
  const share = t > 1 ? 1 : t > 0 ? t : 0;
  const background = mix(WHITE, right ? BLUE : ORANGE, share);
  const text = contrast(background, BLACK) >= contrast(background, WHITE) ? BLACK : WHITE;
  return { background, text };
}
