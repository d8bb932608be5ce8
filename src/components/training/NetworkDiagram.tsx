import { useEffect, useMemo, useRef } from 'react';
import { ACTIVATION_REGISTRY, type Activation } from '../../engine';
import { layerSizes } from '../../store';
import { useApp } from '../../store/context';
import { preparedOf } from '../../training/selectors';
import type { Images } from '../../training/protocol';
import {
  DIAGRAM_WIDTH,
  diagramGeometry,
  edgeBuckets,
  inputLabelWidth,
  type DiagramGeometry,
} from './diagramGeometry';
import { context, drawUnitCurve, fitCanvas } from './draw';
import { useChoices, usePlotView, useTrainingKit } from './kit';

/** Draw each weight as an edge between the units' pictures (see edgeBuckets). */
function drawEdges(
  ctx: CanvasRenderingContext2D,
  geometry: DiagramGeometry,
  sizes: readonly number[],
  weights: Float64Array,
): void {
  ctx.lineCap = 'round';
  for (const bucket of edgeBuckets(geometry, sizes, weights)) {
    ctx.beginPath();
    const s = bucket.segments;
    for (let k = 0; k < s.length; k += 4) {
      ctx.moveTo(s[k] as number, s[k + 1] as number);
      ctx.lineTo(s[k + 2] as number, s[k + 3] as number);
    }
    ctx.strokeStyle = bucket.color;
    ctx.lineWidth = bucket.width;
    ctx.stroke();
  }
}

/**
 * The unit pictures of a 2-D frame, on an off-screen canvas: inputs, hidden units and outputs in
 * three columns. Each array already holds its T × T tiles one under another, so each is one image
 * T wide — three putImageData calls, and every unit is then one drawImage from here.
 */
function fillAtlas(atlas: HTMLCanvasElement, images: Extract<Images, { kind: '2d' }>): void {
  const T = images.thumbnail;
  const parts = [images.inputs, images.hidden, images.outputs];
  const rows = Math.max(...parts.map((p) => p.length / (T * 4)));
  if (atlas.width !== 3 * T) atlas.width = 3 * T;
  if (atlas.height !== rows) atlas.height = rows;
  const ctx = context(atlas);
  if (!ctx) return;
  parts.forEach((pixels, column) => {
    if (pixels.length === 0) return;
    const image = new ImageData(
      pixels as Uint8ClampedArray<ArrayBuffer>,
      T,
      pixels.length / (T * 4),
    );
    ctx.putImageData(image, column * T, 0);
  });
}

/**
 * The network as Playground draws it: every unit — inputs, hidden units, outputs — as a small
 * picture of its output over the input (a heatmap for 2-D data, a curve for 1-D), and every weight
 * as an edge colored by its sign and as thick as it is large. One canvas, redrawn from each frame's
 * images without React; over it, a labelled box per unit for screen readers and tooltips.
 */
export function NetworkDiagram() {
  const { controller } = useTrainingKit();
  const shape = useApp((s) => layerSizes(s.network).join());
  const activations = useApp((s) => s.network.layers.map((l) => l.activation).join());
  const data = useChoices(preparedOf);
  const sizes = useMemo(() => shape.split(',').map(Number), [shape]);
  const longestName = Math.max(0, ...data.inputNames.map((name) => name.length));
  const geometry = useMemo(
    () => diagramGeometry(sizes, DIAGRAM_WIDTH, inputLabelWidth(longestName)),
    [sizes, longestName],
  );
  const canvas = useRef<HTMLCanvasElement>(null);
  const atlas = useRef<HTMLCanvasElement | null>(null);
  const kind = data.rawInputs === 2 ? '2d' : data.rawInputs === 1 ? '1d' : 'none';
  const names = activations.split(',');
  const L = sizes.length - 1;

  useEffect(() => {
    const draw = (images: Images) => {
      const expected = sizes.slice(1).reduce((n, units, l) => n + units * (sizes[l] as number), 0);
      const target = canvas.current;
      if (images.weights.length !== expected || !target) return;
      const ratio = fitCanvas(target, geometry.width, geometry.height);
      const ctx = context(target);
      if (!ctx) return;
      ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
      ctx.clearRect(0, 0, geometry.width, geometry.height);
      drawEdges(ctx, geometry, sizes, images.weights);
      const { thumb } = geometry;
      /** Unit j of layer l: which column of the atlas (or which array), and which tile. */
      const tile = (l: number, j: number): [number, number] =>
        l === 0 ? [0, j] : l === L ? [2, j] : [1, sizes.slice(1, l).reduce((a, b) => a + b, j)];
      if (images.kind === '2d') {
        atlas.current ??= document.createElement('canvas');
        fillAtlas(atlas.current, images);
        const T = images.thumbnail;
        ctx.imageSmoothingEnabled = true;
        geometry.nodes.forEach((column, l) =>
          column.forEach((node, j) => {
            const [c, k] = tile(l, j);
            ctx.drawImage(
              atlas.current as HTMLCanvasElement,
              c * T,
              k * T,
              T,
              T,
              node.x,
              node.y,
              thumb,
              thumb,
            );
          }),
        );
      } else if (images.kind === '1d') {
        const P = images.xs.length;
        const arrays = [images.inputs, images.hidden, images.outputs];
        geometry.nodes.forEach((column, l) =>
          column.forEach((node, j) => {
            const [c, k] = tile(l, j);
            const values = (arrays[c] as Float64Array).subarray(k * P, (k + 1) * P);
            if (values.length === P)
              drawUnitCurve(ctx, { ...node, size: thumb }, images.xs, values);
          }),
        );
      }
    };
    const latest = controller.latestImages();
    if (latest) draw(latest.images);
    return controller.onImages(draw);
  }, [controller, sizes, geometry, L]);

  const label = (l: number) => (l === 0 ? 'Inputs' : l === L ? 'Output' : `Layer ${l}`);
  const unitName = (l: number, j: number) =>
    l === 0
      ? `input ${data.inputNames[j] ?? j + 1}`
      : l === L
        ? `output ${data.targetNames[j] ?? j + 1}`
        : `hidden layer ${l}, unit ${j + 1}`;
  const over = kind === '1d' ? 'along x₁' : 'over the input plane';
  const view = usePlotView();
  // Inputs and hidden units can fill the big picture (2-D data); the outputs already do.
  const pointable = (l: number) => kind === '2d' && l < L;
  const isFocus = (l: number, j: number) => view.focus?.layer === l && view.focus.unit === j;

  return (
    <section className="panel network-diagram" aria-labelledby="diagram-heading">
      <h2 id="diagram-heading">Units and weights</h2>
      <p className="hint">
        {kind === 'none'
          ? 'Edges are weights: blue positive, orange negative, thicker when larger. The data has more than two inputs, so the units have no picture.'
          : `Each unit's output ${over} (blue +1, white 0, orange −1). Edges are weights: blue positive, orange negative, thicker when larger.`}
      </p>
      <div className="diagram-scroll">
        <div
          className="diagram"
          style={{ width: geometry.width, height: geometry.height }}
          data-testid="network-diagram"
        >
          <canvas
            ref={canvas}
            className="diagram-canvas"
            style={{ width: geometry.width, height: geometry.height }}
            aria-hidden="true"
          />
          {sizes.map((_, l) => (
            <span
              key={`label-${l}`}
              className="diagram-label"
              style={{ left: (geometry.columns[l] as number) - 20, width: geometry.thumb + 40 }}
            >
              {label(l)}
              {l > 0 && (
                <span className="muted">
                  {ACTIVATION_REGISTRY[names[l - 1] as Activation]?.label ?? ''}
                </span>
              )}
            </span>
          ))}
          {geometry.nodes.map((column, l) =>
            column.map((node, j) => (
              <div
                key={`${l}-${j}`}
                className={`diagram-unit${pointable(l) ? ' pointable' : ''}${isFocus(l, j) ? ' focused' : ''}`}
                style={{ left: node.x, top: node.y, width: geometry.thumb, height: geometry.thumb }}
                role="img"
                aria-label={`The ${unitName(l, j)}: its output ${over}`}
                title={
                  pointable(l)
                    ? `${unitName(l, j)} — shown large while the pointer is here; click to keep it`
                    : unitName(l, j)
                }
                onMouseEnter={
                  pointable(l)
                    ? () => controller.setView({ hover: { layer: l, unit: j } })
                    : undefined
                }
                onMouseLeave={pointable(l) ? () => controller.setView({ hover: null }) : undefined}
                onClick={
                  pointable(l)
                    ? () =>
                        controller.setView({
                          focus: isFocus(l, j) ? null : { layer: l, unit: j },
                        })
                    : undefined
                }
              />
            )),
          )}
          {(geometry.nodes[0] ?? []).map((node, j) => (
            <span
              key={`name-${j}`}
              className={`diagram-input-name${geometry.thumb < 16 ? ' small' : ''}`}
              style={{ top: node.y + geometry.thumb / 2, width: geometry.labelWidth - 6 }}
              aria-hidden="true"
              title={data.inputNames[j]}
            >
              {data.inputNames[j]}
            </span>
          ))}
        </div>
      </div>
    </section>
  );
}
