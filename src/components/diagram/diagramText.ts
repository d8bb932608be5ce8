import { textWidth } from '../../layout/boxes';
import { focusDigits, formatNumber } from '../../math/format';
import type { Notation } from '../../math/notations';

/** Digits for the selected unit or edge, which shows more than the rest (as many as the inspector). */
export function digitsFor(selected: boolean, digits: number): number {
  return selected ? focusDigits(digits) : digits;
}

/** A number, or '—' for one the pass has not computed yet. */
export function shown(value: number | null | undefined, digits: number): string {
  return value === null || value === undefined ? '—' : formatNumber(value, digits);
}

/**
 * shown(list[j], digits), remembered per list: a pass's values are new arrays, so a unit whose
 * numbers did not change (or wait for a deferred render) is not formatted again on every render.
 */
const formatted = new WeakMap<ArrayLike<number>, Map<number, string>>();
export function shownAt(list: ArrayLike<number> | undefined, j: number, digits: number): string {
  if (!list) return shown(undefined, digits);
  let texts = formatted.get(list);
  if (!texts) formatted.set(list, (texts = new Map()));
  const key = j * 32 + digits; // digits ≤ 17
  let text = texts.get(key);
  if (text === undefined) texts.set(key, (text = shown(list[j], digits)));
  return text;
}

/** The one-letter names in front of a unit's values: z a δ; s x δ (LFD); z x k (note 004). */
export function valueName(notation: Notation, quantity: 'z' | 'a' | 'delta'): string {
  return notation.letters[quantity];
}

/** '∂L/∂w', '∂L/∂b'; LFD writes the bias as the weight w₀ⱼ and the loss as e. */
export function gradientName(
  notation: Pick<Notation, 'bias' | 'loss'>,
  kind: 'weight' | 'bias',
): string {
  const parameter = kind === 'weight' || notation.bias === 'weightZero' ? 'w' : 'b';
  return `∂${notation.loss.text}/∂${parameter}`;
}

/**
 * The length to squeeze a text to (SVG textLength) when it would be wider than its room in the
 * layout, else undefined: a rare long number never runs into what is beside it.
 */
export function fitLength(text: string, fontSize: number, room: number): number | undefined {
  return textWidth(text, fontSize) > room ? room : undefined;
}
