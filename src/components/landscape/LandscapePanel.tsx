import { useEffect, useId, useMemo, useRef, useState, type ReactNode } from 'react';
import {
  axisValues,
  defaultSpan,
  parameterValue,
  type LandscapeParameter,
  type Network,
  type PackedSet,
  type Penalty,
} from '../../engine';
import { parameterLabel, type Notation } from '../../math';
import { focusDigits, formatNumber, HIDDEN_NUMBER } from '../../math/format';
import { createLandscapeClient, type LandscapeClient } from '../../training/landscapeClient';
import type { LandscapeJob, LandscapeResult } from '../../training/landscapeJob';
import { LandscapeMap, LandscapeSlice } from './LandscapeChart';
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
}

const keyOf = (p: LandscapeParameter) =>
  p.kind === 'weight' ? `w ${p.layer} ${p.from} ${p.to}` : `b ${p.layer} ${p.unit}`;

function parametersOf(network: Network): LandscapeParameter[] {
  return network.layers.flatMap((layer, l) => [
    ...layer.weights.flatMap((row, from) =>
      row.map((_, to): LandscapeParameter => ({ kind: 'weight', layer: l + 1, from, to })),
    ),
    ...layer.biases.map((_, unit): LandscapeParameter => ({ kind: 'bias', layer: l + 1, unit })),
  ]);
}

const RESOLUTIONS = [16, 32, 64] as const;

/** A range the learner typed: both ends finite, the first the smaller; or why not. */
export function rangeProblem(loText: string, hiText: string): string | null {
  const lo = parseNumber(loText);
  const hi = parseNumber(hiText);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'Type two finite numbers.';
  if (!(lo < hi)) return 'The first number must be smaller than the second.';
  return null;
}

/** Reads a typed number; a true minus sign (−) counts as a minus. */
function parseNumber(text: string): number {
  const t = text.trim().replace(/\u2212/g, '-');
  return t === '' ? NaN : Number(t);
}

interface RangeDraft {
  lo: string;
  hi: string;
}

function RangeFields({
  name,
  range,
  onApply,
}: {
  name: string;
  range: [number, number];
  onApply: (range: [number, number]) => void;
}) {
  const [draft, setDraft] = useState<RangeDraft | null>(null);
  const id = useId();
  const shown: RangeDraft = draft ?? {
    lo: formatNumber(range[0], 6),
    hi: formatNumber(range[1], 6),
  };
  const problem = draft ? rangeProblem(draft.lo, draft.hi) : null;
  const apply = () => {
    if (!draft || problem) return;
    onApply([parseNumber(draft.lo), parseNumber(draft.hi)]);
    setDraft(null);
  };
  const field = (end: 'lo' | 'hi', label: string) => (
    <input
      type="text"
      inputMode="decimal"
      aria-label={`${name} ${label}`}
      aria-invalid={problem !== null}
      aria-describedby={problem ? `${id}-problem` : undefined}
      value={shown[end]}
      onChange={(event) => setDraft({ ...shown, [end]: event.target.value })}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
        if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
  return (
    <div className="landscape-range">
      <span className="landscape-range-name">{name}</span>
      {field('lo', 'from')}
      <span aria-hidden="true">to</span>
      {field('hi', 'to')}
      {problem && (
        <span className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}

export function LandscapePanel({ source }: { source: LandscapeSource }) {
  const { network, notation, digits } = source;
  const parameters = useMemo(() => parametersOf(network), [network]);
  const byKey = useMemo(() => new Map(parameters.map((p) => [keyOf(p), p])), [parameters]);
  const last = network.layers.length;
  const [firstKey, setFirstKey] = useState(() =>
    keyOf({ kind: 'weight', layer: last, from: 0, to: 0 }),
  );
  const [secondKey, setSecondKey] = useState(() =>
    keyOf(
      (network.layers[last - 1]?.weights.length ?? 0) > 1
        ? { kind: 'weight', layer: last, from: 1, to: 0 }
        : { kind: 'bias', layer: last, unit: 0 },
    ),
  );
  // Ranges the learner typed, and the automatic ones (centred where the parameter was).
  const [ranges, setRanges] = useState<Record<string, [number, number]>>({});
  const [autoRanges, setAutoRanges] = useState<Record<string, [number, number]>>({});
  const [resolution, setResolution] = useState<number>(64);
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

  const first = byKey.get(firstKey) ?? parameters[0];
  const second =
    byKey.get(secondKey) ?? parameters.find((p) => keyOf(p) !== keyOf(first as LandscapeParameter));
  const same = first && second && keyOf(first) === keyOf(second);
  const rangeOf = (p: LandscapeParameter): [number, number] => {
    const kept = ranges[keyOf(p)] ?? autoRanges[keyOf(p)];
    if (kept) return kept;
    const v = parameterValue(network, p);
    const span = defaultSpan(v);
    return [v - span, v + span];
  };

  // A range not typed stays where it was centred, so the map holds still as the point moves on it,
  // until the point leaves it: then it is centred on the point again.
  useEffect(() => {
    const missing = [first, second].filter((p): p is LandscapeParameter => {
      if (p === undefined || ranges[keyOf(p)] !== undefined) return false;
      const auto = autoRanges[keyOf(p)];
      const v = parameterValue(network, p);
      return auto === undefined || v < auto[0] || v > auto[1];
    });
    if (missing.length === 0) return;
    setAutoRanges((r) => {
      const next = { ...r };
      for (const p of missing) {
        const v = parameterValue(network, p);
        const span = defaultSpan(v);
        next[keyOf(p)] = [v - span, v + span];
      }
      return next;
    });
  }, [first, second, ranges, autoRanges, network]);

  const xRange = first ? rangeOf(first) : null;
  const yRange = second ? rangeOf(second) : null;
  const { data, penalty, exact } = source;
  const xKey = xRange?.join();
  const yKey = yRange?.join();
  useEffect(() => {
    if (!first || !second || same || !xRange || !yRange) return;
    const xs = axisValues(xRange[0], xRange[1], resolution);
    client.current?.submit({
      network,
      data,
      x: { parameter: first, values: xs },
      y: { parameter: second, values: axisValues(yRange[0], yRange[1], resolution) },
      slice: { parameter: first, values: axisValues(xRange[0], xRange[1], 4 * resolution) },
      penalty,
      exact,
    });
    // The ranges are compared by value.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [network, data, penalty, exact, first, second, same, resolution, xKey, yKey]);

  const name = (p: LandscapeParameter) =>
    p.kind === 'weight'
      ? notation.text.weight(p.layer, p.from, p.to)
      : notation.text.bias(p.layer, p.unit);
  const L = notation.loss.text;
  const select = (label: string, value: string, onChange: (key: string) => void) => (
    <label className="landscape-pick">
      {label}
      <select value={value} onChange={(event) => onChange(event.target.value)}>
        {parameters.map((p) => (
          <option key={keyOf(p)} value={keyOf(p)}>
            {parameterLabel(p, notation)}
          </option>
        ))}
      </select>
    </label>
  );

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
      <div className="landscape-controls">
        {select('First parameter', firstKey, setFirstKey)}
        {select('Second parameter', secondKey, setSecondKey)}
        <label className="landscape-pick">
          Grid
          <select
            value={resolution}
            onChange={(event) => setResolution(Number(event.target.value))}
          >
            {RESOLUTIONS.map((r) => (
              <option key={r} value={r}>
                {r} × {r}
              </option>
            ))}
          </select>
        </label>
      </div>
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

/**
 * The panel's frame: a region named by its heading "Loss landscape", with a button that shows or
 * hides what is inside (the landscape is computed only while it is shown).
 */
export function LandscapeFrame({
  open,
  onToggle,
  children,
}: {
  open: boolean;
  onToggle: (open: boolean) => void;
  children: ReactNode;
}) {
  const id = useId();
  return (
    <section className="landscape-panel" aria-labelledby={`${id}-title`}>
      <div className="landscape-head">
        <h2 id={`${id}-title`}>Loss landscape</h2>
        <button
          type="button"
          className="landscape-toggle"
          aria-expanded={open}
          onClick={() => onToggle(!open)}
        >
          {open ? 'Hide the loss landscape' : 'Show the loss landscape'}
        </button>
      </div>
      {open && children}
    </section>
  );
}
