import { useEffect, useRef } from 'react';
import { formatNumber } from '../../math/format';
import { layerSizes } from '../../store';
import { useApp } from '../../store/context';
import { prefersReducedMotion } from '../../training/motion';
import { largestMagnitude, unitWeights } from '../../training/pictures';
import type { Images } from '../../training/protocol';
import { preparedOf } from '../../training/selectors';
import { useChoices, useTrainingKit } from './kit';
import { paintPixels } from './pixelImage';

const SIZE = 52;
/** Repainted at most this often while training (a few times a second is all the eye follows). */
const INTERVAL_MS = 100;
const REDUCED_INTERVAL_MS = 1000;

/**
 * For data whose inputs are a picture: each first-layer unit's incoming weights drawn as that
 * picture, one weight per pixel (blue +, white 0, orange −, each to its own largest |w|). Painted
 * from the training frames' weights straight to the canvases, without React, a few times a second.
 */
export function WeightPictures() {
  const { controller } = useTrainingKit();
  const data = useChoices(preparedOf);
  const inputs = useApp((s) => s.network.inputSize);
  const units = useApp((s) => s.network.layers[0]?.biases.length ?? 0);
  const layers = useApp((s) => s.network.layers.length);
  /** All the network's weights, as each frame sends them (W^(1) first). */
  const weightCount = useApp((s) =>
    layerSizes(s.network).reduce(
      (n, units, l, sizes) => (l ? n + units * (sizes[l - 1] as number) : 0),
      0,
    ),
  );
  const picture = data.picture;
  const fits = picture !== null && picture.width * picture.height === inputs;
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const scales = useRef<(HTMLSpanElement | null)[]>([]);
  const section = useRef<HTMLElement>(null);

  useEffect(() => {
    if (!picture || !fits) return;
    let last = -Infinity;
    let timer: ReturnType<typeof setTimeout> | null = null;
    let pending: Images | null = null;
    let frames = 0;
    const paint = (images: Images) => {
      last = performance.now();
      if (images.weights.length !== weightCount) return;
      for (let j = 0; j < units; j++) {
        const values = unitWeights(images.weights, inputs, units, j);
        const limit = largestMagnitude(values);
        const canvas = canvases.current[j];
        if (canvas) {
          paintPixels(canvas, values, picture.width, picture.height, {
            kind: 'diverging',
            limit,
          });
        }
        const scale = scales.current[j];
        if (scale) scale.textContent = `±${formatNumber(limit, 3)}`;
      }
      frames++;
      section.current?.setAttribute('data-frames', String(frames));
    };
    const onImages = (images: Images) => {
      const interval = prefersReducedMotion() ? REDUCED_INTERVAL_MS : INTERVAL_MS;
      const wait = interval - (performance.now() - last);
      if (wait <= 0) {
        paint(images);
        return;
      }
      // The latest frame is painted when the interval is up, so the last weights are always shown.
      pending = images;
      timer ??= setTimeout(() => {
        timer = null;
        if (pending) paint(pending);
        pending = null;
      }, wait);
    };
    const latest = controller.latestImages();
    if (latest) paint(latest.images);
    const stop = controller.onImages(onImages);
    return () => {
      stop();
      if (timer) clearTimeout(timer);
    };
  }, [controller, picture, fits, inputs, units, weightCount]);

  if (!picture || !fits) return null;
  const layerWord = layers === 1 ? 'output unit' : 'unit of layer 1';

  return (
    <section
      ref={section}
      className="panel weight-pictures"
      aria-labelledby="weight-pictures-heading"
      data-testid="weight-pictures"
    >
      <h2 id="weight-pictures-heading">First-layer weights</h2>
      <p className="hint">
        The weights into each {layerWord}, one per pixel, drawn as the {picture.width}×
        {picture.height} picture: blue positive, white 0, orange negative, each picture to its own
        largest |w| (under it). A unit adds up the pixels under its blue and takes away those under
        its orange.
      </p>
      <ul className="picture-grid weight-grid">
        {Array.from({ length: units }, (_, j) => (
          <li key={j}>
            <canvas
              ref={(node) => {
                canvases.current[j] = node;
              }}
              className="pixel-picture"
              role="img"
              aria-label={`Weights into ${layers === 1 ? 'output unit' : 'unit'} ${j + 1}${layers === 1 ? '' : ' of layer 1'}, one per pixel`}
              style={{ width: SIZE, height: (SIZE * picture.height) / picture.width }}
            />
            <span className="muted">unit {j + 1}</span>
            <span
              className="weight-scale"
              data-testid={`weight-scale-${j + 1}`}
              ref={(node) => {
                scales.current[j] = node;
              }}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}
