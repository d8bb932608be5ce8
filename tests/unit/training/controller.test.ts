import { describe, expect, it } from 'vitest';
import { samplesOf } from '../../../src/engine';
import { createAppStore } from '../../../src/store';
import { createRunStore } from '../../../src/training/runtime';
import { createTrainingStore } from '../../../src/training/store';
import { preparedOf } from '../../../src/training/selectors';
import { localClient } from '../../../src/training/client';
import { createTrainingController } from '../../../src/training/controller';
import type { FrameRequest, Images } from '../../../src/training/protocol';
import type { SessionClient } from '../../../src/training/client';

function setup(init: Parameters<typeof createTrainingStore>[0] = {}) {
  const app = createAppStore();
  const choices = createTrainingStore({ mode: 'train', ...init });
  const run = createRunStore();
  const frames: (() => void)[] = [];
  const controller = createTrainingController(app, choices, run, {
    makeClient: localClient,
    reducedMotion: () => false,
    requestFrame: (f) => frames.push(f),
    cancelFrame: () => {},
  });
  /** Run queued animation frames and let the session answer, n times. */
  const animate = async (n: number) => {
    for (let i = 0; i < n; i++) {
      const due = frames.splice(0);
      due.forEach((f) => f());
      await new Promise((resolve) => setTimeout(resolve, 0));
    }
  };
  // Two tasks: a network to fit to new data is fitted in the task after the one that chose it.
  const settle = async () => {
    for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve, 0));
  };
  return { app, choices, run, controller, animate, settle };
}

describe('the training controller', () => {
  it('fits the network to the data, draws it, and says so', async () => {
    const { app, run, controller, settle } = setup();
    let images: Images | null = null;
    controller.onImages((i) => (images = i));
    controller.refresh();
    await settle();
    const network = app.getState().network;
    expect(network.inputSize).toBe(2);
    expect(network.layers.at(-1)?.activation).toBe('sigmoid');
    expect(network.loss).toBe('binaryCrossEntropy');
    expect(run.getState().notice).toMatch(/set up for this data/);
    expect(images).not.toBeNull();
    expect((images as unknown as Images).kind).toBe('2d');
  });

  it('trains one epoch, records it, and commits the network', async () => {
    const { app, run, controller, settle } = setup();
    controller.refresh();
    await settle();
    const before = app.getState().network;
    await controller.oneEpoch();
    expect(run.getState().history.map((r) => r.epoch)).toEqual([0, 1]);
    expect(run.getState().history[0]?.gradientNorms).toEqual([]);
    expect(run.getState().history[1]?.gradientNorms).toHaveLength(before.layers.length);
    expect(app.getState().network).not.toBe(before);
    // Training's progress is not an edit: undo does not stop at each pause.
    const past = app.getState().past;
    await controller.oneEpoch();
    expect(app.getState().past).toBe(past);
  });

  it('trains the biases as "Train biases" says, switched while the session runs', async () => {
    const { app, controller, settle } = setup();
    controller.refresh();
    await settle();
    // Fitted to the data: the learner's own network, so its biases train.
    expect(app.getState().trainBiases).toBe(true);
    expect(app.getState().setTrainBiases(false)).toBeNull();
    const before = app.getState().network;
    await controller.oneEpoch();
    const frozen = app.getState().network;
    expect(frozen.layers.map((l) => l.biases)).toEqual(before.layers.map((l) => l.biases));
    expect(frozen.layers[0]?.weights).not.toEqual(before.layers[0]?.weights);
    expect(app.getState().setTrainBiases(true)).toBeNull();
    await controller.oneEpoch();
    expect(app.getState().network.layers[0]?.biases).not.toEqual(before.layers[0]?.biases);
  });

  it('"Step through this network" hands the network and its next mini-batch to the stepper', async () => {
    const { app, choices, controller } = setup({ batchSize: 4 });
    const stepper = createAppStore();
    const classic = stepper.getState().network;
    await controller.oneEpoch();
    const network = app.getState().network;
    await controller.stepThrough(stepper);
    const s = stepper.getState();
    expect(s.samples).toHaveLength(4);
    expect(s.stepIndex).toBe(0);
    expect(s.network).toEqual(network);
    expect(s.learningRate).toBe(app.getState().learningRate);
    const train = samplesOf(preparedOf(choices.getState()).train);
    for (const sample of s.samples) expect(train).toContainEqual(sample);
    expect(choices.getState().mode).toBe('step');
    // The training network stays; the stepper's undo brings its own work back.
    expect(app.getState().network).toBe(network);
    stepper.getState().undo();
    expect(stepper.getState().network).toBe(classic);
    expect(stepper.getState().exampleId).toBe('classic-2-2-2');
  });

  it('"Step through this network" carries the optimizer and the state training left it in', async () => {
    const { app, controller } = setup({ batchSize: 4 });
    const adam = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
    expect(app.getState().setOptimizer(adam)).toBeNull();
    await controller.oneEpoch();
    const trained = app.getState().optimizerState;
    expect(trained.t).toBeGreaterThan(0);
    const stepper = createAppStore();
    await controller.stepThrough(stepper);
    const s = stepper.getState();
    expect(s.optimizer).toEqual(adam);
    expect(s.optimizerState).toEqual(trained);
    expect(s.network).toEqual(app.getState().network);
    expect(s.history).toEqual([]);
    // The stepper's update goes on from that state: step t + 1.
    s.goToEnd();
    expect(stepper.getState().stepForward()).toBeNull();
    expect(stepper.getState().optimizerState.t).toBe(trained.t + 1);
  });

  it('never touches the stepper: training has its own network', async () => {
    const { controller } = setup();
    const stepper = createAppStore();
    const before = stepper.getState();
    await controller.oneEpoch();
    await controller.reset(true);
    expect(stepper.getState()).toBe(before);
  });

  it('plays until the epoch limit', async () => {
    const { run, controller, animate } = setup({
      speed: 'epoch',
      stop: { kind: 'epochs', epochs: 3, loss: 0 },
    });
    controller.play();
    await animate(10);
    expect(run.getState().status).toBe('idle');
    expect(run.getState().stopReason).toBe('epochs');
    expect(run.getState().history.map((r) => r.epoch)).toEqual([1, 2, 3]);
  });

  it('stops on overflow and keeps the last good network', async () => {
    const { app, run, controller, animate, settle } = setup({ dataset: 'plane', speed: 'batch' });
    controller.refresh();
    await settle();
    for (let l = 1; l < app.getState().network.layers.length; l++)
      app.getState().setActivation(l, 'relu');
    app.getState().setLearningRate(10);
    controller.play();
    await animate(40);
    const overflow = run.getState().overflow;
    expect(overflow).not.toBeNull();
    expect(overflow?.learningRate).toBe(10);
    expect(run.getState().status).toBe('idle');
    for (const layer of app.getState().network.layers) {
      for (const v of [...layer.weights.flat(), ...layer.biases]) {
        expect(Math.abs(v)).toBeLessThanOrEqual(1e6);
      }
    }
  });

  it('resets to the same initial weights unless asked for a new seed', async () => {
    const { app, choices, controller } = setup();
    await controller.reset(false);
    const first = app.getState().network;
    await controller.oneEpoch();
    await controller.reset(false);
    expect(app.getState().network).toEqual(first);
    await controller.reset(true);
    expect(choices.getState().initSeed).toBe(2);
    expect(app.getState().network).not.toEqual(first);
  });
});

describe('playing as fast as possible in a worker', () => {
  /**
   * A client that answers as the worker would, counting the requests; the page's clock moves on
   * by a second at every `stallAt`-th request (a frame that does not come).
   */
  function busySetup(inWorker: boolean, stallAt: number) {
    const app = createAppStore();
    const choices = createTrainingStore({ mode: 'train', speed: 'max' });
    const run = createRunStore();
    const frames: (() => void)[] = [];
    let clock = 0;
    const requests: FrameRequest[] = [];
    const makeClient = (): SessionClient => {
      const local = localClient();
      return {
        ...local,
        inWorker,
        frame(request) {
          if (request.work === 'budget') {
            requests.push(request);
            if (requests.length % stallAt === 0) clock += 1000;
          }
          return local.frame(request);
        },
      };
    };
    const controller = createTrainingController(app, choices, run, {
      makeClient,
      reducedMotion: () => false,
      requestFrame: (f) => frames.push(f),
      cancelFrame: () => {},
      now: () => clock,
    });
    const frame = async () => {
      frames.splice(0).forEach((f) => f());
      await new Promise((resolve) => setTimeout(resolve, 0));
    };
    return { controller, run, requests, frame, advance: (ms: number) => (clock += ms) };
  }

  it('asks for the next training as soon as a reply comes, pictures once a page frame', async () => {
    const { controller, run, requests, frame, advance } = busySetup(true, 5);
    controller.play();
    // The network fitted to the data (a task), then the session started (another).
    for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    await frame();
    // One page frame: five requests back to back, until the page's frames stopped coming.
    expect(requests.map((r) => r.images)).toEqual([true, false, false, false, false]);
    advance(16);
    await frame();
    // The next frame starts it again, with pictures.
    expect(requests.map((r) => r.images)).toEqual([
      true,
      false,
      false,
      false,
      false,
      true,
      false,
      false,
      false,
      false,
    ]);
    await controller.pause();
    expect(run.getState().examplesSeen).toBeGreaterThanOrEqual(requests.length * 10);
  });

  it('on the page, one request a frame', async () => {
    const { controller, requests, frame, advance } = busySetup(false, 1000);
    controller.play();
    // The network fitted to the data (a task), then the session started (another).
    for (let i = 0; i < 2; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    for (let i = 0; i < 3; i++) {
      await frame();
      advance(16);
    }
    expect(requests).toHaveLength(3);
    await controller.pause();
  });
});
