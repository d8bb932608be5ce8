import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore';
import { browserStorage } from '../../store/autosave';
import { useAppStoreApi } from '../../store/context';
import { createRunStore, type RunStore, type TrainingRun } from '../../training/runtime';
import { loadTrainingFrom, startTrainingAutosave } from '../../training/persist';
import { createTrainingStore, type TrainingState, type TrainingStore } from '../../training/store';
import type { AppMode } from '../../training/choices';
import { createTrainingController, type TrainingController } from '../../training/controller';
import type { PlotView } from '../../training/protocol';

/**
 * Training's stores and controller, one set per main store (so each test's fresh store gets its
 * own), made the first time a component asks. The choices are saved in the browser beside the work.
 */
export interface TrainingKit {
  choices: TrainingStore;
  run: RunStore;
  controller: TrainingController;
  /** What the learner must hear about their saved training settings (a part set aside), or null. */
  notice: string | null;
}

const kits = new WeakMap<AppStore, TrainingKit>();

export function kitFor(app: AppStore): TrainingKit {
  let kit = kits.get(app);
  if (!kit) {
    const storage = browserStorage();
    const saved = loadTrainingFrom(storage);
    const choices = createTrainingStore(saved.choices);
    if (storage) startTrainingAutosave(choices, storage);
    const run = createRunStore();
    const controller = createTrainingController(app, choices, run);
    kit = { choices, run, controller, notice: saved.notice };
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
