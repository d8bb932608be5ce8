import { describe, expect, it } from 'vitest';
import {
  createTrainer,
  initializeNetwork,
  OPTIMIZER_REGISTRY,
  type Optimizer,
} from '../../../src/engine';
import { createAppStore } from '../../../src/store';
import { localClient } from '../../../src/training/client';
import { createTrainingController } from '../../../src/training/controller';
import { sessionInitOf } from '../../../src/training/plan';
import { optimizerLabel } from '../../../src/training/race';
import { createRival } from '../../../src/training/rival';
import { createRunStore, NEW_RACE } from '../../../src/training/runtime';
import { fittedNetwork, preparedOf } from '../../../src/training/selectors';
import { createSession } from '../../../src/training/session';
import { createTrainingStore } from '../../../src/training/store';
import type { FrameRequest } from '../../../src/training/protocol';
import {
  loadTrainingChoices,
  parseTraining,
  savedTrainingOf,
  trainingToJson,
} from '../../../src/training/persist';
import { createWorkbench } from '../../../src/training/workbench';

const ADAM = OPTIMIZER_REGISTRY.adam.defaults;
const MOMENTUM = OPTIMIZER_REGISTRY.momentum.defaults;
const SGD: Optimizer = { kind: 'sgd' };

function prepared() {
  const choices = createTrainingStore({ count: 120, batchSize: 7 }).getState();
  const data = preparedOf(choices);
  const base = initializeNetwork(
    {
      inputSize: 2,
      loss: 'mse',
      layers: [
        { units: 4, activation: 'tanh' },
        { units: 1, activation: 'linear' },
      ],
    },
    3,
  );
  return { choices, data, network: fittedNetwork(base, data, 3) };
}

const request = (r: Partial<FrameRequest>): FrameRequest => ({
  work: 'none',
  budgetMs: 5,
  stop: { kind: 'none', epochs: 1, loss: 0 },
  images: false,
  network: false,
  ...r,
});

describe("the race's second run", () => {
  it('sees the very same mini-batches as the first, step for step, whatever its optimizer', () => {
    const { choices, data, network } = prepared();
    const init = sessionInitOf(network, choices, 0.05, true, SGD);
    const first = createTrainer(network, data.train, init.options, init.seed);
    const sets = { train: data.train, test: data.test, accuracy: init.accuracy };
    const spec = { optimizer: ADAM, network: null, optimizerState: null, out: null };
    const rival = createRival(spec, first, sets, init.seed);
    // 120 points, half for training, batches of 7: several epochs cross a reshuffle.
    for (let step = 0; step < 40; step++) {
      expect(rival.trainer.nextBatch()).toEqual(first.nextBatch());
      first.step();
      rival.step();
      expect(rival.trainer.examplesSeen).toBe(first.examplesSeen);
    }
    expect(rival.trainer.epoch).toBeGreaterThan(3);
    // It joins a run under way at the first run's place in the batch order.
    const late = createRival(spec, first, sets, init.seed);
    expect(late.trainer.examplesSeen).toBe(first.examplesSeen);
    expect(late.trainer.nextBatch()).toEqual(first.nextBatch());
  });

  it('with the same optimizer twice, the two curves are the same to the last digit', () => {
    const { choices, network } = prepared();
    const init = sessionInitOf(network, choices, 0.05, true, MOMENTUM);
    const race = { optimizer: MOMENTUM, network: null, optimizerState: null, out: null };
    const s = createSession({ ...init, race });
    const replies = [s.frame(request({}))];
    for (let i = 0; i < 3; i++) replies.push(s.frame(request({ work: 'epoch' })));
    replies.push(s.frame(request({ work: 'batch', network: true })));
    for (const reply of replies) {
      expect(reply.race?.record).toEqual(reply.record);
      expect(reply.record).not.toBeNull();
    }
    const last = replies.at(-1);
    expect(last?.race?.network).toEqual(last?.network);
    expect(last?.race?.optimizerState).toEqual(last?.optimizerState);
  });

  it('with another optimizer, is that optimizer trained on the same batches', () => {
    const { choices, data, network } = prepared();
    const init = sessionInitOf(network, choices, 0.05, true, SGD);
    const race = { optimizer: ADAM, network: null, optimizerState: null, out: null };
    const s = createSession({ ...init, race });
    s.frame(request({}));
    const reply = s.frame(request({ work: 'epoch', network: true }));
    const adam = createTrainer(
      network,
      data.train,
      { ...init.options, optimizer: ADAM },
      init.seed,
    );
    adam.finishEpoch();
    expect(reply.race?.network).toEqual(adam.network());
    expect(reply.race?.optimizerState).toEqual(adam.optimizerState());
    expect(reply.race?.record?.trainLoss).not.toBe(reply.record?.trainLoss);
  });

  it('times each run’s own steps: each optimizer’s speed', () => {
    const { choices, network } = prepared();
    const init = sessionInitOf(network, choices, 0.05, true, SGD);
    const race = { optimizer: ADAM, network: null, optimizerState: null, out: null };
    // A clock that moves 1 ms at every reading: each run's step is read before and after.
    let clock = 0;
    const s = createSession({ ...init, race }, () => clock++);
    s.frame(request({}));
    const reply = s.frame(request({ work: 'epoch' }));
    // 60 training points in batches of 7: 9 steps, each timed as 1 ms for either run.
    expect(reply.trained).toBe(60);
    expect(reply.race?.ms).toEqual({ first: 9, second: 9 });
    // The next frame counts its own steps only.
    expect(s.frame(request({})).race?.ms).toEqual({ first: 0, second: 0 });
  });

  it('leaves the race when it overflows; the first run goes on', () => {
    const { choices, network } = prepared();
    const init = sessionInitOf(network, choices, 5e5, true, ADAM);
    // Adam's first step moves each parameter by about η, within bounds; SGD moves it by η·g, and
    // a network with large outputs (here its output weights × 1000) has large gradients.
    const loud = {
      ...network,
      layers: network.layers.map((layer, l) =>
        l === 0
          ? layer
          : { ...layer, weights: layer.weights.map((row) => row.map((w) => w * 1000)) },
      ),
    };
    const race = { optimizer: SGD, network: loud, optimizerState: null, out: null };
    const s = createSession({ ...init, race });
    s.frame(request({}));
    const reply = s.frame(request({ work: 'batch' }));
    expect(reply.overflow).toBeNull();
    expect(reply.race?.out?.kind).toMatch(/weight|bias|loss|gradient/);
    expect(reply.race?.network).not.toBeNull();
    const next = s.frame(request({ work: 'batch' }));
    expect(next.race?.out).toBeNull();
    expect(next.race?.record ?? null).toBeNull();
  });
});

function controllerSetup(init: Parameters<typeof createTrainingStore>[0] = {}) {
  const bench = createAppStore();
  const choices = createTrainingStore({ mode: 'train', count: 100, ...init });
  const run = createRunStore();
  const controller = createTrainingController(bench, choices, run, {
    makeClient: localClient,
    reducedMotion: () => false,
    requestFrame: () => 0,
    cancelFrame: () => {},
  });
  return { bench, choices, run, controller };
}

// Two tasks: a network to fit to new data is fitted in the task after the one that chose it.
const settle = async () => {
  for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve, 0));
};

describe('the race in the controller', () => {
  it('trains both runs together; the same optimizer twice draws the same curves', async () => {
    const { bench, run, controller } = controllerSetup({ race: true, raceOptimizer: SGD });
    controller.refresh();
    await settle();
    await controller.oneEpoch();
    await controller.oneEpoch();
    const { history, race } = run.getState();
    expect(history.map((r) => r.epoch)).toEqual([0, 1, 2]);
    expect(race?.history).toEqual(history);
    expect(race?.network).toEqual(bench.getState().network);
    expect(run.getState().checkpoint).toEqual({ epoch: 2, examplesSeen: 100 });
  });

  it('races another optimizer; its choice and settings take effect as it runs', async () => {
    const { choices, run, controller } = controllerSetup({ race: true, raceOptimizer: ADAM });
    controller.refresh();
    await settle();
    await controller.oneEpoch();
    const { history, race } = run.getState();
    expect(race?.history.map((r) => r.epoch)).toEqual([0, 1]);
    expect(race?.history[0]).toEqual(history[0]);
    expect(race?.history[1]?.trainLoss).not.toBe(history[1]?.trainLoss);
    expect(race?.optimizerState?.kind).toBe('adam');
    expect(race?.optimizerState?.t).toBe(5);
    expect(choices.getState().setRaceOptimizer({ ...ADAM, beta1: 1 } as Optimizer)).toMatch(
      /β₁ is 1/,
    );
    expect(choices.getState().setRaceOptimizer(MOMENTUM)).toBeNull();
    await settle();
    await controller.oneEpoch();
    // Another optimizer starts its state afresh: 5 steps of momentum since.
    expect(run.getState().race?.optimizerState).toMatchObject({ kind: 'momentum', t: 5 });
    // Off: the second run is gone.
    await controller.race(false);
    await settle();
    expect(run.getState().race).toBeNull();
    expect(choices.getState().race).toBe(false);
  });

  it('turned on after training, starts both runs from the initial weights', async () => {
    const { bench, choices, run, controller } = controllerSetup();
    controller.refresh();
    await settle();
    const initial = bench.getState().network;
    await controller.oneEpoch();
    expect(bench.getState().network).not.toBe(initial);
    await controller.race(true);
    await settle();
    expect(choices.getState().race).toBe(true);
    expect(bench.getState().network).toEqual(initial);
    expect(run.getState().examplesSeen).toBe(0);
    expect(run.getState().race?.history.map((r) => r.epoch)).toEqual([0]);
    expect(run.getState().race?.history[0]).toEqual(run.getState().history[0]);
  });
});

describe('naming an optimizer and its settings', () => {
  it('writes the name and each hyper-parameter with its symbol', () => {
    expect(optimizerLabel(SGD)).toBe('SGD');
    expect(optimizerLabel(ADAM)).toBe('Adam (β₁ 0.9, β₂ 0.999, ε 1e−8)');
    expect(optimizerLabel({ kind: 'momentum', momentum: 0.5, nesterov: true })).toBe(
      'Nesterov (μ 0.5)',
    );
  });
});

describe('the race and the optimizer state, saved and linked', () => {
  const setupKit = (text: string | null = null) =>
    createWorkbench(loadTrainingChoices(text), {
      makeClient: localClient,
      reducedMotion: () => false,
      requestFrame: () => 0,
      cancelFrame: () => {},
    });
  /** JSON writes −0 as 0: compare what was saved with what was read, both as JSON. */
  const plain = (value: unknown) => JSON.parse(JSON.stringify(value)) as unknown;

  it('a reload goes on with the same Adam state (m, v, t) and the same race', async () => {
    const kit = setupKit();
    kit.choices.getState().setMode('train');
    expect(kit.bench.getState().setOptimizer(ADAM)).toBeNull();
    await kit.controller.race(true);
    expect(kit.choices.getState().setRaceOptimizer(MOMENTUM)).toBeNull();
    await kit.controller.oneEpoch();
    await kit.controller.oneEpoch();
    const { choices, work } = kit.snapshot();
    expect(work.optimizerState).toMatchObject({ kind: 'adam', t: 50 });
    expect(work.progress.race?.optimizerState).toMatchObject({ kind: 'momentum', t: 50 });
    const text = trainingToJson(choices, work);

    const again = setupKit(text);
    expect(again.choices.getState()).toMatchObject({ race: true, raceOptimizer: MOMENTUM });
    expect(plain(again.bench.getState().optimizerState)).toEqual(plain(work.optimizerState));
    // (The curves are saved to six digits; the network and state exactly.)
    const { history: curves, ...race } = again.run.getState().race ?? NEW_RACE;
    const { history: savedCurves = [], ...savedRace } = work.progress.race ?? NEW_RACE;
    expect(plain(race)).toEqual(plain(savedRace));
    expect(curves.map((r) => r.trainLoss)).toEqual(
      savedCurves.map((r) => Number(r.trainLoss.toPrecision(6))),
    );
    // Both go on as if there had been no reload: the same numbers as the kit that went on.
    await again.controller.oneEpoch();
    await kit.controller.oneEpoch();
    expect(plain(again.bench.getState().network)).toEqual(plain(kit.bench.getState().network));
    expect(plain(again.bench.getState().optimizerState)).toEqual(
      plain(kit.bench.getState().optimizerState),
    );
    expect(plain(again.run.getState().race?.network)).toEqual(
      plain(kit.run.getState().race?.network),
    );
    expect(again.run.getState().race?.history.map((r) => r.epoch)).toEqual([0, 1, 2, 3]);

    // A link carries the same.
    const linked = parseTraining(JSON.parse(JSON.stringify(savedTrainingOf(choices, work))));
    expect(linked.problem).toBeNull();
    expect(linked.work?.optimizerState?.t).toBe(50);
    expect(linked.work?.progress.race?.optimizerState?.t).toBe(50);
  });

  it('a run resumed with a fresh state would differ: the state is what makes it the same', async () => {
    const kit = setupKit();
    expect(kit.bench.getState().setOptimizer(ADAM)).toBeNull();
    await kit.controller.oneEpoch();
    const { choices, work } = kit.snapshot();
    const saved = JSON.parse(trainingToJson(choices, work));
    delete saved.work.optimizerState;
    const fresh = setupKit(JSON.stringify(saved));
    const again = setupKit(trainingToJson(choices, work));
    await fresh.controller.oneEpoch();
    await again.controller.oneEpoch();
    await kit.controller.oneEpoch();
    expect(plain(again.bench.getState().network)).toEqual(plain(kit.bench.getState().network));
    expect(plain(fresh.bench.getState().network)).not.toEqual(plain(kit.bench.getState().network));
  });

  it('sets aside a state or a race that does not fit the network, and says so', async () => {
    const kit = setupKit();
    expect(kit.bench.getState().setOptimizer(ADAM)).toBeNull();
    await kit.controller.race(true);
    await kit.controller.oneEpoch();
    const { choices, work } = kit.snapshot();
    const saved = JSON.parse(trainingToJson(choices, work));
    saved.work.optimizerState.m[0].weights[0].pop();
    saved.work.progress.race.network.layers.pop();
    const read = parseTraining(saved);
    expect(read.work?.network).toEqual(plain(work.network));
    expect(read.work?.optimizerState).toBeUndefined();
    expect(read.work?.progress.race).toBeUndefined();
    expect(read.problem).toMatch(
      /work\.optimizerState \(The optimizer's m does not fit the network.*work\.progress\.race \(/,
    );
    // A state that is not one at all: the schema refuses it, and the work with it.
    saved.work.optimizerState = { kind: 'adam', t: -1 };
    expect(parseTraining(saved).problem).toMatch(/could not be read.*work \(optimizerState\.t/);
    // Old saves have neither: the run goes on with a fresh state, no race.
    const old = JSON.parse(trainingToJson(choices, work));
    delete old.work.optimizerState;
    delete old.work.progress.race;
    delete old.choices.race;
    delete old.choices.raceOptimizer;
    expect(parseTraining(old)).toMatchObject({ problem: null, choices: { race: false } });
  });

  it('undoes turning the race on after training: the run and its network come back', async () => {
    const kit = setupKit();
    kit.choices.getState().setMode('train');
    await kit.controller.oneEpoch();
    const trained = kit.bench.getState().network;
    await kit.controller.race(true);
    expect(kit.run.getState().examplesSeen).toBe(0);
    await kit.undo();
    await settle();
    expect(kit.choices.getState().race).toBe(false);
    expect(kit.bench.getState().network).toBe(trained);
    expect(kit.run.getState().epoch).toBe(1);
    expect(kit.run.getState().race).toBeNull();
    await kit.redo();
    await settle();
    expect(kit.choices.getState().race).toBe(true);
    expect(kit.run.getState().race?.history).toHaveLength(1);
  });
});
