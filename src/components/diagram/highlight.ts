import type { PassStep } from '../../engine';

/**
 * What the current step uses and what it computes, so the diagram can light exactly that up.
 * Layers as in the notes (0 input, 1…L); a step with a `unit` is about that unit only.
 */

const forUnit = (step: { unit?: number }, unit: number) =>
  step.unit === undefined || step.unit === unit;

/** Does the current step read (forward, δ) or compute (gradients) weight w_ij of layer `layer`? */
export function edgeIsCurrent(step: PassStep, layer: number, from: number, to: number): boolean {
  switch (step.kind) {
    case 'forward':
    case 'gradients':
      // z_j = Σ_i w_ij a_i + b_j reads the incoming edges; ∂L/∂w_ij = a_i δ_j is computed on them.
      return step.layer === layer && forUnit(step, to);
    case 'hiddenDelta':
      // δ_i^(l) = Σ_j w_ij^(l+1) δ_j^(l+1) f'(z_i): the outgoing edges carry δ back.
      return step.layer + 1 === layer && forUnit(step, from);
    default:
      return false;
  }
}

/**
 * Which edges of weighted layer `layer` the current step uses: all of them with the biases
 * (forward, gradients), all the weights but not the biases (δ going back), some (a step about one
 * unit: see edgeIsCurrent) or none. The diagram marks a whole column with one class, so a step at
 * layer granularity does not redraw each edge.
 */
export type ColumnCurrent = 'all' | 'weights' | 'some' | 'none';

export function columnCurrent(step: PassStep, layer: number): ColumnCurrent {
  const forwardOrGradients =
    (step.kind === 'forward' || step.kind === 'gradients') && step.layer === layer;
  const backward = step.kind === 'hiddenDelta' && step.layer + 1 === layer;
  if (!forwardOrGradients && !backward) return 'none';
  if ('unit' in step && step.unit !== undefined) return 'some';
  return forwardOrGradients ? 'all' : 'weights';
}

/** Does the current step use b_j of layer `layer` (forward) or compute ∂L/∂b_j (gradients)? */
export function biasIsCurrent(step: PassStep, layer: number, unit: number): boolean {
  return (
    (step.kind === 'forward' || step.kind === 'gradients') &&
    step.layer === layer &&
    forUnit(step, unit)
  );
}

/**
 * A unit's part in the current step:
 * - 'computing-forward' / 'computing-delta': its z and a, or its δ, are being computed;
 * - 'source-a' / 'source-delta': its a, or its δ, feeds what is being computed;
 * - '' otherwise.
 */
export type UnitFocus = '' | 'computing-forward' | 'computing-delta' | 'source-a' | 'source-delta';

export function unitFocus(
  step: PassStep,
  layer: number,
  unit: number,
  lastLayer: number,
): UnitFocus {
  switch (step.kind) {
    case 'forward':
      if (step.layer === layer && forUnit(step, unit)) return 'computing-forward';
      return step.layer - 1 === layer ? 'source-a' : '';
    case 'loss':
      return layer === lastLayer ? 'source-a' : '';
    case 'outputDelta':
    case 'hiddenDelta':
      if (step.layer === layer && forUnit(step, unit)) return 'computing-delta';
      return step.kind === 'hiddenDelta' && step.layer + 1 === layer ? 'source-delta' : '';
    case 'gradients':
      if (step.layer === layer && forUnit(step, unit)) return 'source-delta';
      return step.layer - 1 === layer ? 'source-a' : '';
    default:
      return '';
  }
}

/** Steps that are about a few edges and units: the rest of the network is dimmed. */
export function stepDimsOthers(step: PassStep): boolean {
  return step.kind !== 'start' && step.kind !== 'update';
}

/**
 * The columns (layers) the step reads and writes, for the view to follow through a network wider
 * than the screen: l − 1 and l on the forward pass and for gradients, l and l + 1 for a hidden δ,
 * the output for the loss and its δ; none at the start and the update.
 */
export function stepColumns(step: PassStep, lastLayer: number): number[] {
  switch (step.kind) {
    case 'forward':
    case 'gradients':
      return [step.layer - 1, step.layer];
    case 'hiddenDelta':
      return [step.layer, step.layer + 1];
    case 'outputDelta':
      return [step.layer];
    case 'loss':
      return [lastLayer];
    default:
      return [];
  }
}
