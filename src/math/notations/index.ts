import { chain } from './chain';
import { lfd } from './lfd';
import { rowVector } from './rowVector';
import { superscript, subscript } from './script';
import { standard } from './standard';
import {
  indexPair,
  shiftLayer,
  unitIndex,
  type Index,
  type LayerRef,
  type Notation,
  type NotationSpec,
  type Writing,
} from './types';

/**
 * Every notation, by id: the one list the Notation select, the saved-work schema, the store and
 * the tests derive theirs from. Adding a notation is one file and one line here.
 */
export const NOTATIONS = { standard, lfd, chain, rowVector } as const satisfies Record<
  string,
  NotationSpec
>;

/** Which notation the equations and labels use; saved work and share links carry it. */
export type NotationId = keyof typeof NOTATIONS;

/** The ids in the order the Notation select lists them. */
export const NOTATION_IDS = Object.keys(NOTATIONS) as [NotationId, ...NotationId[]];

export function isNotationId(id: unknown): id is NotationId {
  return typeof id === 'string' && Object.hasOwn(NOTATIONS, id);
}

export function notationOf(id: NotationId): NotationSpec {
  return NOTATIONS[id];
}

/** The units of each layer, input first: what a notation's symbols are written for. */
export interface Shaped {
  inputSize: number;
  layers: readonly { biases: ArrayLike<number> }[];
}

function widthsOf(shape: Shaped | readonly number[]): readonly number[] {
  if ('inputSize' in shape) return [shape.inputSize, ...shape.layers.map((l) => l.biases.length)];
  return shape;
}

function writing(spec: NotationSpec, widths: readonly number[]): Writing {
  const depth = widths.length - 1;
  const output: LayerRef = depth >= 0 ? depth : 'L';
  const layer = (l: LayerRef) => {
    if (typeof l !== 'number' || spec.layers === 'fromInput') return String(l);
    return l === depth ? 'L' : `L-${depth - l}`;
  };
  const width = (l: LayerRef) => {
    if (typeof l === 'number') return widths[l];
    return l === 'L' && depth >= 0 ? widths[depth] : undefined;
  };
  const indexed = (l: LayerRef, j: Index) =>
    spec.unitIndices === 'always' || typeof j === 'string' || width(l) !== 1;
  const pairOf = (l: LayerRef, i: Index, j: Index) =>
    indexed(shiftLayer(l, -1), i) || indexed(l, j) ? indexPair(unitIndex(i), unitIndex(j)) : '';
  return {
    layer,
    output,
    sup: (l) => `^{(${layer(l)})}`,
    supText: (l) => superscript(`(${layer(l)})`),
    sub: (l, j) => (indexed(l, j) ? `_{${unitIndex(j)}}` : ''),
    subText: (l, j) => (indexed(l, j) ? subscript(unitIndex(j)) : ''),
    pair: (l, i, j) => {
      const ij = pairOf(l, i, j);
      return ij ? `_{${ij}}` : '';
    },
    pairText: (l, i, j) => subscript(pairOf(l, i, j)),
  };
}

const bound = new Map<string, Notation>();
/**
 * The same answers by the shape object itself: every selector of the diagram asks, with the
 * network, on every edit (without it, the key strings cost up to 1 ms in an edit's frame on the
 * largest network, README Benchmarks).
 */
const byShape = new WeakMap<object, Partial<Record<NotationId, Notation>>>();

/**
 * The notation written for a network's shape (or its widths, input first), every symbol ready:
 * notationFor('chain', network).tex.activation(2, 0) is a^{(L-1)} in a 1-1-1-1 chain. The same
 * object for the same id and shape, so React props and selectors stay equal.
 */
export function notationFor(id: NotationId, shape: Shaped | readonly number[]): Notation {
  let ids = byShape.get(shape);
  const known = ids?.[id];
  if (known) return known;
  if (!ids) byShape.set(shape, (ids = {}));
  ids[id] = notationOfWidths(id, widthsOf(shape));
  return ids[id];
}

function notationOfWidths(id: NotationId, widths: readonly number[]): Notation {
  const key = `${id}:${widths.join(',')}`;
  let notation = bound.get(key);
  if (!notation) {
    if (bound.size > 256) bound.clear();
    const { symbols, ...spec } = notationOf(id);
    notation = { ...spec, ...symbols(writing(notationOf(id), widths)), widths };
    bound.set(key, notation);
  }
  return notation;
}

export type {
  Glyph,
  Index,
  LayerRef,
  Notation,
  NotationSpec,
  Phrases,
  TexSymbols,
  TextSymbols,
} from './types';
export { indexPair, shiftLayer, unitIndex } from './types';
export { subscript, superscript } from './script';
