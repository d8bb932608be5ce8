import { ACTIVATION_REGISTRY, type Activation } from '../engine';
import type { Notation } from './notations';

/**
 * The few TeX pieces that are the same in every notation. Each notation's own symbols live in
 * ./notations, one file per notation: notationFor(id, network).tex.activation(l, j), ….
 */
export type { Index, LayerRef } from './notations';
export { indexPair, shiftLayer, unitIndex } from './notations';

/** The activation function itself, whatever the notation calls it. */
export function concreteActivationTex(activation: Activation): string {
  return ACTIVATION_REGISTRY[activation].symbolTex;
}

/** The activation function's symbol: the notation's own (θ in LFD, f in note 004), else σ, tanh, … */
export function activationFunctionTex(
  notation: Pick<Notation, 'activationFunction'>,
  activation: Activation,
): string {
  return notation.activationFunction?.tex ?? concreteActivationTex(activation);
}

/** ∂(loss)/∂(symbol), as a fraction. */
export function partialTex(of: string, wrt: string): string {
  return `\\frac{\\partial ${of}}{\\partial ${wrt}}`;
}
