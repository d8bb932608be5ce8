import type { Notation } from '../math/notations';
import type { Quantity, QuantityKind } from './types';

/**
 * What the learner is asked for, named in their notation (plain text with Unicode indices):
 * z₁⁽¹⁾, s₁⁽¹⁾ (LFD), L, ∂L/∂w₁₂⁽²⁾, ∂e/∂w₀₁⁽²⁾ (LFD's bias), w₁₂⁽²⁾ after the update.
 */
export function quantityName(q: Quantity, notation: Notation): string {
  const { text, loss } = notation;
  switch (q.kind) {
    case 'z':
    case 'a':
    case 'delta':
      return text.unit(q.kind, q.layer, q.unit);
    case 'loss':
      return loss.text;
    case 'dW':
      return `∂${loss.text}/∂${text.weight(q.layer, q.from, q.to)}`;
    case 'db':
      return `∂${loss.text}/∂${text.bias(q.layer, q.unit)}`;
    case 'w':
      return `${text.weight(q.layer, q.from, q.to)} after the update`;
    case 'b':
      return `${text.bias(q.layer, q.unit)} after the update`;
  }
}

/** A kind of quantity, for the choice of what is asked and the score: 'z', 'δ', '∂L/∂w', 'new w'. */
export function kindName(kind: QuantityKind, notation: Notation): string {
  const { letters, loss, bias } = notation;
  // LFD writes the bias as the weight w₀ⱼ.
  const b = bias === 'weightZero' ? 'w₀' : 'b';
  switch (kind) {
    case 'z':
    case 'a':
    case 'delta':
      return letters[kind];
    case 'loss':
      return `loss ${loss.text}`;
    case 'dW':
      return `∂${loss.text}/∂w`;
    case 'db':
      return `∂${loss.text}/∂${b}`;
    case 'w':
      return 'new w';
    case 'b':
      return `new ${b}`;
  }
}
