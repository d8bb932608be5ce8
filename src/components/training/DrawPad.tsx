import { useEffect, useId, useMemo, useRef, useState, type PointerEvent } from 'react';
import { drawingToPicture, type Stroke } from '../../data';
import { formatNumber } from '../../math/format';
import { useApp } from '../../store/context';
import { stepThroughDrawing } from '../../training/moves';
import { answerOf, classNamesOf, drawingSample } from '../../training/pictures';
import { fitProblem, preparedOf, tableReadingOf } from '../../training/selectors';
import { useChoices, useRun, useTrainingKit } from './kit';
import { PixelPicture } from './PixelPicture';

const PAD = 168;
const SEEN = 84;
/** The pen on the pad, in CSS px (the picture's own strokes are fitted: see data/ink.ts). */
const PEN_WIDTH = 12;

/**
 * For data whose inputs are a picture with classes: a pad to draw on (mouse, pen or finger), the
 * picture the network sees (the drawing as the data's pictures were made), the network's answer,
 * live, and "Step through this drawing", which opens the stepper on that one sample.
 */
export function DrawPad() {
  const kit = useTrainingKit();
  const data = useChoices(preparedOf);
  const read = useChoices(tableReadingOf);
  const network = useApp((s) => s.network);
  const running = useRun((s) => s.status === 'running');
  const picture = data.picture;
  const id = useId();
  const canvas = useRef<HTMLCanvasElement>(null);
  const strokes = useRef<[number, number][][]>([]);
  const drawing = useRef(false);
  const frame = useRef(0);
  /** The strokes as of the last animation frame: what the picture and the answer are made from. */
  const [shown, setShown] = useState<Stroke[]>([]);
  const [drawn, setDrawn] = useState(0);
  const names = classNamesOf(data, read?.ok ? read.classes : null);

  const pixels = useMemo(() => (picture ? drawingToPicture(shown, picture) : []), [picture, shown]);
  const empty = shown.length === 0;
  const usable = picture !== null && data.task !== 'regression' && !fitProblem(network, data);
  const target = Math.min(drawn, names.length - 1);
  const sample = useMemo(
    () => (usable ? drawingSample(pixels, data, target) : null),
    [usable, pixels, data, target],
  );
  const answer = useMemo(() => {
    if (!sample || empty) return null;
    try {
      return answerOf(network, sample, data.task);
    } catch {
      return null;
    }
  }, [network, sample, data.task, empty]);

  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  if (!picture || data.task === 'regression') return null;

  const paint = () => {
    const target = canvas.current;
    const ctx = target?.getContext('2d');
    if (!target || !ctx) return;
    const ratio = window.devicePixelRatio || 1;
    if (target.width !== Math.round(PAD * ratio)) {
      target.width = Math.round(PAD * ratio);
      target.height = Math.round(PAD * ratio);
    }
    ctx.setTransform(ratio, 0, 0, ratio, 0, 0);
    ctx.clearRect(0, 0, PAD, PAD);
    ctx.strokeStyle = '#111';
    ctx.fillStyle = '#111';
    ctx.lineWidth = PEN_WIDTH;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    for (const stroke of strokes.current) {
      const [first, ...rest] = stroke;
      if (!first) continue;
      ctx.beginPath();
      ctx.moveTo(first[0], first[1]);
      if (rest.length === 0) ctx.lineTo(first[0] + 0.01, first[1]);
      for (const [x, y] of rest) ctx.lineTo(x, y);
      ctx.stroke();
    }
  };
  const changed = () => {
    paint();
    if (!frame.current) {
      frame.current = requestAnimationFrame(() => {
        frame.current = 0;
        setShown(strokes.current.map((stroke) => stroke.slice()));
      });
    }
  };
  const at = (event: PointerEvent<HTMLCanvasElement>): [number, number] => {
    const box = event.currentTarget.getBoundingClientRect();
    return [event.clientX - box.left, event.clientY - box.top];
  };
  const onDown = (event: PointerEvent<HTMLCanvasElement>) => {
    if (event.button !== 0) return;
    event.preventDefault();
    event.currentTarget.setPointerCapture(event.pointerId);
    drawing.current = true;
    strokes.current = [...strokes.current, [at(event)]];
    changed();
  };
  const onMove = (event: PointerEvent<HTMLCanvasElement>) => {
    if (!drawing.current) return;
    const stroke = strokes.current[strokes.current.length - 1];
    stroke?.push(at(event));
    changed();
  };
  const onUp = () => {
    drawing.current = false;
  };
  const clear = () => {
    strokes.current = [];
    changed();
  };

  const best = answer ? answer.indexOf(Math.max(...answer)) : -1;
  const [lo, hi] = picture.range;

  return (
    <section className="panel draw-pad" aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>Draw a digit</h2>
      <p className="hint">
        Draw with the mouse, a pen or a finger. The drawing is fitted and centred in a{' '}
        {picture.width * 4}×{picture.height * 4} grid, and each pixel is the share of its 4×4 cells
        with ink, from {formatNumber(lo, 4)} to {formatNumber(hi, 4)}, as the data&apos;s pictures
        were made; then it is scaled as the training inputs are.
      </p>
      <div className="draw-body">
        <div className="draw-column">
          <canvas
            ref={canvas}
            className="draw-canvas"
            role="img"
            aria-label="Draw a digit"
            style={{ width: PAD, height: PAD }}
            onPointerDown={onDown}
            onPointerMove={onMove}
            onPointerUp={onUp}
            onPointerCancel={onUp}
          />
          <button type="button" onClick={clear} disabled={empty}>
            Clear
          </button>
        </div>
        <div className="draw-column">
          <PixelPicture
            pixels={pixels}
            width={picture.width}
            height={picture.height}
            colors={{ kind: 'ink', range: picture.range }}
            size={SEEN}
            label={`What the network sees: your drawing as a ${picture.width}×${picture.height} picture`}
            testId="drawing-picture"
          />
          <span className="muted">what the network sees</span>
        </div>
      </div>
      <details className="drawing-numbers">
        <summary>The picture as numbers</summary>
        <table data-testid="drawing-numbers">
          <caption className="hint">
            Row by row, before scaling: input {1} is the top left pixel, input{' '}
            {picture.width * picture.height} the bottom right.
          </caption>
          <tbody>
            {Array.from({ length: picture.height }, (_, row) => (
              <tr key={row}>
                {pixels.slice(row * picture.width, (row + 1) * picture.width).map((v, column) => (
                  <td key={column}>{formatNumber(v, 4)}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
      <div className="draw-answer" data-testid="pad-answer" aria-live="polite">
        {!usable ? (
          <p className="hint">The network does not fit this data yet: train it first.</p>
        ) : empty || !answer ? (
          <p className="hint">Draw in the box to see the network&apos;s answer.</p>
        ) : (
          <>
            <p>
              The network&apos;s answer: <strong data-testid="pad-best">{names[best]}</strong> (
              {formatNumber(100 * (answer[best] as number), 3)} %)
              {running && <span className="muted"> — with the weights of the last pause</span>}
            </p>
            <ul className="answer-bars" aria-label="Probability of each class">
              {answer.map((p, k) => (
                <li key={k} className={k === best ? 'best' : undefined}>
                  <span className="answer-name">{names[k]}</span>
                  <span className="answer-bar" aria-hidden="true">
                    <span style={{ width: `${Math.max(0, Math.min(1, p)) * 100}%` }} />
                  </span>
                  <span className="answer-value">{formatNumber(100 * p, 3)} %</span>
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      <div className="row-buttons">
        <label className="inline-label">
          It is a
          <select
            aria-label="What you drew"
            value={target}
            onChange={(e) => setDrawn(Number(e.target.value))}
          >
            {names.map((name, k) => (
              <option key={k} value={k}>
                {name}
              </option>
            ))}
          </select>
        </label>
        <button
          type="button"
          disabled={empty || !sample}
          title="Open the network in the stepper with your drawing as its one sample (its target: the class you chose)"
          onClick={() => sample && void stepThroughDrawing(kit.stepper, kit, sample, picture)}
        >
          Step through this drawing
        </button>
      </div>
    </section>
  );
}
