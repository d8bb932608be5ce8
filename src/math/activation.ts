import { elementwise, LEAKY_RELU_SLOPE, type Activation } from '../engine';
import { concreteActivationTex } from './notation';
import { factor, num, sum } from './tex';

/**
 * Each activation beside its derivative, written out: f(z) = … in symbols and with numbers, and
 * f'(z) in symbols, with numbers and as a value, the way notes 000 and 003 write σ' = σ(1 − σ).
 */

const SLOPE = num(LEAKY_RELU_SLOPE);

/**
 * f(Z) spelled out in symbols, for an elementwise f: \frac{1}{1+e^{-Z}}, \max(0, Z), …; null when
 * f(Z) is already all there is to write (tanh).
 */
export function activationDefinition(activation: Activation, pre: string): string | null {
  switch (activation) {
    case 'sigmoid':
      return `\\frac{1}{1+e^{-${pre}}}`;
    case 'tanh':
      return null;
    case 'relu':
      return `\\max(0, ${pre})`;
    case 'leakyRelu':
      return `\\max(${SLOPE}\\,${pre}, ${pre})`;
    case 'linear':
      return pre;
    case 'softmax':
      return null;
  }
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
export function activationSubstituted(
  activation: Exclude<Activation, 'softmax'>,
  z: number,
): string {
  const f = concreteActivationTex(activation);
  switch (activation) {
    case 'sigmoid':
      return `${f}(${num(z)}) = \\frac{1}{1+e^{${num(-z)}}}`;
    case 'tanh':
      return `${f}(${num(z)})`;
    case 'relu':
      return `\\max(0, ${num(z)})`;
    case 'leakyRelu':
      return `\\max(${SLOPE}\\cdot ${factor(z)}, ${num(z)})`;
    case 'linear':
      return num(z);
  }
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
 * leaky ReLU' = 1 or 0.01, linear' = 1. The value is the engine's own df.
 */
export function derivativeTex(
  activation: Exclude<Activation, 'softmax'>,
  act: string,
  pre: string,
  a: number,
  z: number,
): DerivativeTex {
  const value = elementwise[activation].df(z, a);
  switch (activation) {
    case 'sigmoid':
      return {
        general: `${act}(1 - ${act})`,
        substituted: `${factor(a)}(1 - ${factor(a)})`,
        value,
      };
    case 'tanh':
      return {
        general: `\\left(1 - \\left(${act}\\right)^2\\right)`,
        substituted: `(1 - ${factor(a)}^2)`,
        value,
      };
    case 'relu':
      return {
        general: `\\mathbf{1}[${pre} > 0]`,
        substituted: `\\mathbf{1}[${num(z)} > 0]`,
        value,
      };
    case 'leakyRelu':
      return {
        general: `(\\mathbf{1}[${pre} > 0] + ${SLOPE}\\cdot\\mathbf{1}[${pre} \\le 0])`,
        substituted: `(\\mathbf{1}[${num(z)} > 0] + ${SLOPE}\\cdot\\mathbf{1}[${num(z)} \\le 0])`,
        value,
      };
    case 'linear':
      return { general: '1', substituted: '1', value };
  }
}

/** Only softmax couples the units of a layer; every other activation acts unit by unit. */
export function isElementwise(
  activation: Activation,
): activation is Exclude<Activation, 'softmax'> {
  return activation !== 'softmax';
}
