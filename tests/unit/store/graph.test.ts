/**
 * The computation graph as the views read it from the store: its numbers are the shown pass's for
 * every worked example, sample and notation; it reveals what the pass has reached and nothing the
 * learner is asked to predict; a selection maps to a node and back.
 */
import { describe, expect, it } from 'vitest';
import { nodeIndex, nodeKey, runPass, type GraphShape } from '../../../src/engine';
import { graphNodeLabel, gateSentence } from '../../../src/math/graph';
import { NOTATION_IDS, notationFor } from '../../../src/math/notations';
import {
  createAppStore,
  EXAMPLES,
  graphIsWhole,
  graphReached,
  graphShapeFor,
  nodeSelection,
  selectGraphValues,
  selectionNodeKey,
  selectPassProgress,
  stateFromExample,
  type AppStore,
} from '../../../src/store';
import { graphLayout } from '../../../src/layout/graphLayout';

const none: ReadonlySet<string> = new Set();

function shapeIn(store: AppStore, expanded = none): GraphShape {
  const s = store.getState();
  return graphShapeFor(s.network, s.samples.length, expanded);
}

describe('the graph of every worked example, in every notation', () => {
  for (const example of EXAMPLES) {
    for (const notation of NOTATION_IDS) {
      it(`${example.id}, ${notation}: the snapshot's numbers on every node`, () => {
        const store = createAppStore(stateFromExample(example));
        store.getState().setNotation(notation);
        store.getState().goToEnd();
        const { network, samples } = store.getState();
        const snapshot = runPass(network, samples);
        const shape = shapeIn(store);
        expect(graphIsWhole(network, samples.length)).toBe(true);
        const m = samples.length;
        samples.forEach((_, sampleIndex) => {
          store.getState().setSampleIndex(sampleIndex);
          const values = selectGraphValues(store.getState(), shape);
          const layers = snapshot.samples[sampleIndex]?.layers ?? [];
          shape.nodes.forEach((node, k) => {
            const { layer: l, unit: j, from: i } = node;
            if (node.kind === 'weight')
              expect(values.grad[k]).toBe(snapshot.grads[l - 1]?.dW[i]?.[j]);
            if (node.kind === 'bias') expect(values.grad[k]).toBe(snapshot.grads[l - 1]?.db[j]);
            if (node.kind === 'addBias') {
              expect(values.value[k]).toBe(layers[l - 1]?.z[j]);
              expect(values.grad[k]).toBe((layers[l - 1]?.delta[j] as number) / m);
            }
            if (node.kind === 'activation') expect(values.value[k]).toBe(layers[l - 1]?.a[j]);
          });
          expect(values.value[shape.root]).toBe(snapshot.loss);
          // Every node has a name in this notation, and a gate to say when selected.
          const notationOf = notationFor(notation, network);
          const wording = { network, notation: notationOf, samples: m, sampleIndex };
          shape.nodes.forEach((node, k) => {
            const label = graphNodeLabel(node, wording);
            expect(label.name || label.op).not.toBe('');
            if (node.kind === 'weight')
              expect(label.name).toBe(notationOf.text.weight(node.layer, node.from, node.unit));
            const locals = node.inputs.map((e) => values.local[e] as number);
            expect(gateSentence(node, wording, values.grad[k] as number, locals, 4)).not.toMatch(
              /undefined|NaN/,
            );
          });
        });
        // Laid out once per shape, with every node inside it.
        const layout = graphLayout(shape, 4, 80);
        expect(graphLayout(shape, 4, 80)).toBe(layout);
        for (const box of layout.nodes) {
          expect(box.x + box.width).toBeLessThanOrEqual(layout.width);
          expect(box.y + box.height).toBeLessThanOrEqual(layout.height);
        }
      });
    }
  }

  it('LFD names the classic example’s nodes x, s, e, its bias w₀ⱼ', () => {
    const store = createAppStore();
    store.getState().setNotation('lfd');
    const s = store.getState();
    const shape = shapeIn(store);
    const wording = {
      network: s.network,
      notation: notationFor('lfd', s.network),
      samples: 1,
      sampleIndex: 0,
    };
    const index = nodeIndex(shape);
    const label = (key: string) => graphNodeLabel(shape.nodes[index.get(key) as number]!, wording);
    expect(label(nodeKey('addBias', 1, 0)).name).toBe('s₁⁽¹⁾');
    expect(label(nodeKey('activation', 2, 1)).op).toBe('θ');
    expect(label(nodeKey('bias', 1, 0)).name).toBe('w₀₁⁽¹⁾');
    expect(label(nodeKey('sampleLoss', 3, 0)).name).toBe('e');
    expect(label(nodeKey('sampleLoss', 3, 0)).op).toBe('½Σ');
  });
});

describe('what the graph shows at each step', () => {
  it('values on the forward pass, gradients once the backward pass reaches a node', () => {
    const store = createAppStore();
    const shape = shapeIn(store);
    const index = nodeIndex(shape);
    const at = (key: string) =>
      graphReached(shape, selectPassProgress(store.getState()))[index.get(key) as number];
    expect(at(nodeKey('weight', 1, 0, 0))).toEqual({ value: true, grad: false });
    expect(at(nodeKey('product', 1, 0, 0))).toEqual({ value: false, grad: false });
    store.getState().stepForward(); // forward, layer 1
    expect(at(nodeKey('product', 1, 0, 0))).toEqual({ value: true, grad: false });
    expect(at(nodeKey('lossTerm', 3, 0))).toEqual({ value: false, grad: false });
    store.getState().stepForward();
    store.getState().stepForward(); // the loss
    expect(at(nodeKey('lossTerm', 3, 0))).toEqual({ value: true, grad: false });
    store.getState().stepForward(); // output δ
    expect(at(nodeKey('lossTerm', 3, 0))).toEqual({ value: true, grad: true });
    expect(at(nodeKey('activation', 1, 0))).toEqual({ value: true, grad: false });
    store.getState().stepForward(); // hidden δ
    expect(at(nodeKey('activation', 1, 0))).toEqual({ value: true, grad: true });
    expect(at(nodeKey('input', 0, 0))).toEqual({ value: true, grad: true });
    expect(at(nodeKey('weight', 2, 0, 0))).toEqual({ value: true, grad: false });
    store.getState().stepForward(); // gradients, layer 2
    expect(at(nodeKey('weight', 2, 0, 0))).toEqual({ value: true, grad: true });
    expect(at(nodeKey('weight', 1, 0, 0))).toEqual({ value: true, grad: false });
  });

  it('with predict first, nothing on the graph gives away a value still to predict', () => {
    const store = createAppStore();
    store.getState().setPredict({ on: true });
    store.getState().stepForward(); // asks z₁⁽¹⁾
    const shape = shapeIn(store);
    const index = nodeIndex(shape);
    const value = (key: string) =>
      selectGraphValues(store.getState(), shape).value[index.get(key) as number];
    expect(value(nodeKey('addBias', 1, 0))).toBeNaN();
    // z − b and its products would give z away.
    expect(value(nodeKey('sum', 1, 0))).toBeNaN();
    expect(value(nodeKey('product', 1, 0, 0))).toBeNaN();
    expect(value(nodeKey('weight', 1, 0, 0))).toBe(0.15);
  });
});

describe('the selection, shared with the network view', () => {
  it('maps a weight, a bias and a unit to their nodes and back', () => {
    const store = createAppStore();
    const shape = shapeIn(store);
    const index = nodeIndex(shape);
    const selections = [
      { kind: 'weight', layer: 2, from: 1, to: 0 },
      { kind: 'bias', layer: 1, unit: 1 },
      { kind: 'unit', layer: 2, unit: 1 },
      { kind: 'unit', layer: 0, unit: 0 },
    ] as const;
    for (const selection of selections) {
      const key = selectionNodeKey(shape, selection);
      const node = shape.nodes[index.get(key ?? '') ?? -1];
      expect(node && nodeSelection(node)).toEqual(selection);
    }
    // A loss term has no counterpart in the network view.
    const term = shape.nodes[index.get(nodeKey('lossTerm', 3, 0)) as number];
    expect(term && nodeSelection(term)).toBeNull();
  });

  it('a large network collapses its units; a selected weight’s unit is drawn whole', () => {
    const store = createAppStore();
    const s = store.getState();
    const wide = {
      ...s.network,
      inputSize: 8,
      layers: [
        {
          ...s.network.layers[0]!,
          weights: Array.from({ length: 8 }, () => new Array<number>(16).fill(0.1)),
          biases: new Array<number>(16).fill(0),
        },
        {
          ...s.network.layers[1]!,
          weights: Array.from({ length: 16 }, () => [0.1, 0.2]),
        },
      ],
    };
    expect(graphIsWhole(wide, 1)).toBe(false);
    const collapsed = graphShapeFor(wide, 1, none);
    expect(collapsed.nodes.filter((n) => n.kind === 'unit')).toHaveLength(18);
    expect(selectionNodeKey(collapsed, { kind: 'unit', layer: 1, unit: 3 })).toBe(
      nodeKey('unit', 1, 3),
    );
    const opened = graphShapeFor(wide, 1, new Set(['1:3']));
    expect(opened.nodes.filter((n) => n.kind === 'product')).toHaveLength(8);
    expect(graphShapeFor(wide, 1, new Set(['1:3']))).toBe(opened);
  });
});
