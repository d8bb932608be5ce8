import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore';
import { browserStorage } from '../../store/autosave';
import { useApp, useAppStoreApi } from '../../store/context';
import { createRunStore, type RunStore, type TrainingRun } from '../../training/runtime';
import { loadTrainingChoices, startTrainingAutosave, TRAINING_KEY } from '../../training/persist';
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
}

const kits = new WeakMap<AppStore, TrainingKit>();

export function kitFor(app: AppStore): TrainingKit {
  let kit = kits.get(app);
  if (!kit) {
    const storage = browserStorage();
    let saved: string | null = null;
    try {
      saved = storage?.getItem(TRAINING_KEY) ?? null;
    } catch {
      saved = null;
    }
    const choices = createTrainingStore(loadTrainingChoices(saved).choices);
    if (storage) startTrainingAutosave(choices, storage);
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

/** The tab shown: the stepper whenever a teacher hid the Train tab. */
export function useAppMode(): AppMode {
  const mode = useChoices((s) => s.mode);
  const trainHidden = useApp((s) => s.view.hidden.includes('train'));
  return trainHidden ? 'step' : mode;
}
