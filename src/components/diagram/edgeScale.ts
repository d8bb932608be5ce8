import {
  edgeWidthScale,
  maxAbsGradient,
  maxAbsParameter,
  niceMax,
  signOf,
  type Sign,
} from '../../layout/scales';
import { selectProgress, selectShownPass, type AppState } from '../../store';

/**
 * How the edges of each column look (width and sign from |w| or |∂L/∂w|), derived from the store
 * and memoized so that the column's painter (edgePaint.ts) touches only the edges that look
 * different: a weight edit in gradient mode changes every gradient a little, but seldom any edge's
 * drawn width.
 */

/** selectEdgeMax in gradient mode, per pass's gradients and units shown. */
const gradientMax = new WeakMap<object, WeakMap<object, number>>();

/**
 * The |value| that gets the widest edge in the current edge mode, rounded up by niceMax: in
 * gradient mode, of the gradients shown (not those still to compute or to predict).
 */
export function selectEdgeMax(s: AppState): number {
  if (s.view.edgeMode !== 'gradients') return niceMax(maxAbsParameter(s.network));
  // Every edge column's selector asks, on every edit: the whole network is scanned once.
  const grads = selectShownPass(s).snapshot.grads;
  const shownUnits = selectProgress(s).gradientUnits;
  let byUnits = gradientMax.get(grads);
  if (!byUnits) gradientMax.set(grads, (byUnits = new WeakMap()));
  let max = byUnits.get(shownUnits);
  if (max === undefined)
    byUnits.set(shownUnits, (max = niceMax(maxAbsGradient(grads, shownUnits))));
  return max;
}

export interface EdgeLook {
  width: number;
  sign: Sign;
  /** Gradient mode, before this edge's gradient is computed or while it is to predict. */
  pending: boolean;
}

/**
 * weights[from][to] and biases[unit]. A row (the edges out of one source unit) that looks as it
 * did is the same array as before, so only the rows where some edge looks different are redrawn.
 */
export interface ColumnLook {
  weights: EdgeLook[][];
  biases: EdgeLook[];
}

/** How an edge looks while its gradient is not shown: a dashed hairline. */
export const PENDING: EdgeLook = { width: 1, sign: 'zero', pending: true };

/** Widths are quantized, so there are few distinct looks: one shared object for each. */
const looks: Record<Sign, Map<number, EdgeLook>> = {
  positive: new Map(),
  negative: new Map(),
  zero: new Map(),
};
function interned(width: number, sign: Sign): EdgeLook {
  let look = looks[sign].get(width);
  if (!look) looks[sign].set(width, (look = { width, sign, pending: false }));
  return look;
}

type LookAt = (value: number, unit: number) => EdgeLook;

/**
 * The looks of a row of values: `before` itself when every edge looks as it did, so a row that
 * looks the same costs no new array (an edit on the largest network computes 2,000 looks).
 */
function rowLook(values: ArrayLike<number>, before: EdgeLook[] | undefined, lookAt: LookAt) {
  const n = values.length;
  let k = 0;
  if (before?.length === n) {
    while (k < n && lookAt(values[k] as number, k) === before[k]) k++;
    if (k === n) return before;
  }
  const row = before?.length === n ? before.slice(0, k) : [];
  for (k = row.length; k < n; k++) row.push(lookAt(values[k] as number, k));
  return row;
}

/** The column's looks, sharing with `last` every row that looks as it did (and `last` if all do). */
function lookOf(
  rows: ArrayLike<ArrayLike<number>>,
  biases: ArrayLike<number>,
  widthOf: (v: number) => number,
  shownUnits: number,
  last: ColumnLook | undefined,
): ColumnLook {
  const lookAt: LookAt = (value, unit) =>
    unit >= shownUnits || Number.isNaN(value) ? PENDING : interned(widthOf(value), signOf(value));
  const before = last?.weights.length === rows.length ? last : undefined;
  let same = before !== undefined;
  const weights: EdgeLook[][] = [];
  for (let i = 0; i < rows.length; i++) {
    const row = rowLook(rows[i] as ArrayLike<number>, before?.weights[i], lookAt);
    same &&= row === before?.weights[i];
    weights.push(row);
  }
  const biasLooks = rowLook(biases, before?.biases, lookAt);
  if (same && biasLooks === before?.biases) return before;
  return { weights, biases: biasLooks };
}

/** Per source object (a layer's parameters or gradients): the look for each max and count. */
const computed = new WeakMap<object, Map<string, ColumnLook>>();
/** The last look handed out per layer: a new one shares its rows that look the same (lookOf). */
const lastLook = new Map<number, ColumnLook>();

export function selectColumnLook(s: AppState, layer: number): ColumnLook | undefined {
  const gradientMode = s.view.edgeMode === 'gradients';
  // The gradients as shown: one the learner is asked to predict is NaN, drawn as pending.
  const source = gradientMode
    ? selectShownPass(s).snapshot.grads[layer - 1]
    : s.network.layers[layer - 1];
  if (!source) return undefined;
  const max = selectEdgeMax(s);
  const shownUnits = gradientMode ? (selectProgress(s).gradientUnits[layer - 1] ?? 0) : Infinity;
  const memoKey = `${max}|${shownUnits}`;
  let byKey = computed.get(source);
  if (!byKey) computed.set(source, (byKey = new Map()));
  let look = byKey.get(memoKey);
  if (!look) {
    const widthOf = edgeWidthScale(max);
    const last = lastLook.get(layer);
    look =
      'dW' in source
        ? lookOf(source.dW, source.db, widthOf, shownUnits, last)
        : lookOf(source.weights, source.biases, widthOf, shownUnits, last);
    byKey.set(memoKey, look);
  }
  lastLook.set(layer, look);
  return look;
}
