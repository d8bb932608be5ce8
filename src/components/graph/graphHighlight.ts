import type { GraphNode, PassStep } from '../../engine';

/**
 * Does the current step compute this node's number: its value on the forward pass and the loss,
 * ∂L/∂node on the backward pass (a δ step: the unit's z, a and the products into it; a gradient
 * step: its weights and bias), the new value on the update? Layers as in the notes.
 */
export function nodeIsCurrent(node: GraphNode, step: PassStep, lastLayer: number): boolean {
  const forUnit = (s: { unit?: number }) => s.unit === undefined || s.unit === node.unit;
  const lossNode =
    node.kind === 'lossTerm' ||
    node.kind === 'sampleLoss' ||
    node.kind === 'otherSamples' ||
    node.kind === 'batchMean';
  const unitPart =
    node.kind === 'product' ||
    node.kind === 'sum' ||
    node.kind === 'addBias' ||
    node.kind === 'activation' ||
    node.kind === 'unit';
  switch (step.kind) {
    case 'forward':
      return unitPart && node.layer === step.layer && forUnit(step);
    case 'loss':
      return lossNode;
    case 'outputDelta':
      if (lossNode || node.kind === 'target')
        return node.kind === 'lossTerm' || node.kind === 'target' ? forUnit(step) : true;
      return unitPart && node.layer === lastLayer && forUnit(step);
    case 'hiddenDelta':
      return unitPart && node.layer === step.layer && forUnit(step);
    case 'gradients':
      return (
        (node.kind === 'weight' || node.kind === 'bias') &&
        node.layer === step.layer &&
        forUnit(step)
      );
    case 'update':
      return node.kind === 'weight' || node.kind === 'bias';
    case 'start':
      return false;
  }
}
