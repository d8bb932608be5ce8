import { useEffect, useMemo, useRef, useState } from 'react';
import { targetExtent, type PreparedData, type Range } from '../../data';
import { formatNumber } from '../../math/format';
import { layerSizes } from '../../store';
import { useApp } from '../../store/context';
import { preparedOf } from '../../training/selectors';
import { classColor, toCss } from '../../training/palette';
import type { Images } from '../../training/protocol';
import { ColorKey } from './ColorKey';
import { drawCurvePlot, drawPlanePoints, putImage } from './draw';
import { useChoices, usePlotView, useTrainingKit } from './kit';
import { PlaneViewOptions, unitName } from './PlaneViewOptions';

const SIZE = 340;
const LINE_WIDTH = 440;
const LINE_HEIGHT = 260;

/**
 * The network's output over the input plane (the decision boundary) with the data on top, or for
 * 1-D data the fitted curve. The heatmap canvas is repainted from each frame's image without React;
 * the points sit on their own canvas and are redrawn only when the data changes.
 */
export function BoundaryView() {
  const { controller } = useTrainingKit();
  const data = useChoices(preparedOf);
  const view = usePlotView();
  const hiddenShape = useApp((s) => layerSizes(s.network).slice(1, -1).join());
  const hiddenSizes = hiddenShape ? hiddenShape.split(',').map(Number) : [];
  // The unit shown instead of the output, if it (still) exists.
  const wanted = view.hover ?? view.focus;
  const focus =
    wanted &&
    wanted.unit <
      (wanted.layer === 0 ? data.inputNames.length : (hiddenSizes[wanted.layer - 1] ?? 0))
      ? wanted
      : null;
  const [showTest, setShowTest] = useState(true);
  const heat = useRef<HTMLCanvasElement>(null);
  const dots = useRef<HTMLCanvasElement>(null);
  const line = useRef<HTMLCanvasElement>(null);
  const frames = useRef(0);
  const range = useMemo<Range>(() => {
    const [lo, hi] = targetExtent(data.train);
    return hi > lo ? [lo, hi] : [lo - 1, hi + 1];
  }, [data]);
  const kind = data.rawInputs === 2 ? '2d' : data.rawInputs === 1 ? '1d' : 'none';

  useEffect(() => {
    if (kind === '2d' && dots.current) drawPlanePoints(dots.current, data, SIZE, showTest, range);
  }, [data, showTest, range, kind]);

  useEffect(() => {
    const draw = (images: Images) => {
      if (images.kind === '2d' && heat.current) {
        putImage(heat.current, images.output, images.side);
      } else if (images.kind === '1d' && line.current) {
        drawCurvePlot(
          line.current,
          data,
          LINE_WIDTH,
          LINE_HEIGHT,
          images.xs,
          images.outputs,
          showTest,
        );
      } else return;
      frames.current++;
      const target = images.kind === '2d' ? heat.current : line.current;
      target?.setAttribute('data-frames', String(frames.current));
    };
    const latest = controller.latestImages();
    if (latest) draw(latest.images);
    return controller.onImages(draw);
  }, [controller, data, showTest]);

  if (kind === 'none') {
    return (
      <section className="panel boundary" aria-labelledby="boundary-heading">
        <h2 id="boundary-heading">Output</h2>
        <p className="hint">
          This data has {data.rawInputs} inputs: there is no plane to draw the output over. The
          curves show how training goes.
        </p>
      </section>
    );
  }
  const [x0, x1] = data.domain[0] ?? [0, 1];
  const [y0, y1] = data.domain[1] ?? [0, 1];
  const colors =
    data.task === 'binary'
      ? 'blue near 1, orange near 0'
      : data.task === 'multiclass'
        ? 'colored by the class it picks'
        : 'blue high, orange low';
  const points = `${data.train.count} training${showTest ? ` and ${data.test.count} test` : ''} points`;
  const curveMeaning =
    data.task === 'regression'
      ? "The network's output ŷ"
      : data.task === 'binary'
        ? "The network's probability of class 1"
        : "The network's probability of each class";

  return (
    <section className="panel boundary" aria-labelledby="boundary-heading">
      <h2 id="boundary-heading">
        {kind === '1d'
          ? 'The fitted curve'
          : focus
            ? `${capitalize(unitName(focus, data.inputNames))} over the input plane`
            : 'Output over the input plane'}
      </h2>
      <div className="boundary-body">
        {kind === '2d' ? (
          <div className="plane">
            <span className="axis-y" aria-hidden="true">
              <span>{formatNumber(y1, 3)}</span>
              <span>{data.rawNames[1] ?? 'x₂'}</span>
              <span>{formatNumber(y0, 3)}</span>
            </span>
            <div className="plane-canvases" style={{ width: SIZE, height: SIZE }}>
              <canvas
                ref={heat}
                className="heatmap"
                role="img"
                data-testid="boundary-canvas"
                aria-label={
                  focus
                    ? `The ${unitName(focus, data.inputNames)} at every point of the plane (blue +1, white 0, orange −1), with ${points}.`
                    : `Decision boundary: the network's output at every point of the plane (${colors}), with ${points}.`
                }
              />
              <canvas ref={dots} className="points" aria-hidden="true" />
            </div>
            <span className="axis-x" aria-hidden="true">
              <span>{formatNumber(x0, 3)}</span>
              <span>{data.rawNames[0] ?? 'x₁'}</span>
              <span>{formatNumber(x1, 3)}</span>
            </span>
          </div>
        ) : (
          <canvas
            ref={line}
            className="line-plot"
            role="img"
            data-testid="boundary-canvas"
            style={{ width: LINE_WIDTH, height: LINE_HEIGHT }}
            aria-label={`${curveMeaning} over ${data.inputNames[0] ?? 'x'} (curves) with ${points}${data.task === 'regression' ? ' at their targets y' : ''}.`}
          />
        )}
        <div className="color-key">
          {kind === '2d' && focus ? (
            <p className="hint">
              The {unitName(focus, data.inputNames)}&apos;s value at each point: blue +1, white 0,
              orange −1 (a sigmoid unit&apos;s 0…1 as 2a − 1; an input on its own range). Its
              boundary is where it changes color.
            </p>
          ) : kind === '2d' ? (
            <ColorKey data={data} range={range} />
          ) : (
            <CurveKey data={data} meaning={curveMeaning} />
          )}
          {kind === '2d' && <PlaneViewOptions inputNames={data.inputNames} />}
          <div className="legend">
            <label className="inline-label">
              <input
                type="checkbox"
                checked={showTest}
                onChange={(e) => setShowTest(e.target.checked)}
              />
              Show test points
            </label>
            <span className="muted">
              <span className="key train-key" /> training{' '}
              <span className={`key test-key${kind === '1d' ? ' hollow' : ''}`} /> test (
              {kind === '1d' ? 'hollow' : 'dark ring'})
            </span>
          </div>
        </div>
      </div>
    </section>
  );
}

/** What the curves and dots of a 1-D plot mean. */
function CurveKey({ data, meaning }: { data: PreparedData; meaning: string }) {
  const classes = data.task === 'multiclass' ? data.targetNames : null;
  return (
    <div>
      <p className="hint">
        {data.task === 'regression'
          ? `Dots: the data, ${data.targetNames[0] ?? 'y'} against ${data.rawNames[0] ?? 'x₁'}. Curve: what the network predicts at each ${data.rawNames[0] ?? 'x₁'}.`
          : data.task === 'binary'
            ? 'Dots: the data at its label, 1 (blue) or 0 (orange). Curve: the probability of class 1; the boundary is where it crosses ½.'
            : 'Dots: the data, in its class’s color. Curves: each class’s probability.'}
      </p>
      {classes ? (
        classes.map((name, k) => (
          <div key={name}>
            <span
              className="class-swatch"
              style={{ background: toCss(classColor(k, classes.length)) }}
            />
            {name}
          </div>
        ))
      ) : (
        <div className="hint">
          <span className="curve-swatch" aria-hidden="true" /> {meaning}
        </div>
      )}
    </div>
  );
}

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
