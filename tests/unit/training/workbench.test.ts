import { loadRealText } from '../../../src/data/realDatasets';
import { describe, expect, it } from 'vitest';
import { createAppStore, findExample } from '../../../src/store';
import { decodeShare, encodeShare, learnerOf } from '../../../src/store/persist';
import { localClient } from '../../../src/training/client';
import {
  planTrainThis,
  stepThroughDrawing,
  stepThroughThisNetwork,
  trainThisNetwork,
} from '../../../src/training/moves';
import { drawingSample } from '../../../src/training/pictures';
import { preparedOf } from '../../../src/training/selectors';
import {
  loadTrainingChoices,
  parseTraining,
  savedTrainingOf,
  trainingToJson,
} from '../../../src/training/persist';
import { DEFAULT_TRAINING } from '../../../src/training/choices';
import { createWorkbench } from '../../../src/training/workbench';

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(text: string | null = null) {
  return createWorkbench(loadTrainingChoices(text), {
    makeClient: localClient,
    reducedMotion: () => false,
    requestFrame: () => 0,
    cancelFrame: () => {},
  });
}

const exampleNetwork = (id: string) => {
  const example = findExample(id);
  if (!example) throw new Error(id);
  return example.network;
};

describe("the Train tab's undo", () => {
  it('undoes and redoes "New seed": the seed, the weights and the run come back', async () => {
    const kit = setup();
    kit.choices.getState().setMode('train');
    await kit.controller.oneEpoch();
    const trained = kit.bench.getState().network;
    const history = kit.run.getState().history;
    expect(kit.run.getState().epoch).toBe(1);
    await kit.controller.reset(true);
    expect(kit.choices.getState().initSeed).toBe(2);
    expect(kit.run.getState().epoch).toBe(0);
    expect(kit.history.store.getState().past).toHaveLength(1);
    await kit.undo();
    await settle();
    expect(kit.choices.getState().initSeed).toBe(1);
    expect(kit.bench.getState().network).toBe(trained);
    expect(kit.run.getState().epoch).toBe(1);
    expect(kit.run.getState().history).toEqual(history);
    // Training goes on from epoch 1 where it was.
    await kit.controller.oneEpoch();
    expect(kit.run.getState().history.map((r) => r.epoch)).toEqual([0, 1, 2]);
    // Redo goes back to the new seed (training since the undo is not an edit of its own).
    await kit.redo();
    expect(kit.choices.getState().initSeed).toBe(2);
    expect(kit.run.getState().epoch).toBe(0);
  });

  it('a typed seed draws its weights, undoably; a bad one is refused with the reason', async () => {
    const kit = setup();
    const first = kit.bench.getState().network;
    await kit.controller.reset(7);
    expect(kit.choices.getState().initSeed).toBe(7);
    expect(kit.bench.getState().network).not.toEqual(first);
    expect(kit.choices.getState().setInitSeed(1.5)).toBe('A whole number, please.');
    expect(kit.choices.getState().setInitSeed(-1)).toMatch(/between 0 and/);
    await kit.undo();
    expect(kit.choices.getState().initSeed).toBe(1);
    expect(kit.bench.getState().network).toEqual(first);
  });

  it('undoes a change of data together with the network fitted to it', async () => {
    const kit = setup();
    kit.choices.getState().setMode('train');
    kit.controller.refresh();
    await settle();
    const network = kit.bench.getState().network;
    expect(kit.choices.getState().setDataset('curve')).toBeNull();
    kit.controller.refresh();
    for (let i = 0; i < 5; i++) await settle();
    expect(kit.bench.getState().network.inputSize).toBe(1);
    // One step: the data and the network fitted to it.
    expect(kit.history.store.getState().past).toHaveLength(1);
    await kit.undo();
    expect(kit.choices.getState().dataset).toBe('circle');
    expect(kit.bench.getState().network).toBe(network);
  });
});

describe('moving a network between the tabs', () => {
  it('"Train this network" brings the stepper\'s network as it is when it fits the data', async () => {
    const kit = setup();
    const stepper = createAppStore();
    stepper.getState().loadExample('xor-2-2-1');
    const before = stepper.getState();
    await trainThisNetwork(stepper, kit);
    expect(kit.bench.getState().network).toBe(before.network);
    expect(kit.bench.getState().learningRate).toBe(before.learningRate);
    expect(kit.choices.getState().mode).toBe('train');
    expect(kit.run.getState().notice).toMatch(/is here to train, as it is/);
    expect(stepper.getState()).toBe(before);
    await kit.undo();
    expect(kit.bench.getState().network).not.toBe(before.network);
  });

  it('changes the data to one the network fits, or adapts the network and says why', () => {
    const softmax = planTrainThis(exampleNetwork('softmax-classifier'), DEFAULT_TRAINING);
    expect(softmax.choices).toMatchObject({ dataset: 'threeSpirals', features: ['x1', 'x2'] });
    expect(softmax.notice).toMatch(/cannot train on Circle/);

    const classic = exampleNetwork('classic-2-2-2');
    const plan = planTrainThis(classic, DEFAULT_TRAINING);
    expect(plan.choices).toEqual({});
    expect(plan.notice).toMatch(/nor on any other dataset as it is: The network has 2 outputs/);
    expect(plan.notice).toMatch(/The weights of 1 layer of 2 are its own/);
    expect(plan.network.layers[0]).toBe(classic.layers[0]);
    expect(plan.network.layers[1]?.biases).toHaveLength(1);

    const xor = exampleNetwork('xor-2-2-1');
    const wide = planTrainThis(xor, { ...DEFAULT_TRAINING, features: ['x1', 'x2', 'x1x2'] });
    expect(wide.choices).toMatchObject({ dataset: 'circle', features: ['x1', 'x2'] });
  });
});

describe("the Train tab's work saved and linked", () => {
  it('comes back with its data, options, network, epoch count and curves', async () => {
    const kit = setup();
    kit.choices.getState().setDataset('xor');
    kit.choices.getState().setBatchSize(5);
    await kit.controller.oneEpoch();
    await kit.controller.oneEpoch();
    const { choices, work } = kit.snapshot();
    const text = trainingToJson(choices, work);
    const again = setup(text);
    expect(again.choices.getState().dataset).toBe('xor');
    expect(again.choices.getState().batchSize).toBe(5);
    expect(again.bench.getState().network).toEqual(work.network);
    expect(again.run.getState().epoch).toBe(2);
    expect(again.run.getState().history.map((r) => r.epoch)).toEqual([1, 2]);
    expect(again.run.getState().history[1]?.trainLoss).toBeCloseTo(
      work.progress.history[1]?.trainLoss ?? NaN,
      5,
    );
    // Training resumes at epoch 2, in the batch order it had.
    await again.controller.oneEpoch();
    expect(again.run.getState().history.map((r) => r.epoch)).toEqual([1, 2, 3]);
    await kit.controller.oneEpoch();
    expect(again.bench.getState().network).toEqual(kit.bench.getState().network);

    const stepper = createAppStore();
    const link = encodeShare(learnerOf(stepper.getState()), savedTrainingOf(choices, work));
    const opened = decodeShare(link);
    expect(opened.ok).toBe(true);
    const linked = parseTraining(opened.ok ? opened.training : null);
    expect(linked.problem).toBeNull();
    expect(linked.choices.dataset).toBe('xor');
    expect(linked.work?.progress.epoch).toBe(2);
  });

  it('reads a version 1 save (choices only), and refuses a damaged network', () => {
    const v1 = JSON.stringify({ app: 'backstep-training', version: 1, choices: DEFAULT_TRAINING });
    expect(loadTrainingChoices(v1)).toMatchObject({ problem: null, work: null });
    const saved = JSON.parse(trainingToJson(DEFAULT_TRAINING, setup().snapshot().work));
    saved.work.network.layers[0].weights[0][0] = 'x';
    expect(parseTraining(saved).problem).toMatch(/could not be read/);
  });
});

describe('the digits in the Train tab (64 inputs, wider than the stepper takes)', () => {
  it('trains a 64-8-10 network, saves and reads it back, refuses to step through its batch but steps through a drawing', async () => {
    const kit = setup();
    kit.choices.getState().setMode('train');
    await loadRealText('digits');
    expect(kit.choices.getState().setReal('digits')).toBeNull();
    await kit.controller.pause();
    await kit.controller.oneEpoch();
    const network = kit.bench.getState().network;
    expect([network.inputSize, ...network.layers.map((l) => l.biases.length)]).toEqual([64, 8, 10]);
    expect(kit.run.getState().epoch).toBe(1);
    expect(kit.run.getState().history[1]?.testAccuracy).toBeGreaterThan(0.5);

    const { choices, work } = kit.snapshot();
    const text = trainingToJson(choices, work);
    // The digits are saved by name: the save is the network and the curves, not 1,797 rows.
    expect(text.length).toBeLessThan(40_000);
    const again = setup(text);
    expect(again.bench.getState().network).toEqual(network);

    const stepper = createAppStore();
    const before = stepper.getState().network;
    await stepThroughThisNetwork(stepper, kit);
    expect(stepper.getState().network).toBe(before);
    expect(kit.choices.getState().mode).toBe('train');
    expect(kit.run.getState().error).toBe(
      'This network (64–8–10) cannot be stepped through: it takes 64 inputs, and the stepper shows at most 8. It trains here; to step through a pass, train on data with at most 8 inputs, or, for a picture, draw one and step through that drawing.',
    );

    // One drawing of it can be: the stepper takes the network with that one sample, and opens.
    const pixels = Array.from({ length: 64 }, (_, i) => (i % 8 === 3 ? 16 : 0));
    const sample = drawingSample(pixels, preparedOf(kit.choices.getState()), 1);
    kit.run.setState({ error: null });
    await stepThroughDrawing(stepper, kit, sample, { width: 8, height: 8 });
    expect(kit.run.getState().error).toBeNull();
    expect(stepper.getState().picture).toEqual({ width: 8, height: 8 });
    expect(stepper.getState().network).toEqual(network);
    expect(stepper.getState().samples).toEqual([sample]);
    expect(stepper.getState().stepIndex).toBe(0);
    expect(kit.choices.getState().mode).toBe('step');
    // A saved work holds it, and a link carries it.
    const link = encodeShare(stepper.getState());
    const opened = decodeShare(link);
    expect(opened.ok && opened.work.samples).toEqual([sample]);
    expect(opened.ok && opened.work.picture).toEqual({ width: 8, height: 8 });
  });

  it('steps through a network the stepper can show', async () => {
    const kit = setup();
    kit.choices.getState().setMode('train');
    await loadRealText('iris');
    expect(kit.choices.getState().setReal('iris')).toBeNull();
    await kit.controller.pause();
    const stepper = createAppStore();
    await stepThroughThisNetwork(stepper, kit);
    expect(stepper.getState().network.inputSize).toBe(4);
    expect(kit.choices.getState().mode).toBe('step');
  });
});
