import { useEffect, useRef } from 'react';

/**
 * Gray levels of a picture, row by row, as RGBA bytes: the smallest value white, the largest
 * black (ink on paper, as the digits were written); all white when every value is the same.
 */
export function thumbnailRgba(
  pixels: ArrayLike<number>,
  width: number,
  height: number,
): Uint8ClampedArray<ArrayBuffer> {
  const n = width * height;
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < n; i++) {
    const v = pixels[i] as number;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const span = hi > lo ? hi - lo : 0;
  const rgba = new Uint8ClampedArray(n * 4);
  for (let i = 0; i < n; i++) {
    const v = pixels[i] as number;
    const gray = span > 0 && Number.isFinite(v) ? 255 - Math.round(((v - lo) / span) * 255) : 255;
    rgba[i * 4] = gray;
    rgba[i * 4 + 1] = gray;
    rgba[i * 4 + 2] = gray;
    rgba[i * 4 + 3] = 255;
  }
  return rgba;
}

export interface ThumbnailProps {
  /** width × height values, row by row. */
  pixels: ArrayLike<number>;
  width: number;
  height: number;
  /** What the picture is, for screen readers (default: "a width × height picture"). */
  label?: string;
  /** Screen pixels per picture pixel (default 4). */
  scale?: number;
}

/** A small picture drawn from its pixel values, one canvas pixel each, scaled up sharply. */
export function Thumbnail({ pixels, width, height, label, scale = 4 }: ThumbnailProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    ctx.putImageData(new ImageData(thumbnailRgba(pixels, width, height), width, height), 0, 0);
  }, [pixels, width, height]);
  return (
    <canvas
      ref={canvas}
      className="thumbnail"
      width={width}
      height={height}
      style={{ width: width * scale, height: height * scale }}
      role="img"
      aria-label={label ?? `a ${width} × ${height} picture`}
    />
  );
}
