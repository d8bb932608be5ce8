import { useEffect, useMemo, useRef, useState } from 'react';
import {
  axisValues,
  defaultSpan,
  parameterValue,
  type LandscapeParameter,
  type Network,
  type PackedSet,
  type Penalty,
} from '../../engine';
import type { Notation } from '../../math';
import { focusDigits, formatNumber, HIDDEN_NUMBER } from '../../math/format';
import { createLandscapeClient, type LandscapeClient } from '../../training/landscapeClient';
import { liveSide, type LandscapeJob, type LandscapeResult } from '../../training/landscapeJob';
import type { LandscapeChoice } from '../../store/types';
import { LandscapeMap, LandscapeSlice } from './LandscapeChart';
import {
  keyOf,
  ParameterPicks,
  parametersOf,
  type DiagramPicks,
  type Picking,
} from './ParameterPicks';
import { RangeFields } from './RangeFields';
import './landscape.css';

/**
 * The "Loss landscape" panel (issue 16), in the stepper and in the Train tab: the learner picks two
 * parameters and sees L over them, the others held, computed in the landscape worker; the path the
 * optimizer took, the current point, −∇; and the slice along the first parameter with its tangent.
 * What to draw it from comes from the tab (StepperLandscape, TrainLandscape).
 */
export interface LandscapeSource {
  network: Network;
  data: PackedSet;
  /** What the loss is over, in words: "the batch (1 sample)", "the training set (500 points)". */
  dataName: string;
  penalty: Penalty;
  /** Math.tanh as the pass has it (the stepper), or the table (live while training). */
  exact: boolean;
  /** (θ₁, θ₂) along the way, oldest first, ending at the current values. */
  path(x: LandscapeParameter, y: LandscapeParameter): [number, number][];
  /**
   * ∂L/∂θ as the tab shows it: a number, NaN while the learner is to predict it, null before the
   * pass has computed it; undefined: the worker's (the Train tab).
   */
  shownGradient?: (p: LandscapeParameter) => number | null | undefined;
  /**
   * The loss at the current point as the tab shows it: the stepper's pass (NaN while asked, null
   * before the pass reaches it); undefined: the worker's (the Train tab).
   */
  shownLoss?: number | null;
  notation: Notation;
  digits: number;
  /** What "the path" is made of, for its caption: "pass", "sample of the run". */
  pathUnit: string;
  /** The panel's saved choices, and how to change them. */
  choice: LandscapeChoice;
  onChoice(choice: LandscapeChoice): void;
  /** Training is running: the grid is coarser where the learner's would not refresh in time. */
  live: boolean;
  /** Picking the parameters on the tab's diagram, where it has edges to click (else null). */
  diagram: DiagramPicks | null;
}

/**
 * Which grid is drawn: the learner's, or a coarser one while training where theirs would not
 * refresh twice a second (landscapeJob.ts, liveSide).
 */
function gridText(drawn: number, chosen: number): string {
  return drawn < chosen
    ? `Grid ${drawn} × ${drawn} while training; ${chosen} × ${chosen} when paused`
    : `Grid ${drawn} × ${drawn}`;
}

export function LandscapePanel({ source }: { source: LandscapeSource }) {
  const { network, notation, digits } = source;
  const parameters = useMemo(() => parametersOf(network), [network]);
  const byKey = useMemo(() => new Map(parameters.map((p) => [keyOf(p), p])), [parameters]);
  const { choice, onChoice } = source;
  const last = network.layers.length;
  // The saved picks where the network has them; else the last layer's first two.
  const first =
    (choice.x && byKey.get(keyOf(choice.x))) ??
    byKey.get(keyOf({ kind: 'weight', layer: last, from: 0, to: 0 }));
  const second =
    (choice.y && byKey.get(keyOf(choice.y))) ??
    byKey.get(keyOf({ kind: 'weight', layer: last, from: 1, to: 0 })) ??
    byKey.get(keyOf({ kind: 'bias', layer: last, unit: 0 }));
  const [picking, setPicking] = useState<Picking>(null);
  // Two picks on the diagram in a row: the second builds on the first even before a render.
  const latest = useRef(choice);
  useEffect(() => {
    latest.current = choice;
  }, [choice]);
  const change = (part: Partial<LandscapeChoice>) => {
    latest.current = { ...latest.current, ...part };
    onChoice(latest.current);
  };
  // Ranges the learner typed, and the automatic ones (centred where the parameter was).
  const [ranges, setRanges] = useState<Record<string, [number, number]>>({});
  const [autoRanges, setAutoRanges] = useState<Record<string, [number, number]>>({});
  const [result, setResult] = useState<{ result: LandscapeResult; job: LandscapeJob } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [refreshes, setRefreshes] = useState(0);
  const client = useRef<LandscapeClient | null>(null);

  useEffect(() => {
    const made = createLandscapeClient(
      (r, job) => {
        setResult({ result: r, job });
        setError(null);
        setRefreshes((n) => n + 1);
      },
      (message) => setError(message),
    );
    client.current = made;
    return () => made.dispose();
  }, []);

  const same = first && second && keyOf(first) === keyOf(second);
  const rangeOf = (p: LandscapeParameter): [number, number] => {
    const kept = ranges[keyOf(p)] ?? autoRanges[keyOf(p)];
    if (kept) return kept;
    const v = parameterValue(network, p);
    const span = defaultSpan(v);
    return [v - span, v + span];
  };

  // A range not typed stays where it was centred, so the map holds still as the point moves on it,
  // until the point leaves it: then it is centred on the point again (set while rendering, as
  // React's "adjusting state when a prop changes").
  const missing = [first, second].filter((p): p is LandscapeParameter => {
    if (p === undefined || ranges[keyOf(p)] !== undefined) return false;
    const auto = autoRanges[keyOf(p)];
    const v = parameterValue(network, p);
    return auto === undefined || v < auto[0] || v > auto[1];
  });
  if (missing.length > 0) {
    const next = { ...autoRanges };
    for (const p of missing) {
      const v = parameterValue(network, p);
      const span = defaultSpan(v);
      next[keyOf(p)] = [v - span, v + span];
    }
    setAutoRanges(next);
  }

  const xRange = first ? rangeOf(first) : null;
  const yRange = second ? rangeOf(second) : null;
  const { data, penalty, exact, live } = source;
  const side =
    live && first && second
      ? liveSide(
          choice.side,
          [network.inputSize, ...network.layers.map((l) => l.biases.length)],
          first,
          second,
          data.count,
        )
      : choice.side;
  const xKey = xRange?.join();
  const yKey = yRange?.join();
  useEffect(() => {
    if (!first || !second || same || !xRange || !yRange) return;
    const xs = axisValues(xRange[0], xRange[1], side);
    client.current?.submit({
      network,
      data,
      x: { parameter: first, values: xs },
      y: { parameter: second, values: axisValues(yRange[0], yRange[1], side) },
      slice: { parameter: first, values: axisValues(xRange[0], xRange[1], 4 * side) },
      penalty,
      exact,
    });
    // The ranges are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [network, data, penalty, exact, first, second, same, side, xKey, yKey]);

  const name = (p: LandscapeParameter) =>
    p.kind === 'weight'
      ? notation.text.weight(p.layer, p.from, p.to)
      : notation.text.bias(p.layer, p.unit);
  const L = notation.loss.text;
  const shown =
    result &&
    first &&
    second &&
    keyOf(result.job.x.parameter) === keyOf(first) &&
    keyOf(result.job.y.parameter) === keyOf(second)
      ? result
      : null;
  const gradientFor = (p: LandscapeParameter, k: 0 | 1): number | null => {
    const fromTab = source.shownGradient?.(p);
    if (fromTab !== undefined) return fromTab;
    return shown ? shown.result.gradient[k] : null;
  };
  const gx = first ? gradientFor(first, 0) : null;
  const gy = second ? gradientFor(second, 1) : null;
  const showArrow = gx !== null && gy !== null && Number.isFinite(gx) && Number.isFinite(gy);
  const path = first && second ? source.path(first, second) : [];
  // Drawn at the worker's L there (the pass's own number); written as the tab shows it.
  const centreLoss = shown?.result.centre ?? NaN;
  const lossText =
    source.shownLoss === undefined || source.shownLoss === null
      ? source.shownLoss === null
        ? '—'
        : formatNumber(centreLoss, digits)
      : formatNumber(source.shownLoss, digits);
  // The stepper's landscape is made of losses: shown only once the pass shows L (nothing computed
  // at the start of a pass, nothing given away while predict first asks for L).
  const withheld =
    source.shownLoss === null
      ? `The landscape appears once this pass has computed the loss ${L}: step on to it.`
      : source.shownLoss !== undefined && Number.isNaN(source.shownLoss)
        ? `The landscape appears once you have answered ${L}: it would give the loss away.`
        : null;
  const slopeText = (g: number | null) =>
    g === null ? '—' : Number.isNaN(g) ? HIDDEN_NUMBER : formatNumber(g, focusDigits(digits));

  return (
    <>
      <p className="hint">
        {L} over two parameters on {source.dataName}, every other parameter held where it is. Pick
        two; the path is where the optimizer took them, one point per {source.pathUnit}; the arrow
        is −∇{L}, the way the gradient says is downhill.
      </p>
      {first && second && (
        <ParameterPicks
          parameters={parameters}
          first={first}
          second={second}
          side={choice.side}
          notation={notation}
          onFirst={(x) => change({ x })}
          onSecond={(y) => change({ y })}
          onSide={(s) => change({ side: s })}
          diagram={source.diagram}
          picking={picking}
          onPicking={setPicking}
        />
      )}
      {same && (
        <p className="field-error" role="alert">
          Pick two different parameters.
        </p>
      )}
      {first && second && xRange && yRange && !same && (
        <div className="landscape-ranges">
          <RangeFields
            name={`Range of ${name(first)}`}
            range={xRange}
            onApply={(r) => setRanges((all) => ({ ...all, [keyOf(first)]: r }))}
          />
          <RangeFields
            name={`Range of ${name(second)}`}
            range={yRange}
            onApply={(r) => setRanges((all) => ({ ...all, [keyOf(second)]: r }))}
          />
          <button
            type="button"
            onClick={() =>
              [setRanges, setAutoRanges].forEach((set) =>
                set((all) => {
                  const next = { ...all };
                  delete next[keyOf(first)];
                  delete next[keyOf(second)];
                  return next;
                }),
              )
            }
          >
            Centre on the current values
          </button>
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {withheld ? (
        <p className="hint" data-testid="landscape-withheld">
          {withheld}
        </p>
      ) : shown && first && second && !same ? (
        <div className="landscape-pictures" data-refreshes={refreshes}>
          <figure>
            <LandscapeMap
              picture={{
                xs: shown.job.x.values,
                ys: shown.job.y.values,
                losses: shown.result.losses,
                xName: name(first),
                yName: name(second),
                path,
                gradient: showArrow ? [gx, gy] : null,
                digits,
              }}
            />
            <figcaption>
              <span data-testid="landscape-resolution">
                {gridText(shown.job.x.values.length, choice.side)}
              </span>
              {' · '}
              <span data-testid="landscape-path">
                Path: {path.length} point{path.length === 1 ? '' : 's'}
              </span>
              {' · '}now ({formatNumber(path.at(-1)?.[0] ?? NaN, digits)},{' '}
              {formatNumber(path.at(-1)?.[1] ?? NaN, digits)}), {L} = {lossText}
              {' · '}−∇{L} = −({slopeText(gx)}, {slopeText(gy)})
            </figcaption>
          </figure>
          {shown.result.slice && shown.job.slice && (
            <figure>
              <LandscapeSlice
                picture={{
                  xs: shown.job.slice.values,
                  losses: shown.result.slice,
                  at: path.at(-1)?.[0] ?? NaN,
                  loss: centreLoss,
                  slope: gx !== null && Number.isFinite(gx) ? gx : null,
                  xName: name(first),
                }}
              />
              <figcaption>
                Tangent at {name(first)} = {formatNumber(path.at(-1)?.[0] ?? NaN, digits)}: slope ∂
                {L}/∂{name(first)} = <span data-testid="landscape-slope">{slopeText(gx)}</span>, the
                first-order prediction Δ{L} ≈ ∂{L}/∂{name(first)} · Δ{name(first)}.
              </figcaption>
            </figure>
          )}
        </div>
      ) : (
        !same && !error && <p className="hint loading">Computing the landscape…</p>
      )}
    </>
  );
}
