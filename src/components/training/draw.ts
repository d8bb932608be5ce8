import type { PreparedData, Range } from '../../data';
import { BLUE, classColor, DIVERGING, toCss, type Rgb } from '../../training/palette';

/** Canvas drawing for the heatmaps: images in, pixels out; nothing here is React. */

export function context(canvas: HTMLCanvasElement): CanvasRenderingContext2D | null {
  return canvas.getContext('2d');
}

/** Put an RGBA image of side × side pixels on a canvas of that many pixels (CSS scales it). */
export function putImage(canvas: HTMLCanvasElement, rgba: Uint8ClampedArray, side: number): void {
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  const ctx = context(canvas);
  if (!ctx) return;
  ctx.putImageData(new ImageData(rgba as Uint8ClampedArray<ArrayBuffer>, side, side), 0, 0);
}

/** Match the canvas's pixels to its CSS size at the screen's density. */
export function fitCanvas(canvas: HTMLCanvasElement, width: number, height: number): number {
  const ratio = Math.min(2, typeof devicePixelRatio === 'number' ? devicePixelRatio : 1);
  const w = Math.round(width * ratio);
  const h = Math.round(height * ratio);
  if (canvas.width !== w) canvas.width = w;
  if (canvas.height !== h) canvas.height = h;
  return ratio;
}

function divergingCss(t: number): string {
  const clamped = Math.max(-1, Math.min(1, Number.isFinite(t) ? t : 0));
  const i = Math.round((clamped + 1) * 128) * 3;
  return `rgb(${DIVERGING[i]}, ${DIVERGING[i + 1]}, ${DIVERGING[i + 2]})`;
}

/** The color of a point's target: its class, or its value on the diverging scale. */
export function targetColor(data: PreparedData, y: number[], range: Range): string {
  if (data.task === 'binary') return toCss(classColor((y[0] as number) >= 0.5 ? 1 : 0, 2));
  if (data.task === 'multiclass') {
    let best = 0;
    y.forEach((v, k) => {
      if (v > (y[best] as number)) best = k;
    });
    return toCss(classColor(best, y.length));
  }
  const mid = (range[0] + range[1]) / 2;
  const half = Math.max((range[1] - range[0]) / 2, 1e-9);
  return divergingCss(((y[0] as number) - mid) / half);
}

const scale =
  ([d0, d1]: Range, r0: number, r1: number) =>
  (v: number) =>
    r0 + ((v - d0) / (d1 - d0)) * (r1 - r0);

/**
 * Training points as filled dots with a white rim; test points as dots with a dark ring, so the
 * two sets can be told apart without color.
 */
export function drawPlanePoints(
  canvas: HTMLCanvasElement,
  data: PreparedData,
  size: number,
  showTest: boolean,
  range: Range,
): void {
  const ratio = fitCanvas(canvas, size, size);
  const ctx = context(canvas);
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, size, size);
  const x = scale(data.domain[0] ?? [0, 1], 0, size);
  const y = scale(data.domain[1] ?? [0, 1], size, 0);
  const dot = (raw: number[], target: number[], test: boolean) => {
    ctx.beginPath();
    ctx.arc(x(raw[0] as number), y(raw[1] as number), test ? 3.6 : 3.2, 0, 2 * Math.PI);
    ctx.fillStyle = targetColor(data, target, range);
    ctx.fill();
    ctx.lineWidth = test ? 1.6 : 1;
    ctx.strokeStyle = test ? '#0f172a' : '#ffffff';
    ctx.stroke();
  };
  data.train.forEach((s, i) => dot(data.trainRaw[i] as number[], s.y, false));
  if (showTest) data.test.forEach((s, i) => dot(data.testRaw[i] as number[], s.y, true));
}

/** A 1-D fit: the data as dots and the network's output as a line over x. */
export function drawLine(
  canvas: HTMLCanvasElement,
  data: PreparedData,
  width: number,
  height: number,
  xs: Float64Array,
  ys: Float64Array,
  showTest: boolean,
): void {
  const ratio = fitCanvas(canvas, width, height);
  const ctx = context(canvas);
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const targets = [...data.train, ...data.test].map((s) => s.y[0] as number);
  const lo = Math.min(...targets, -1.2);
  const hi = Math.max(...targets, 1.2);
  const x = scale(data.domain[0] ?? [0, 1], 0, width);
  const y = scale([lo, hi], height - 4, 4);
  ctx.strokeStyle = '#cbd5e1';
  ctx.beginPath();
  ctx.moveTo(0, y(0));
  ctx.lineTo(width, y(0));
  ctx.stroke();
  const dot = (raw: number[], target: number[], test: boolean) => {
    ctx.beginPath();
    ctx.arc(x(raw[0] as number), y(target[0] as number), 3, 0, 2 * Math.PI);
    ctx.fillStyle = test ? '#ffffff' : toCss(BLUE);
    ctx.fill();
    ctx.strokeStyle = test ? '#0f172a' : '#ffffff';
    ctx.stroke();
  };
  data.train.forEach((s, i) => dot(data.trainRaw[i] as number[], s.y, false));
  if (showTest) data.test.forEach((s, i) => dot(data.testRaw[i] as number[], s.y, true));
  strokeCurve(ctx, xs, ys, x, y, '#d55e00', 2.5);
}

export function strokeCurve(
  ctx: CanvasRenderingContext2D,
  xs: ArrayLike<number>,
  ys: ArrayLike<number>,
  x: (v: number) => number,
  y: (v: number) => number,
  color: string,
  width: number,
): void {
  ctx.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const px = x(xs[i] as number);
    const py = y(ys[i] as number);
    if (i === 0) ctx.moveTo(px, py);
    else ctx.lineTo(px, py);
  }
  ctx.strokeStyle = color;
  ctx.lineWidth = width;
  ctx.stroke();
}

/** One hidden unit's activation along x, scaled to its own range, in a small canvas. */
export function drawUnitLine(
  canvas: HTMLCanvasElement,
  xs: Float64Array,
  values: Float64Array,
  width: number,
  height: number,
): void {
  const ratio = fitCanvas(canvas, width, height);
  const ctx = context(canvas);
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(0, 0, width, height);
  let lo = Math.min(-1, ...values);
  let hi = Math.max(1, ...values);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
  const x = scale([xs[0] as number, xs[xs.length - 1] as number], 0, width);
  const y = scale([lo, hi], height - 2, 2);
  ctx.strokeStyle = '#e2e8f0';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(0, y(0));
  ctx.lineTo(width, y(0));
  ctx.stroke();
  strokeCurve(ctx, xs, values, x, y, toCss(BLUE as Rgb), 1.5);
}
