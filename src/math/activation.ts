import {
  ACTIVATION_REGISTRY,
  isElementwise,
  type Activation,
  type ElementwiseActivation,
  type TexNumbers,
} from '../engine';
import { factor, num, sum } from './tex';

/**
 * Each activation beside its derivative, written out: f(z) = … in symbols and with numbers, and
 * f'(z) in symbols, with numbers and as a value, the way notes 000 and 003 write σ' = σ(1 − σ).
 * The TeX of each comes from the activation registry (src/engine/activations.ts).
 */

const NUMBERS: TexNumbers = { num: (x) => num(x), factor: (x) => factor(x) };

/**
 * f(Z) spelled out in symbols, for an elementwise f: \frac{1}{1+e^{-Z}}, \max(0, Z), …; null when
 * f(Z) is already all there is to write (tanh, softmax).
 */
export function activationDefinition(activation: Activation, pre: string): string | null {
  return isElementwise(activation)
    ? ACTIVATION_REGISTRY[activation].elementwise.definitionTex(pre, NUMBERS)
    : null;
}

/** The softmax of unit j in symbols: e^{z_j} / Σ_k e^{z_k}. */
export function softmaxDefinition(preJ: string, preK: string, n: number): string {
  return `\\frac{e^{${preJ}}}{\\sum_{k=1}^{${n}} e^{${preK}}}`;
}

/** The softmax of unit j with numbers: e^{0.3} / (e^{0.1} + e^{0.3} + e^{-0.2}). */
export function softmaxSubstituted(z: readonly number[], j: number): string {
  return `\\frac{e^{${num(z[j] ?? NaN)}}}{${sum(z.map((zk) => `e^{${num(zk)}}`))}}`;
}

/** f(z) with this z: \sigma(0.3775) = \frac{1}{1+e^{-0.3775}}; \max(0, -0.2); … */
export function activationSubstituted(activation: ElementwiseActivation, z: number): string {
  return ACTIVATION_REGISTRY[activation].elementwise.substitutedTex(z, NUMBERS);
}

export interface DerivativeTex {
  /** f'(Z) in terms of this unit's symbols, e.g. a(1 − a). */
  general: string;
  /** The same with this unit's numbers, e.g. 0.751365(1 - 0.751365). */
  substituted: string;
  value: number;
}

/**
 * f'(z) for an elementwise f, from z and a = f(z): σ' = a(1 − a), tanh' = 1 − a², ReLU' = 1[z > 0],
 * … (the registry's TeX). The value is the engine's own df.
 */
export function derivativeTex(
  activation: ElementwiseActivation,
  act: string,
  pre: string,
  a: number,
  z: number,
): DerivativeTex {
  const f = ACTIVATION_REGISTRY[activation].elementwise;
  return {
    general: f.derivativeTex(act, pre, NUMBERS),
    substituted: f.derivativeSubstitutedTex(a, z, NUMBERS),
    value: f.df(z, a),
  };
}

/** Only softmax couples the units of a layer; every other activation acts unit by unit. */
export { isElementwise };
