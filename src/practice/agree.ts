/**
 * When a learner's number counts as the true one: it agrees to three significant digits, that is,
 * it is within one unit of the third significant digit of the true value (0.4386 and 0.438 both
 * agree with 0.438568; 0.436 does not). The one place this tolerance is decided.
 */
export const AGREE_DIGITS = 3;

export function agrees(answer: number, truth: number): boolean {
  if (!Number.isFinite(answer) || !Number.isFinite(truth)) return false;
  if (truth === 0) return Math.abs(answer) < 1e-12;
  const unit = 10 ** (Math.floor(Math.log10(Math.abs(truth))) - (AGREE_DIGITS - 1));
  return Math.abs(answer - truth) <= unit * (1 + 1e-9);
}
