import type { NamedMistake, PracticeContext, Quantity } from './types';

/**
 * STUB until the catalogue of known mistakes lands (written on another branch): the wrong values
 * the known mistakes give for a quantity, and the mistake a wrong answer matches, if any.
 */
export function mistakesFor(_quantity: Quantity, _ctx: PracticeContext): NamedMistake[] {
  return [];
}

export function nameMistake(
  _answer: number,
  _quantity: Quantity,
  _ctx: PracticeContext,
): NamedMistake | null {
  return null;
}
