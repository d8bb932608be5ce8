import {
  FULL_GRAPH_NODES,
  fullGraphSize,
  graphShape,
  graphValues,
  nodeKey,
  unitNodeKey,
  type GraphNode,
  type GraphShape,
  type GraphValues,
  type Network,
  type PassSnapshot,
  type Progress,
} from '../engine';
import type { Selection } from '../math/vocabulary';
import { layerSizes } from './shape';
import { selectShownPass } from './shown';
import type { LearnerState } from './types';

/**
 * The computation graph of the shown sample's pass (engine/graph.ts), as the views draw it: its
 * shape memoized on the network's shape and the units drawn whole (never rebuilt by an edit), its
 * numbers on the pass as shown (predict first's hidden values stay hidden), and which of them the
 * pass has reached at the current step.
 */

/** Is every unit drawn whole (a small network), or each collapsed until the learner expands it? */
export function graphIsWhole(network: Network, samples: number): boolean {
  return fullGraphSize(layerSizes(network), samples) <= FULL_GRAPH_NODES;
}

/** The key of an expanded unit in the view's set: '2:0' is unit 1 of layer 2. */
export const unitKey = (layer: number, unit: number): string => `${layer}:${unit}`;

/** The unit whose parts a selection is (a weight or bias is inside its unit's node until expanded). */
export function selectionUnit(selection: Selection | null): string | null {
  if (!selection) return null;
  if (selection.kind === 'weight') return unitKey(selection.layer, selection.to);
  if (selection.kind === 'bias') return unitKey(selection.layer, selection.unit);
  return null;
}

const shapes = new Map<string, GraphShape>();

/**
 * The graph's shape for this network's shape and batch size: whole when it is small, else with
 * only the `expanded` units (unitKey) drawn whole. The same object for the same shape.
 */
export function graphShapeFor(
  network: Network,
  samples: number,
  expanded: ReadonlySet<string>,
): GraphShape {
  const sizes = layerSizes(network);
  const softmax = network.layers.map((l) => l.activation === 'softmax');
  const whole = graphIsWhole(network, samples);
  const open = whole ? '*' : [...expanded].sort().join(',');
  const key = `${sizes.join('-')}|${softmax.map(Number).join('')}|${samples > 1}|${open}`;
  let shape = shapes.get(key);
  if (!shape) {
    if (shapes.size > 64) shapes.clear();
    shape = graphShape({
      sizes,
      softmax,
      samples,
      expanded: (layer, unit) => whole || expanded.has(unitKey(layer, unit)),
    });
    shapes.set(key, shape);
  }
  return shape;
}

const valuesCache = new WeakMap<GraphShape, WeakMap<PassSnapshot, Map<number, GraphValues>>>();

/** The numbers on the graph: the shown sample's pass as the views show it. */
export function selectGraphValues(s: LearnerState, shape: GraphShape): GraphValues {
  const { snapshot } = selectShownPass(s);
  let bySnapshot = valuesCache.get(shape);
  if (!bySnapshot) valuesCache.set(shape, (bySnapshot = new WeakMap()));
  let bySample = bySnapshot.get(snapshot);
  if (!bySample) bySnapshot.set(snapshot, (bySample = new Map()));
  let values = bySample.get(s.sampleIndex);
  if (!values) {
    values = graphValues(shape, {
      network: s.network,
      samples: s.samples,
      snapshot,
      sampleIndex: s.sampleIndex,
    });
    bySample.set(s.sampleIndex, values);
  }
  return values;
}

/** Which of a node's numbers the pass has reached: its value on the forward pass, ∂L/∂node on the backward. */
export interface NodeReached {
  value: boolean;
  grad: boolean;
}

function reached(node: GraphNode, progress: Progress, shape: GraphShape): NodeReached {
  const L = shape.sizes.length - 1;
  const { layer: l, unit: j } = node;
  const forward = (layer: number, unit: number) => (progress.forwardUnits[layer - 1] ?? 0) > unit;
  const delta = (layer: number, unit: number) => (progress.deltaUnits[layer - 1] ?? 0) > unit;
  switch (node.kind) {
    case 'input':
      // Nothing of the stepper computes ∂L/∂x: it is there once every δ of layer 1 is.
      return { value: true, grad: delta(1, (shape.sizes[1] as number) - 1) };
    case 'weight':
    case 'bias':
      return { value: true, grad: (progress.gradientUnits[l - 1] ?? 0) > j };
    case 'target':
      return { value: true, grad: delta(L, j) };
    case 'product':
    case 'sum':
    case 'addBias':
    case 'activation':
    case 'unit':
      return { value: forward(l, j), grad: delta(l, j) };
    case 'lossTerm':
      return { value: progress.lossShown, grad: delta(L, j) };
    case 'sampleLoss':
    case 'otherSamples':
    case 'batchMean':
      return { value: progress.lossShown, grad: delta(L, 0) };
  }
}

const reachedCache = new WeakMap<GraphShape, WeakMap<Progress, NodeReached[]>>();

/** For each node, whether the pass has computed its value and its gradient by this step. */
export function graphReached(shape: GraphShape, progress: Progress): NodeReached[] {
  let byProgress = reachedCache.get(shape);
  if (!byProgress) reachedCache.set(shape, (byProgress = new WeakMap()));
  let list = byProgress.get(progress);
  if (!list) {
    list = shape.nodes.map((node) => reached(node, progress, shape));
    byProgress.set(progress, list);
  }
  return list;
}

/** The graph node a selection of the network view names (its key, engine nodeKey). */
export function selectionNodeKey(shape: GraphShape, selection: Selection | null): string | null {
  if (!selection) return null;
  switch (selection.kind) {
    case 'weight':
      return nodeKey('weight', selection.layer, selection.to, selection.from);
    case 'bias':
      return nodeKey('bias', selection.layer, selection.unit);
    case 'unit':
      return unitNodeKey(shape, selection.layer, selection.unit);
  }
}

/**
 * What selecting a node selects in the network view: a weight, a bias, or the unit a node computes
 * (its products, sum, z and a are the unit's); nothing for the targets and the loss.
 */
export function nodeSelection(node: GraphNode): Selection | null {
  switch (node.kind) {
    case 'weight':
      return { kind: 'weight', layer: node.layer, from: node.from, to: node.unit };
    case 'bias':
      return { kind: 'bias', layer: node.layer, unit: node.unit };
    case 'input':
      return { kind: 'unit', layer: 0, unit: node.unit };
    case 'product':
    case 'sum':
    case 'addBias':
    case 'activation':
    case 'unit':
      return { kind: 'unit', layer: node.layer, unit: node.unit };
    default:
      return null;
  }
}
