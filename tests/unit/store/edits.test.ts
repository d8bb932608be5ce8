/**
 * The store's edits as pure functions (state, args) → proposal | reason, and the one gate every
 * proposal passes, tested without a store.
 */
import { describe, expect, it } from 'vitest';
import { lossOf, type Network } from '../../../src/engine';
import * as edits from '../../../src/store/edits';
import { findExample } from '../../../src/store/examples';
import { admit } from '../../../src/store/gate';
import { selectUpdate, type LearnerState } from '../../../src/store';

function example(id: string): LearnerState {
  const found = findExample(id);
  if (!found) throw new Error(id);
  return edits.stateFromExample(found);
}

/** A state deep-frozen, so an edit that mutated it would throw. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    Object.values(value).forEach(frozen);
    Object.freeze(value);
  }
  return value;
}

const classic = () => frozen(structuredClone(example('classic-2-2-2')));

describe('edits propose; they never change the state they are given', () => {
  it('setParameter: one weight, bias, input or target; everything else the same objects', () => {
    const state = classic();
    const weight = edits.setParameter(state, { kind: 'weight', layer: 2, from: 1, to: 0 }, 0.9);
    if (typeof weight === 'string') throw new Error(weight);
    expect(weight.network?.layers[1]?.weights).toEqual([
      [0.4, 0.5],
      [0.9, 0.55],
    ]);
    expect(weight.network?.layers[0]).toBe(state.network.layers[0]);
    expect(weight.network?.layers[1]?.weights[0]).toBe(state.network.layers[1]?.weights[0]);
    expect(weight.samples).toBe(state.samples);

    const bias = edits.setParameter(state, { kind: 'bias', layer: 1, unit: 1 }, -0.25);
    expect(typeof bias !== 'string' && bias.network?.layers[0]?.biases).toEqual([0.35, -0.25]);

    const input = edits.setParameter(state, { kind: 'input', sample: 0, index: 1 }, 0.2);
    const target = edits.setParameter(state, { kind: 'target', sample: 0, index: 0 }, 0.5);
    expect(typeof input !== 'string' && input.samples).toEqual([
      { x: [0.05, 0.2], y: [0.01, 0.99] },
    ]);
    expect(typeof target !== 'string' && target.samples).toEqual([
      { x: [0.05, 0.1], y: [0.5, 0.99] },
    ]);
    expect(typeof input !== 'string' && input.network).toBe(state.network);
  });

  it('setParameter refuses with the reason', () => {
    const state = classic();
    const w = { kind: 'weight', layer: 1, from: 0, to: 0 } as const;
    expect(edits.setParameter(state, w, Number.NaN)).toBe('Must be a finite number.');
    expect(edits.setParameter(state, w, 2e3)).toBe('Must be between -1000 and 1000.');
    expect(edits.setParameter(state, { ...w, layer: 7 }, 1)).toBe('There is no layer 7.');
  });

  it('setLearningRate and setTrainBiases: the new value, nothing when unchanged, or why not', () => {
    const state = classic();
    expect(edits.setLearningRate(state, 0.1)).toEqual({ learningRate: 0.1 });
    expect(edits.setLearningRate(state, 0.5)).toEqual({});
    expect(edits.setLearningRate(state, -1)).toBe('Must be between 0 and 10.');
    expect(state.trainBiases).toBe(false);
    expect(edits.setTrainBiases(state, true)).toEqual({ trainBiases: true });
    expect(edits.setTrainBiases(state, false)).toEqual({});
    expect(edits.setTrainBiases(state, 'yes' as unknown as boolean)).toMatch(/on or off/);
  });

  it('setActivation and setLoss: the network with the new choice, or why not', () => {
    const state = classic();
    const tanh = edits.setActivation(state, 1, 'tanh');
    expect(typeof tanh !== 'string' && tanh.network?.layers.map((l) => l.activation)).toEqual([
      'tanh',
      'sigmoid',
    ]);
    expect(edits.setActivation(state, 3, 'tanh')).toBe('There is no layer 3.');
    expect(edits.setActivation(state, 1, 'gelu' as never)).toBe('Unknown activation "gelu".');
    const mse = edits.setLoss(state, 'mse');
    expect(typeof mse !== 'string' && mse.network?.loss).toBe('mse');
    expect(edits.setLoss(state, 'hinge' as never)).toBe('Unknown loss "hinge".');
  });

  it('setUnits keeps the weights that fit and sizes the samples; the seed makes it repeatable', () => {
    const state = classic();
    const wider = edits.setUnits(state, 1, 3, 7);
    if (typeof wider === 'string') throw new Error(wider);
    expect(wider.network?.layers[0]?.weights.map((row) => row.slice(0, 2))).toEqual([
      [0.15, 0.25],
      [0.2, 0.3],
    ]);
    expect(wider.network?.layers[1]?.weights.slice(0, 2)).toEqual([
      [0.4, 0.5],
      [0.45, 0.55],
    ]);
    expect(wider.network?.layers[1]?.weights).toHaveLength(3);
    expect(edits.setUnits(state, 1, 3, 7)).toEqual(wider);
    expect(edits.setUnits(state, 1, 3, 8)).not.toEqual(wider);

    const inputs = edits.setUnits(state, 0, 3, 1);
    expect(typeof inputs !== 'string' && inputs.samples).toEqual([
      { x: [0.05, 0.1, 0], y: [0.01, 0.99] },
    ]);
    const outputs = edits.setUnits(state, 2, 1, 1);
    expect(typeof outputs !== 'string' && outputs.samples).toEqual([{ x: [0.05, 0.1], y: [0.01] }]);
    expect(edits.setUnits(state, 1, 17, 1)).toBe('A hidden layer has 1 to 16 units.');
    expect(edits.setUnits(state, 0, 0, 1)).toBe('A input layer has 1 to 8 units.');
    expect(edits.setUnits(state, 3, 1, 1)).toBe('There is no layer 3.');
  });

  it('addHiddenLayer and removeHiddenLayer', () => {
    const state = classic();
    const deeper = edits.addHiddenLayer(state, 2, 3);
    if (typeof deeper === 'string') throw new Error(deeper);
    expect(deeper.network?.layers.map((l) => [l.activation, l.biases.length])).toEqual([
      ['sigmoid', 2],
      ['sigmoid', 2],
      ['sigmoid', 2],
    ]);
    expect(deeper.network?.layers[0]).toEqual(state.network.layers[0]);
    expect(deeper.network?.layers[2]?.biases).toEqual([0.6, 0.6]);
    expect(edits.addHiddenLayer(state, 3, 3)).toBe('There is no layer 3.');
    const back = edits.removeHiddenLayer({ ...state, network: deeper.network as Network }, 2, 3);
    expect(typeof back !== 'string' && back.network?.layers).toHaveLength(2);
    expect(edits.removeHiddenLayer(state, 2, 3)).toBe('Layer 2 is not a hidden layer.');
  });

  it('addSample copies the shown sample and shows the copy; removeSample keeps one', () => {
    const state = classic();
    const two = edits.addSample(state);
    if (typeof two === 'string') throw new Error(two);
    expect(two.samples).toEqual([state.samples[0], state.samples[0]]);
    expect(two.samples?.[1]).not.toBe(state.samples[0]);
    expect(two.sampleIndex).toBe(1);
    const withTwo = { ...state, samples: two.samples ?? [], sampleIndex: 1 };
    expect(edits.removeSample(withTwo, 0)).toEqual({
      network: state.network,
      samples: [state.samples[0]],
      sampleIndex: 0,
    });
    expect(edits.removeSample(state, 0)).toBe('A batch needs at least one sample.');
    expect(edits.removeSample(withTwo, 2)).toBe('There is no sample 3.');
  });

  it('loadExample brings the example with its own "Train biases"; setNetwork starts a pass', () => {
    const state = classic();
    const xor = edits.loadExample(state, 'xor-2-2-1');
    expect(xor).toMatchObject({ exampleId: 'xor-2-2-1', trainBiases: true, stepIndex: 0 });
    expect(edits.loadExample(state, 'note-004')).toMatchObject({ trainBiases: false });
    expect(edits.loadExample(state, 'nope')).toBe('There is no example "nope".');
    const handed = edits.setNetwork(state, state.network);
    expect(handed).toMatchObject({ exampleId: null, stepIndex: 0, history: [] });
    expect(edits.setNetwork(state, state.network, new Array(33).fill(state.samples[0]))).toBe(
      'At most 32 samples in a batch.',
    );
  });
});

describe('the one gate', () => {
  it('lets choices without a network or batch through as they are', () => {
    const state = classic();
    expect(admit(state, { learningRate: 0.1 })).toEqual({ learningRate: 0.1 });
  });

  it('refuses what the engine refuses, with its reason', () => {
    const state = classic();
    const relu = edits.setActivation(state, 2, 'relu');
    if (typeof relu === 'string') throw new Error(relu);
    const bce = { ...state, network: { ...state.network, loss: 'binaryCrossEntropy' as const } };
    expect(
      admit(bce, { network: { ...(relu.network as Network), loss: 'binaryCrossEntropy' } }),
    ).toMatch(/sigmoid/);
    const target = { ...state, samples: [{ x: [0.05, 0.1], y: [2, 0.99] }] };
    const ce = edits.setLoss(target, 'crossEntropy');
    if (typeof ce === 'string') throw new Error(ce);
    expect(admit(target, ce)).toMatch(/\[0, 1\]/);
  });

  it('reads the layers a network changed, and names a number in them beyond what saves hold', () => {
    const state = classic();
    const { layers } = state.network;
    const wide = (n: number) => layers.map((l, i) => (i === 1 ? { ...l, biases: [0.6, n] } : l));
    // Layer 1 is the work's own (the same object): only layer 2 is new.
    expect(admit(state, { network: { ...state.network, layers: wide(2e6) } })).toBe(
      'Bias b₂⁽²⁾ would be 2e6, beyond ±1,000,000, the largest number Backstep can save.',
    );
    const next = admit(state, { network: { ...state.network, layers: wide(0.5) } });
    if (typeof next === 'string') throw new Error(next);
    expect(next.network?.layers[0]).toBe(layers[0]);
    // A layer of its own everywhere: every number is read.
    const copied = layers.map((l, i) => (i === 0 ? structuredClone(l) : wide(2e6)[i]!));
    expect(admit(state, { network: { ...state.network, layers: copied } })).toMatch(/^Bias b₂⁽²⁾ would be 2e6/);
  });

  it('a new shape starts the pass again as the learner’s own network, which trains its biases', () => {
    const state = { ...classic(), stepIndex: 5, selection: { kind: 'unit', layer: 1, unit: 0 } };
    const wider = edits.setUnits(state as LearnerState, 1, 3, 7);
    if (typeof wider === 'string') throw new Error(wider);
    expect(admit(state as LearnerState, wider)).toMatchObject({
      stepIndex: 0,
      selection: null,
      history: [],
      exampleId: null,
      trainBiases: true,
    });
    // The same numbers in the same shape: still the example, still frozen.
    const weight = edits.setParameter(
      state as LearnerState,
      { kind: 'bias', layer: 1, unit: 0 },
      1,
    );
    if (typeof weight === 'string') throw new Error(weight);
    const next = admit(state as LearnerState, weight);
    expect(next).not.toHaveProperty('exampleId');
    expect(next).not.toHaveProperty('trainBiases');
    expect(next).toMatchObject({ sampleIndex: 0 });
  });
});

describe('"Train biases" in the update the stepper shows', () => {
  it('classic 2-2-2: 0.291027774 with the weights only, 0.280471447 with the biases too', () => {
    const state = example('classic-2-2-2');
    const weightsOnly = selectUpdate(state);
    expect(weightsOnly.loss).toBeCloseTo(0.291027774, 9);
    expect(weightsOnly.network.layers.map((l) => l.biases)).toEqual([
      [0.35, 0.35],
      [0.6, 0.6],
    ]);
    const all = selectUpdate({ ...state, trainBiases: true });
    expect(all.loss).toBeCloseTo(0.280471447, 9);
    // b₁ of the output layer: 0.6 − 0.5 · δ_o1 = 0.6 − 0.5 · 0.138498562
    expect(all.network.layers[1]?.biases[0]).toBeCloseTo(0.530750719, 9);
  });

  it('note 004: the loss goes 0.128574 → 0.113411 and the biases stay 0 (0.097144 when trained)', () => {
    const state = example('note-004');
    const update = selectUpdate(state);
    expect(update.loss).toBeCloseTo(0.113410833, 9);
    expect(lossOf(update.network, state.samples)).toBe(update.loss);
    expect(update.network.layers.map((l) => l.biases)).toEqual([[0, 0, 0], [0, 0], [0]]);
    const all = selectUpdate({ ...state, trainBiases: true });
    expect(all.network.layers[2]?.biases[0]).toBeCloseTo(0.126748957, 9);
    expect(all.loss).toBeCloseTo(0.097143741, 9);
  });
});
