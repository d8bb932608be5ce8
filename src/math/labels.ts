import { ACTIVATION_REGISTRY, type Activation } from '../engine';
import type { Notation } from './notations';
import type { Parameter } from './vocabulary';

/**
 * Plain-text names with real Unicode sub- and superscripts (w₁₂⁽²⁾), for accessible names, block
 * titles and diagram labels. Each notation writes its own (notation.text, ./notations); these
 * are the names made of them.
 */
export { subscript, superscript } from './notations';

export type UnitQuantity = 'z' | 'a' | 'delta';

export function activationName(activation: Activation): string {
  return ACTIVATION_REGISTRY[activation].name;
}

/**
 * An editable number's name: 'Weight w₁₂⁽²⁾', 'Bias b₁⁽²⁾', 'Input x₁', 'Target y₂'. With
 * sampleCount > 1, inputs and targets also name their sample: 'Input x₁ (sample 2)'.
 */
export function parameterLabel(param: Parameter, notation: Notation, sampleCount = 1): string {
  switch (param.kind) {
    case 'weight':
      return `Weight ${notation.text.weight(param.layer, param.from, param.to)}`;
    case 'bias':
      return `Bias ${notation.text.bias(param.layer, param.unit)}`;
    case 'input':
    case 'target': {
      const name =
        param.kind === 'input'
          ? `Input ${notation.text.unit('a', 0, param.index)}`
          : `Target ${notation.text.target(param.index)}`;
      return sampleCount > 1 ? `${name} (sample ${param.sample + 1})` : name;
    }
  }
}
