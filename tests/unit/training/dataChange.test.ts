import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../../src/store';
import { localClient } from '../../../src/training/client';
import { createTrainingController } from '../../../src/training/controller';
import { createRunStore } from '../../../src/training/runtime';
import { preparedOf } from '../../../src/training/selectors';
import { createTrainingStore } from '../../../src/training/store';

/** The Train tab on 200 points of the circle, training on the page. */
function setup() {
  const app = createAppStore();
  const choices = createTrainingStore({ mode: 'train', dataset: 'circle', count: 200 });
  const run = createRunStore();
  const controller = createTrainingController(app, choices, run, {
    makeClient: localClient,
    reducedMotion: () => false,
    requestFrame: () => 0,
    cancelFrame: () => {},
  });
  return { app, choices, run, controller };
}

/**
 * A change of data that takes a while (a dataset in the box loading, a CSV being read) and "One
 * epoch" asked for meanwhile: the epoch waits for it, and trains on the new data.
 */
describe('a change of data in turn with training', () => {
  it('"One epoch" asked for while the data changes trains on the new data', async () => {
    const { app, choices, run, controller } = setup();
    let loaded = () => {};
    const loading = new Promise<void>((resolve) => (loaded = resolve));
    const change = controller.changeData(async () => {
      await loading;
      expect(choices.getState().setDataset('threeSpirals')).toBeNull();
    });
    const epoch = controller.oneEpoch();
    // The data arrives later than an epoch of the data before would take (a task later).
    await new Promise((resolve) => setTimeout(resolve, 0));
    loaded();
    await Promise.all([change, epoch]);
    // Whatever the change set going (a new session for the new data) is done too.
    await new Promise((resolve) => setTimeout(resolve, 0));
    await controller.pause();
    const spirals = preparedOf(choices.getState());
    expect(run.getState().error).toBeNull();
    expect(run.getState().epoch).toBe(1);
    expect(run.getState().examplesSeen).toBe(spirals.train.count);
    expect(app.getState().network.layers.at(-1)?.biases).toHaveLength(3);
    controller.dispose();
  });
});

/**
 * New data the network does not fit (a 5 MB CSV): the data is drawn in the task that chose it, and
 * the network is fitted to it (checked and drawn again) in a task after, so that the two are not
 * one long task of the page.
 */
describe('a network fitted to new data', () => {
  it('is fitted in a task after the one that changed the data', async () => {
    const { app, choices, controller } = setup();
    controller.refresh();
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.getState().network.layers.at(-1)?.biases).toHaveLength(1);
    expect(choices.getState().setDataset('threeSpirals')).toBeNull();
    // Every microtask of the task that changed the data: the network is not fitted yet.
    for (let i = 0; i < 50; i++) await Promise.resolve();
    expect(app.getState().network.layers.at(-1)?.biases).toHaveLength(1);
    for (let i = 0; i < 5; i++) await new Promise((resolve) => setTimeout(resolve, 0));
    expect(app.getState().network.layers.at(-1)?.biases).toHaveLength(3);
    controller.dispose();
  });
});
