import { useEffect, useRef } from 'react';
import { paintPixels, type PixelColors } from './pixelImage';

interface PixelPictureProps {
  /** One value per pixel, row by row (a row of packed data is a view of it: data/split.ts). */
  pixels: ArrayLike<number>;
  width: number;
  height: number;
  colors: PixelColors;
  /** Shown width in CSS px; the height follows. */
  size: number;
  /** What the picture shows, for screen readers. */
  label: string;
  testId?: string;
}

/** A w × h picture, each pixel a square of one colour (inputs as ink, weights diverging). */
export function PixelPicture({
  pixels,
  width,
  height,
  colors,
  size,
  label,
  testId,
}: PixelPictureProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (canvas.current) paintPixels(canvas.current, pixels, width, height, colors);
  }, [pixels, width, height, colors]);
  return (
    <canvas
      ref={canvas}
      className="pixel-picture"
      role="img"
      aria-label={label}
      data-testid={testId}
      style={{ width: size, height: (size * height) / width }}
    />
  );
}
