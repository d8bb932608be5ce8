import { useEffect, useRef } from 'react';
import { layerSizes } from '../../store';
import { useApp } from '../../store/context';
import type { HiddenLayout, Images } from '../../training/protocol';
import { ACTIVATION_NAMES } from '../controls/ArchitecturePanel';
import { drawUnitLine, putImage } from './draw';
import { useTrainingKit } from './kit';

const THUMB = 46;

/** Each hidden unit's activation over the input, as Playground draws it inside its nodes. */
export function HiddenUnits() {
  const { controller } = useTrainingKit();
  const sizes = useApp((s) => layerSizes(s.network).slice(1, -1).join());
  const activations = useApp((s) =>
    s.network.layers
      .slice(0, -1)
      .map((l) => l.activation)
      .join(),
  );
  const canvases = useRef<(HTMLCanvasElement | null)[]>([]);
  const hidden = sizes ? sizes.split(',').map(Number) : [];
  const names = activations ? activations.split(',') : [];

  useEffect(() => {
    const draw = (images: Images, layout: HiddenLayout) => {
      if (layout.units.join() !== sizes) return;
      const total = layout.units.reduce((a, b) => a + b, 0);
      for (let u = 0; u < total; u++) {
        const canvas = canvases.current[u];
        if (!canvas) continue;
        if (images.kind === '2d') {
          const n = images.thumbnail * images.thumbnail * 4;
          putImage(canvas, images.hidden.subarray(u * n, (u + 1) * n), images.thumbnail);
        } else {
          const P = images.xs.length;
          drawUnitLine(
            canvas,
            images.xs,
            images.hidden.subarray(u * P, (u + 1) * P),
            THUMB,
            THUMB * 0.7,
          );
        }
      }
    };
    const latest = controller.latestImages();
    if (latest) draw(latest.images, latest.hidden);
    return controller.onImages(draw);
  }, [controller, sizes]);

  if (hidden.length === 0) {
    return (
      <section className="panel hidden-units" aria-labelledby="hidden-heading">
        <h2 id="hidden-heading">Hidden units</h2>
        <p className="hint">This network has no hidden layer: add one under Network.</p>
      </section>
    );
  }
  let unit = 0;
  return (
    <section className="panel hidden-units" aria-labelledby="hidden-heading">
      <h2 id="hidden-heading">Hidden units</h2>
      <p className="hint">
        What each unit computes over the same plane (blue +1, white 0, orange −1).
      </p>
      {hidden.map((units, l) => (
        <div key={l} className="unit-layer">
          <span className="unit-layer-name">
            Layer {l + 1}
            <span className="muted">
              {' '}
              {ACTIVATION_NAMES[names[l] as keyof typeof ACTIVATION_NAMES] ?? ''}
            </span>
          </span>
          <div className="unit-grid">
            {Array.from({ length: units }, (_, j) => {
              const index = unit++;
              return (
                <canvas
                  key={j}
                  ref={(el) => {
                    canvases.current[index] = el;
                  }}
                  className="unit-canvas"
                  role="img"
                  aria-label={`Hidden layer ${l + 1}, unit ${j + 1}: its activation over the input`}
                  title={`a${j + 1} of layer ${l + 1}`}
                />
              );
            })}
          </div>
        </div>
      ))}
    </section>
  );
}
