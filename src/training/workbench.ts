import { createAppStore, TRAINING_SIZES, warmGate, type AppStore } from '../store';
import { freshState, SGD } from '../engine';
import type { TrainingChoices } from './choices';
import { createTrainingController, type ControllerOptions } from './controller';
import { createTrainingHistory, progressOf, type TrainingHistory } from './history';
import type { TrainingParts } from './moves';
import type { SavedTraining, TrainingWork } from './persist';
import { createRunStore, type RunStore } from './runtime';
import {
  DEFAULT_TRAINING_NETWORK,
  defaultTrainingNetwork,
  fitProblem,
  preparedOf,
  stepperSamples,
} from './selectors';
import { createTrainingStore, type TrainingStore } from './store';

/**
 * The Train tab's own work, apart from the stepper's: its choices, its network (the bench, a store
 * of the stepper's kind, so every edit passes the same gate), the run, its undo and the controller.
 */
export interface Workbench extends TrainingParts {
  choices: TrainingStore;
  run: RunStore;
  history: TrainingHistory;
  /** The Train tab's Undo and Redo: training pauses first, so its latest network is what is kept. */
  undo(): Promise<void>;
  redo(): Promise<void>;
  /** The current training as it is saved and linked. */
  snapshot(): { choices: TrainingChoices; work: TrainingWork };
  /** Calls back on any change of the work; returns the function that stops listening. */
  subscribe(listener: () => void): () => void;
  /** Show a saved training in place (another tab's newer save): not an undo step. */
  adopt(saved: SavedTraining): void;
}

/** The bench's first state: the saved network, or the Train tab's default one for the data. */
function benchFor(choices: TrainingChoices, work: TrainingWork | null): AppStore {
  const data = preparedOf(choices);
  const saved = work && !fitProblem(work.network, data) ? work : null;
  const network = saved ? saved.network : defaultTrainingNetwork(data, choices.initSeed);
  const optimizer = work?.optimizer ?? SGD;
  return createAppStore(
    {
      network,
      samples: stepperSamples(data, choices.batchSize),
      learningRate: work?.learningRate ?? DEFAULT_TRAINING_NETWORK.learningRate,
      trainBiases: work?.trainBiases ?? true,
      optimizer,
      // The state goes with its network (persist.ts checked that it fits).
      optimizerState: saved?.optimizerState ?? freshState(optimizer),
      exampleId: null,
    },
    TRAINING_SIZES,
  );
}

export function createWorkbench(
  saved: SavedTraining,
  options: Omit<ControllerOptions, 'history' | 'resume'> = {},
): Workbench {
  const choices = createTrainingStore(saved.choices);
  const bench = benchFor(saved.choices, saved.work);
  // The gate's first check, in a task of its own: not in the one that fits a network to new data.
  setTimeout(() => warmGate(bench.getState(), TRAINING_SIZES), 0);
  const run = createRunStore();
  const resumed = saved.work && bench.getState().network === saved.work.network;
  if (resumed && saved.work) {
    const { race = null, ...progress } = saved.work.progress;
    run.setState({ ...progress, race: saved.choices.race ? race : null });
  }
  const history = createTrainingHistory(bench, choices, run);
  const controller = createTrainingController(bench, choices, run, {
    ...options,
    history,
    ...(resumed && saved.work ? { resume: saved.work.progress } : {}),
  });
  const snapshot = () => {
    const { network, learningRate, trainBiases, optimizer, optimizerState } = bench.getState();
    const progress = progressOf(run.getState());
    return {
      choices: choices.getState(),
      work: { network, learningRate, trainBiases, optimizer, optimizerState, progress },
    };
  };
  const subscribe = (listener: () => void) => {
    const stops = [choices.subscribe(listener), bench.subscribe(listener), run.subscribe(listener)];
    return () => stops.forEach((stop) => stop());
  };
  return {
    bench,
    choices,
    run,
    history,
    controller,
    async undo() {
      if (history.store.getState().past.length === 0) return;
      await controller.pause();
      history.store.getState().undo();
      await controller.pause(); // (not running: waits for the run to resume)
    },
    async redo() {
      if (history.store.getState().future.length === 0) return;
      await controller.pause();
      history.store.getState().redo();
      await controller.pause();
    },
    snapshot,
    subscribe,
    adopt(saved) {
      history.quietly(() => {
        choices.getState().replaceChoices(saved.choices);
        if (saved.work) {
          const { network, learningRate, trainBiases, optimizer = SGD } = saved.work;
          const optimizerState = saved.work.optimizerState ?? freshState(optimizer);
          bench.setState({ network, learningRate, trainBiases, optimizer, optimizerState });
        }
      });
      if (saved.work) {
        const { race = null, ...progress } = saved.work.progress;
        run.setState({ ...progress, race, checkpoint: null });
      }
    },
  };
}
