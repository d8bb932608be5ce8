import { describe, expect, it } from 'vitest';
import {
  createAppStore,
  selectProgress,
  selectSnapshot,
  selectStep,
  selectSteps,
  selectUpdate,
} from '../../../src/store';

const sigma = (z: number) => 1 / (1 + Math.exp(-z));

describe('stepping through a pass', () => {
  it('starts at the start of a pass of the classic 2-2-2 example', () => {
    const store = createAppStore();
    const s = store.getState();
    expect(s.exampleId).toBe('classic-2-2-2');
    expect(s.stepIndex).toBe(0);
    expect(selectSteps(s).map((step) => step.kind)).toEqual([
      'start',
      'forward',
      'forward',
      'loss',
      'outputDelta',
      'hiddenDelta',
      'gradients',
      'gradients',
      'update',
    ]);
    expect(selectProgress(s).forwardUnits).toEqual([0, 0]);
  });

  it('reveals the pass step by step and applies the update past the last step', () => {
    const store = createAppStore();
    store.getState().stepForward();
    expect(selectProgress(store.getState()).forwardUnits).toEqual([2, 0]);
    store.getState().goToEnd();
    const atUpdate = store.getState();
    expect(selectStep(atUpdate).kind).toBe('update');
    expect(selectSnapshot(atUpdate).loss).toBeCloseTo(0.298371109, 9);
    expect(selectUpdate(atUpdate).network.layers[1]?.weights[0]?.[0]).toBeCloseTo(0.35891648, 8);
    // Like the tutorial, the example updates the weights only.
    expect(atUpdate.trainBiases).toBe(false);
    expect(selectUpdate(atUpdate).loss).toBeCloseTo(0.291027774, 9);
    expect(store.getState().setTrainBiases(true)).toBeNull();
    expect(selectUpdate(store.getState()).loss).toBeCloseTo(0.28047144679, 10);

    store.getState().stepForward();
    const next = store.getState();
    expect(next.stepIndex).toBe(0);
    expect(next.history).toHaveLength(1);
    expect(next.network.layers[0]?.weights[0]?.[0]).toBeCloseTo(0.149780716, 9);
    expect(selectSnapshot(next).loss).toBeCloseTo(0.28047144679, 10);
  });

  it('stepping back from a new pass undoes the update', () => {
    const store = createAppStore();
    const original = store.getState().network;
    store.getState().goToEnd();
    store.getState().stepForward();
    store.getState().stepBack();
    const s = store.getState();
    expect(s.network).toBe(original);
    expect(selectStep(s).kind).toBe('update');
    expect(s.history).toHaveLength(0);
    store.getState().resetPass();
    expect(store.getState().stepIndex).toBe(0);
    store.getState().stepBack();
    expect(store.getState().network).toBe(original);
  });

  it('keeps the place in the pass when switching between layer and unit steps', () => {
    const store = createAppStore();
    store.getState().goToStep(5); // hidden δ, layer 1
    store.getState().setGranularity('unit');
    const s = store.getState();
    expect(selectStep(s)).toEqual({ kind: 'hiddenDelta', layer: 1, unit: 1 });
    expect(selectProgress(s).deltaUnits).toEqual([2, 2]);
    store.getState().setGranularity('layer');
    expect(selectStep(store.getState())).toEqual({ kind: 'hiddenDelta', layer: 1 });
  });

  it('memoizes the snapshot: a selection does not recompute the pass', () => {
    const store = createAppStore();
    const before = selectSnapshot(store.getState());
    store.getState().select({ kind: 'weight', layer: 2, from: 0, to: 0 });
    expect(selectSnapshot(store.getState())).toBe(before);
  });
});

describe('editing numbers', () => {
  it('a weight edit changes every downstream number at the current step', () => {
    const store = createAppStore();
    store.getState().goToStep(6);
    const before = selectSnapshot(store.getState());
    expect(
      store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.5),
    ).toBeNull();
    const s = store.getState();
    expect(s.stepIndex).toBe(6);
    expect(s.network.layers[0]?.weights[0]?.[0]).toBe(0.5);
    const after = selectSnapshot(s);
    const z = 0.5 * 0.05 + 0.2 * 0.1 + 0.35;
    expect(after.samples[0]?.layers[0]?.z[0]).toBeCloseTo(z, 15);
    expect(after.samples[0]?.layers[0]?.a[0]).toBeCloseTo(sigma(z), 15);
    expect(after.grads[1]?.dW[0]?.[0]).not.toBeCloseTo(before.grads[1]?.dW[0]?.[0] as number, 6);
  });

  it('refuses non-finite or out-of-range values and keeps the work', () => {
    const store = createAppStore();
    const network = store.getState().network;
    for (const bad of [Number.NaN, Infinity, -Infinity, 1e9]) {
      expect(store.getState().setParameter({ kind: 'bias', layer: 2, unit: 0 }, bad)).toMatch(
        /finite|between/,
      );
    }
    expect(store.getState().setParameter({ kind: 'weight', layer: 7, from: 0, to: 0 }, 1)).toMatch(
      /no layer 7/,
    );
    expect(store.getState().network).toBe(network);
  });

  it('edits inputs and targets of the shown sample', () => {
    const store = createAppStore();
    expect(store.getState().setParameter({ kind: 'input', sample: 0, index: 1 }, 0.2)).toBeNull();
    expect(store.getState().setParameter({ kind: 'target', sample: 0, index: 0 }, 0.5)).toBeNull();
    expect(store.getState().samples[0]).toEqual({ x: [0.05, 0.2], y: [0.5, 0.99] });
  });

  it('rejects a learning rate out of range', () => {
    const store = createAppStore();
    expect(store.getState().setLearningRate(-1)).toMatch(/between 0 and 10/);
    expect(store.getState().setLearningRate(0.1)).toBeNull();
    expect(store.getState().learningRate).toBe(0.1);
  });
});

describe('editing the architecture', () => {
  it('explains why binary cross-entropy needs a sigmoid output', () => {
    const store = createAppStore();
    expect(store.getState().setLoss('binaryCrossEntropy')).toBeNull();
    const message = store.getState().setActivation(2, 'relu');
    expect(message).toMatch(/sigmoid/);
    expect(store.getState().network.layers[1]?.activation).toBe('sigmoid');
  });

  it('refuses cross-entropy when a target is outside [0, 1]', () => {
    const store = createAppStore();
    store.getState().setParameter({ kind: 'target', sample: 0, index: 0 }, 2);
    expect(store.getState().setLoss('crossEntropy')).toMatch(/\[0, 1\]/);
    expect(store.getState().network.loss).toBe('halfSse');
  });

  it('keeps the example while only its numbers are edited', () => {
    const store = createAppStore();
    store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.7);
    expect(store.getState().exampleId).toBe('classic-2-2-2');
  });

  it('keeps the weights that still fit when a layer grows or shrinks', () => {
    const store = createAppStore();
    expect(store.getState().setUnits(1, 3)).toBeNull();
    const grown = store.getState().network;
    expect(grown.layers[0]?.weights).toHaveLength(2);
    expect(grown.layers[0]?.weights[0]?.slice(0, 2)).toEqual([0.15, 0.25]);
    expect(grown.layers[0]?.weights[0]).toHaveLength(3);
    expect(grown.layers[1]?.weights).toHaveLength(3);
    expect(grown.layers[1]?.weights[1]).toEqual([0.45, 0.55]);
    expect(store.getState().stepIndex).toBe(0);
    // No longer the example: its title and notes would describe another network.
    expect(store.getState().exampleId).toBeNull();

    expect(store.getState().setUnits(0, 3)).toBeNull();
    expect(store.getState().samples[0]?.x).toEqual([0.05, 0.1, 0]);
    expect(store.getState().setUnits(2, 1)).toBeNull();
    expect(store.getState().samples[0]?.y).toEqual([0.01]);
    expect(store.getState().setUnits(1, 17)).toMatch(/1 to 16/);
    expect(store.getState().setUnits(0, 0)).toMatch(/1 to 8/);
  });

  it('adds and removes hidden layers within the limits', () => {
    const store = createAppStore();
    expect(store.getState().addHiddenLayer(2)).toBeNull();
    const s = store.getState();
    expect(s.network.layers).toHaveLength(3);
    expect(s.network.layers[0]?.weights[0]).toEqual([0.15, 0.25]);
    expect(s.network.layers[2]?.biases).toEqual([0.6, 0.6]);
    expect(store.getState().removeHiddenLayer(3)).toMatch(/not a hidden layer/);
    expect(store.getState().removeHiddenLayer(2)).toBeNull();
    expect(store.getState().network.layers).toHaveLength(2);
    for (let i = 0; i < 7; i++) expect(store.getState().addHiddenLayer(1)).toBeNull();
    expect(store.getState().addHiddenLayer(1)).toMatch(/At most 8 hidden layers/);
  });

  it('manages the batch', () => {
    const store = createAppStore();
    expect(store.getState().removeSample(0)).toMatch(/at least one/);
    expect(store.getState().addSample()).toBeNull();
    expect(store.getState().samples).toHaveLength(2);
    expect(store.getState().sampleIndex).toBe(1);
    expect(store.getState().removeSample(1)).toBeNull();
    expect(store.getState().sampleIndex).toBe(0);
  });
});

describe('worked examples', () => {
  it("note 004's example reproduces f(W₁x₀) = [σ(2), σ(0), σ(2)]", () => {
    const store = createAppStore();
    expect(store.getState().loadExample('note-004')).toBeNull();
    const layer1 = selectSnapshot(store.getState()).samples[0]?.layers[0];
    expect(Array.from(layer1?.a ?? [])).toEqual([sigma(2), 0.5, sigma(2)]);
    expect(store.getState().notation).toBe('rowVector');
  });

  it('every example loads at the start of a pass and runs', () => {
    const store = createAppStore();
    for (const id of ['chain-1-1-1-1', 'xor-2-2-1', 'softmax-classifier', 'classic-2-2-2']) {
      store.getState().goToEnd();
      expect(store.getState().loadExample(id)).toBeNull();
      expect(store.getState().stepIndex).toBe(0);
      expect(Number.isFinite(selectSnapshot(store.getState()).loss)).toBe(true);
    }
    expect(store.getState().loadExample('nope')).toMatch(/no example/);
  });
});

describe('undo and the selection', () => {
  it('keeps the selected weight when undo brings back a network that has it', () => {
    const store = createAppStore();
    const weight = { kind: 'weight', layer: 2, from: 0, to: 0 } as const;
    store.getState().select(weight);
    expect(store.getState().setParameter(weight, 0.9)).toBeNull();
    store.getState().undo();
    expect(store.getState().network.layers[1]?.weights[0]?.[0]).toBe(0.4);
    expect(store.getState().selection).toEqual(weight);
  });

  it('drops a selection the restored network does not have', () => {
    const store = createAppStore();
    expect(store.getState().setUnits(1, 3)).toBeNull();
    const unit = { kind: 'unit', layer: 1, unit: 2 } as const;
    store.getState().select(unit);
    store.getState().undo(); // back to 2 hidden units: unit 3 is gone
    expect(store.getState().network.layers[0]?.biases).toHaveLength(2);
    expect(store.getState().selection).toBeNull();
  });
});

describe('"Train biases"', () => {
  it('the classic example steps the weights only; the tick is undoable', () => {
    const store = createAppStore();
    store.getState().goToEnd();
    store.getState().stepForward();
    const next = store.getState();
    expect(next.network.layers.map((l) => l.biases)).toEqual([
      [0.35, 0.35],
      [0.6, 0.6],
    ]);
    expect(selectSnapshot(next).loss).toBeCloseTo(0.291027774, 9);
    // The bias gradients are still there to see.
    expect(selectSnapshot(next).grads[1]?.db[0]).not.toBe(0);

    expect(store.getState().setTrainBiases(true)).toBeNull();
    expect(store.getState().setTrainBiases(true)).toBeNull();
    expect(store.getState().past).toHaveLength(1);
    store.getState().undo();
    expect(store.getState().trainBiases).toBe(false);
    store.getState().redo();
    expect(store.getState().trainBiases).toBe(true);
  });

  it('is on for the learner’s own network: leaving an example by a new shape ticks it', () => {
    const store = createAppStore();
    expect(store.getState().loadExample('note-004')).toBeNull();
    expect(store.getState().trainBiases).toBe(false);
    expect(
      store.getState().setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 2),
    ).toBeNull();
    expect(store.getState().trainBiases).toBe(false);
    expect(store.getState().setUnits(1, 2)).toBeNull();
    expect(store.getState().exampleId).toBeNull();
    expect(store.getState().trainBiases).toBe(true);
    // Once it is the learner's own, their choice stays through later shape changes.
    expect(store.getState().setTrainBiases(false)).toBeNull();
    expect(store.getState().addHiddenLayer(1)).toBeNull();
    expect(store.getState().trainBiases).toBe(false);
    expect(createAppStore({ trainBiases: true }).getState().trainBiases).toBe(true);
  });
});
