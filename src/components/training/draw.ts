import { scaleLinear } from 'd3-scale';
import { forEachPoint, targetExtent, type PreparedData, type Range } from '../../data';
import { formatNumber } from '../../math/format';
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
export function targetColor(data: PreparedData, y: ArrayLike<number>, range: Range): string {
  if (data.task === 'binary') return toCss(classColor((y[0] as number) >= 0.5 ? 1 : 0, 2));
  if (data.task === 'multiclass') {
    let best = 0;
    for (let k = 1; k < y.length; k++) if ((y[k] as number) > (y[best] as number)) best = k;
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
  const dot = (raw: ArrayLike<number>, target: ArrayLike<number>, test: boolean) => {
    ctx.beginPath();
    ctx.arc(x(raw[0] as number), y(raw[1] as number), test ? 3.6 : 3.2, 0, 2 * Math.PI);
    ctx.fillStyle = targetColor(data, target, range);
    ctx.fill();
    ctx.lineWidth = test ? 1.6 : 1;
    ctx.strokeStyle = test ? '#0f172a' : '#ffffff';
    ctx.stroke();
  };
  const R = data.rawInputs;
  forEachPoint(data.train, data.trainRaw, R, (raw, y) => dot(raw, y, false));
  if (showTest) forEachPoint(data.test, data.testRaw, R, (raw, y) => dot(raw, y, true));
}

/** Room around a 1-D plot for its tick labels. */
const MARGIN = { left: 38, right: 10, top: 8, bottom: 30 };

/** The y range a 1-D plot shows: the targets' (padded), or probabilities 0…1 for classes. */
export function curveRange(data: PreparedData): Range {
  if (data.task !== 'regression') return [-0.08, 1.08];
  const [lo, hi] = targetExtent(data.train, data.test);
  const pad = hi > lo ? (hi - lo) * 0.12 : 1;
  return [lo - pad, hi + pad];
}

/**
 * A 1-D fit: the data as dots at (x, y) and the network's output as a curve over x, with axes.
 * Regression: ŷ(x) beside the targets. Two classes: P(class 1 | x) beside labels 0 and 1. Several
 * classes: one probability curve per class, each point at 1 in its class's color.
 */
export function drawCurvePlot(
  canvas: HTMLCanvasElement,
  data: PreparedData,
  width: number,
  height: number,
  xs: Float64Array,
  outputs: Float64Array,
  showTest: boolean,
): void {
  const ratio = fitCanvas(canvas, width, height);
  const ctx = context(canvas);
  if (!ctx) return;
  ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
  ctx.clearRect(0, 0, width, height);
  const domain = data.domain[0] ?? [0, 1];
  const range = curveRange(data);
  const x = scaleLinear()
    .domain(domain)
    .range([MARGIN.left, width - MARGIN.right]);
  const y = scaleLinear()
    .domain(range)
    .range([height - MARGIN.bottom, MARGIN.top]);
  const [left, right] = x.range() as [number, number];
  const [bottom, top] = y.range() as [number, number];

  ctx.font = '10px system-ui, sans-serif';
  ctx.fillStyle = '#475569';
  ctx.strokeStyle = '#e2e8f0';
  ctx.lineWidth = 1;
  ctx.textAlign = 'right';
  ctx.textBaseline = 'middle';
  for (const t of y.ticks(5)) {
    ctx.beginPath();
    ctx.moveTo(left, y(t));
    ctx.lineTo(right, y(t));
    ctx.stroke();
    ctx.fillText(formatNumber(t, 3), left - 4, y(t));
  }
  ctx.textAlign = 'center';
  ctx.textBaseline = 'top';
  for (const t of x.ticks(7)) ctx.fillText(formatNumber(t, 3), x(t), bottom + 4);
  ctx.fillText(data.inputNames[0] ?? 'x', (left + right) / 2, bottom + 16);
  ctx.strokeStyle = '#94a3b8';
  ctx.strokeRect(left, top, right - left, bottom - top);

  ctx.save();
  ctx.beginPath();
  ctx.rect(left, top, right - left, bottom - top);
  ctx.clip();
  const classes = data.task === 'multiclass' ? data.targetNames.length : 1;
  const dotY = (target: ArrayLike<number>) =>
    data.task === 'multiclass' ? 1 : (target[0] as number);
  const colorOf = (target: ArrayLike<number>) =>
    data.task === 'regression' ? toCss(BLUE) : targetColor(data, target, range);
  const dot = (raw: ArrayLike<number>, target: ArrayLike<number>, test: boolean) => {
    ctx.beginPath();
    ctx.arc(x(raw[0] as number), y(dotY(target)), test ? 3 : 2.6, 0, 2 * Math.PI);
    ctx.fillStyle = test ? '#ffffff' : colorOf(target);
    ctx.fill();
    ctx.lineWidth = test ? 1.4 : 0.8;
    ctx.strokeStyle = test ? colorOf(target) : '#ffffff';
    ctx.stroke();
  };
  // Test points first, so the training points (what the network learns from) are on top.
  const R = data.rawInputs;
  if (showTest) forEachPoint(data.test, data.testRaw, R, (raw, y) => dot(raw, y, true));
  forEachPoint(data.train, data.trainRaw, R, (raw, y) => dot(raw, y, false));
  const P = xs.length;
  for (let k = 0; k < classes; k++) {
    const color = classes > 1 ? toCss(classColor(k, classes)) : '#0f172a';
    strokeCurve(ctx, xs, outputs.subarray(k * P, (k + 1) * P), x, y, color, 2.5);
  }
  ctx.restore();
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

/** One unit's output along x, scaled to its own range (at least −1…1), in a box of a canvas. */
export function drawUnitCurve(
  ctx: CanvasRenderingContext2D,
  box: { x: number; y: number; size: number },
  xs: Float64Array,
  values: Float64Array,
): void {
  const { size } = box;
  ctx.fillStyle = '#ffffff';
  ctx.fillRect(box.x, box.y, size, size);
  let lo = -1;
  let hi = 1;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) [lo, hi] = [-1, 1];
  const x = scale([xs[0] as number, xs[xs.length - 1] as number], box.x, box.x + size);
  const y = scale([lo, hi], box.y + size - 2, box.y + 2);
  ctx.strokeStyle = '#e2e8f0';
  ctx.lineWidth = 1;
  ctx.beginPath();
  ctx.moveTo(box.x, y(0));
  ctx.lineTo(box.x + size, y(0));
  ctx.stroke();
  strokeCurve(ctx, xs, values, x, y, toCss(BLUE as Rgb), 1.5);
}
