import { agrees } from './agree';
import { backwardOf } from './backward';
import { deltaVariants } from './deltaMistakes';
import { forwardMistakes } from './forwardMistakes';
import { gradientMistakes, updateMistakes } from './gradientMistakes';
import { lossMistakes } from './lossMistakes';
import { notationOfContext, valueOf } from './truth';
import type { NamedMistake, PracticeContext, Quantity } from './types';
import { wordsFor, type Mistake } from './words';

/**
 * The catalogue of known mistakes (issue 14, "Name the mistake"): for an asked quantity, what each
 * mistake that applies to it gives in this pass, with a sentence in the learner's notation. The
 * values come from the engine's pass and registries (activations, losses, the update step); the
 * parts: forwardMistakes.ts (z, a), lossMistakes.ts, deltaMistakes.ts (δ), gradientMistakes.ts
 * (gradients, updates), with what the backward ones share in backward.ts.
 */

function candidates(quantity: Quantity, ctx: PracticeContext): Mistake[] {
  const words = wordsFor(notationOfContext(ctx), ctx.network);
  if (quantity.kind === 'z' || quantity.kind === 'a') {
    return forwardMistakes({ ...quantity, kind: quantity.kind }, ctx, words);
  }
  const backward = backwardOf(ctx, words);
  switch (quantity.kind) {
    case 'loss':
      return lossMistakes(backward);
    case 'delta': {
      const j = quantity.unit;
      return deltaVariants(backward, ctx.sampleIndex, quantity.layer)
        .filter((variant) => !variant.vacuous?.[j])
        .map((variant) => ({
          id: variant.id,
          value: variant.values[j] ?? NaN,
          message: variant.message(j),
        }));
    }
    case 'dW':
      return gradientMistakes({ ...quantity, kind: 'dW' }, backward);
    case 'db':
      return gradientMistakes({ ...quantity, kind: 'db' }, backward);
    case 'w':
      return updateMistakes({ ...quantity, kind: 'w' }, backward);
    case 'b':
      return updateMistakes({ ...quantity, kind: 'b' }, backward);
  }
}

/**
 * Every known mistake that applies to this quantity, with the value it gives here, in the order
 * they are tried. A mistake whose value agrees with the true one (to three significant digits) is
 * left out: an answer cannot tell it apart. None when the network has no such quantity.
 */
export function mistakesFor(quantity: Quantity, ctx: PracticeContext): NamedMistake[] {
  const truth = valueOf(quantity, ctx);
  if (!Number.isFinite(truth)) return [];
  return candidates(quantity, ctx)
    .filter((mistake) => Number.isFinite(mistake.value) && !agrees(mistake.value, truth))
    .map((mistake) => ({ ...mistake, value: mistake.value + 0 })); // −0 reads as 0
}

/**
 * The first known mistake whose value agrees with the answer; null when the answer is right
 * (it agrees with the true value) or matches no known mistake.
 */
export function nameMistake(
  answer: number,
  quantity: Quantity,
  ctx: PracticeContext,
): NamedMistake | null {
  if (!Number.isFinite(answer) || agrees(answer, valueOf(quantity, ctx))) return null;
  return mistakesFor(quantity, ctx).find((mistake) => agrees(answer, mistake.value)) ?? null;
}
