import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore';
import { useAppStoreApi } from '../../store/context';
import { createRunStore, type RunStore, type TrainingRun } from '../../training/runtime';
import { createTrainingStore, type TrainingState, type TrainingStore } from '../../training/store';
import type { AppMode } from '../../training/choices';
import { createTrainingController, type TrainingController } from '../../training/controller';
import type { PlotView } from '../../training/protocol';

/**
 * Training's stores and controller, one set per main store (so each test's fresh store gets its
 * own), made the first time a component asks. The choices are the ones attached to the main store
 * (the opened work's, saved with it), else the defaults.
 */
export interface TrainingKit {
  choices: TrainingStore;
  run: RunStore;
  controller: TrainingController;
}

const kits = new WeakMap<AppStore, TrainingKit>();
const attached = new WeakMap<AppStore, TrainingStore>();

/** The training choices that go with this main store (before any component asks for them). */
export function attachTraining(app: AppStore, choices: TrainingStore): void {
  attached.set(app, choices);
}

export function kitFor(app: AppStore): TrainingKit {
  let kit = kits.get(app);
  if (!kit) {
    const choices = attached.get(app) ?? createTrainingStore();
    const run = createRunStore();
    kit = { choices, run, controller: createTrainingController(app, choices, run) };
    kits.set(app, kit);
  }
  return kit;
}

export function useTrainingKit(): TrainingKit {
  return kitFor(useAppStoreApi());
}

export function useChoices<T>(selector: (state: TrainingState) => T): T {
  return useStore(useTrainingKit().choices, selector);
}

export function useRun<T>(selector: (state: TrainingRun) => T): T {
  return useStore(useTrainingKit().run, selector);
}

/** What the big picture shows (see TrainingController.setView). */
export function usePlotView(): PlotView {
  const { controller } = useTrainingKit();
  return useSyncExternalStore(controller.onView, controller.view);
}

export function useAppMode(): AppMode {
  return useChoices((s) => s.mode);
}
