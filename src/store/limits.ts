import { LIMITS, STEPPER_SIZES, TRAINING_SIZES, type NetworkSizes } from '../data/limits';

export { LIMITS, STEPPER_SIZES, TRAINING_SIZES, type NetworkSizes };

export type Parsed = { ok: true; value: number } | { ok: false; error: string };

/**
 * Reads what a learner typed. Accepts '0.5', '-.5', '1e-3', and the minus sign U+2212; refuses
 * anything that is not a finite number within [min, max], with the reason.
 */
export function parseNumber(text: string, min: number, max: number): Parsed {
  const cleaned = text
    .trim()
    .replace(/\u2212/g, '-')
    .replace(/,/g, '.');
  if (cleaned === '') return { ok: false, error: 'Enter a number.' };
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(cleaned)) {
    return { ok: false, error: `"${text.trim().slice(0, 20)}" is not a number.` };
  }
  const value = Number(cleaned);
  if (!Number.isFinite(value)) return { ok: false, error: 'That number is too large.' };
  if (value < min || value > max) {
    return { ok: false, error: `Must be between ${min} and ${max}.` };
  }
  return { ok: true, value };
}

export function checkValue(value: number, min: number, max: number): string | null {
  if (typeof value !== 'number' || !Number.isFinite(value)) return 'Must be a finite number.';
  if (value < min || value > max) return `Must be between ${min} and ${max}.`;
  return null;
}
