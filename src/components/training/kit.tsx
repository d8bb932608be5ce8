import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore';
import { useApp, useAppStoreApi } from '../../store/context';
import type { TrainingRun } from '../../training/runtime';
import { loadTrainingChoices, type SavedTraining } from '../../training/persist';
import type { TrainingState } from '../../training/store';
import type { AppMode } from '../../training/choices';
import { createWorkbench, type Workbench } from '../../training/workbench';
import type { PlotView } from '../../training/protocol';

/**
 * The Train tab's work (see Workbench), one per stepper store (so each test's fresh store gets its
 * own), made from the opened work's training (saved with it in the works database) or a link's.
 */
export interface TrainingKit extends Workbench {
  /** The stepper's store, for the moves between the tabs. */
  stepper: AppStore;
  /** What the learner must hear about the training opened (a part set aside), or null. */
  notice: string | null;
}

/** Each kit by its stepper store and by its bench (the Train tab's views see the bench). */
const kits = new WeakMap<AppStore, TrainingKit>();

/**
 * The kit for this stepper store, made from the training the opened work holds (boot.tsx reads it
 * from the works database or a link); the defaults where there is none (a test's fresh store).
 */
export function startTraining(
  app: AppStore,
  opened: SavedTraining = loadTrainingChoices(null),
  notice: string | null = null,
): TrainingKit {
  const existing = kits.get(app);
  if (existing) return existing;
  const kit = { ...createWorkbench(opened), stepper: app, notice };
  kits.set(app, kit);
  kits.set(kit.bench, kit);
  return kit;
}

export function kitFor(app: AppStore): TrainingKit {
  return kits.get(app) ?? startTraining(app);
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
