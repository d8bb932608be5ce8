import { lazyStepEquations, type EquationBlock, type EquationContext } from '../math';
import { showsHidden } from '../math/format';
import { maskPass } from './mask';
import type { PredictHelp, Quantity } from './types';

/** From least to most: nothing, the equation in symbols, the same with the numbers substituted. */
export const HELP_LEVELS: readonly PredictHelp[] = ['none', 'symbols', 'numbers'];

/** The hint ladder: the help chosen, at least the symbols after one wrong try, the numbers after two. */
export function helpAfter(chosen: PredictHelp, wrong: number): PredictHelp {
  const ladder = HELP_LEVELS[Math.min(wrong, HELP_LEVELS.length - 1)] ?? 'none';
  return HELP_LEVELS.indexOf(ladder) > HELP_LEVELS.indexOf(chosen) ? ladder : chosen;
}

/**
 * An equation as a help level shows it while its result is asked (its result is hidden): with
 * the numbers (the result "?"), the general form only, or only its title. Any other block as it is.
 */
export function withHelp(block: EquationBlock, help: PredictHelp): EquationBlock {
  if (!showsHidden(block.result) || help === 'numbers') return block;
  if (help === 'symbols') return { ...block, substituted: '', result: '' };
  return { title: `${block.title}: predict it first`, general: '', substituted: '', result: '' };
}

/**
 * The equation of the current step that computes a quantity, with the numbers of `shown` (every
 * pending value hidden): found as the one block whose result is hidden when only the quantity is.
 * Blocks are built one by one until it is found (the update of a large network has thousands).
 */
export function questionBlock(
  ctx: EquationContext,
  quantity: Quantity,
  shown: Pick<EquationContext, 'snapshot' | 'updated'>,
): EquationBlock | null {
  const pass = { snapshot: ctx.snapshot, ...(ctx.updated ? { updated: ctx.updated } : {}) };
  const alone = maskPass(pass, ctx.sampleIndex, [quantity], true);
  const finding = lazyStepEquations({ ...ctx, ...alone });
  const index = finding.findIndex((block) => showsHidden(block().result));
  if (index < 0) return null;
  const block = lazyStepEquations({ ...ctx, ...shown })[index];
  return block ? block() : null;
}
