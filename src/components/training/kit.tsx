import { useSyncExternalStore } from 'react';
import { useStore } from 'zustand';
import type { AppStore } from '../../store/appStore';
import { browserStorage } from '../../store/autosave';
import { useAppStoreApi } from '../../store/context';
import type { TrainingRun } from '../../training/runtime';
import { loadTrainingFrom, parseTraining } from '../../training/persist';
import type { TrainingState } from '../../training/store';
import type { AppMode } from '../../training/choices';
import { createWorkbench, type Workbench } from '../../training/workbench';
import type { PlotView } from '../../training/protocol';

/**
 * The Train tab's work (see Workbench), one per stepper store (so each test's fresh store gets its
 * own), made the first time a component asks, from what the browser saved, or from a share link.
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
 * The kit for this stepper store: made from the training a share link carries (checked; else the
 * saved one; a part that cannot be read takes its default and is said), and saved in the browser
 * from then on.
 */
export function startTraining(app: AppStore, linked: unknown = null): TrainingKit {
  const existing = kits.get(app);
  if (existing) return existing;
  const storage = browserStorage();
  const fromLink = linked === null ? null : parseTraining(linked);
  const opened = fromLink
    ? {
        ...fromLink,
        notice: fromLink.problem && `The link's training: ${fromLink.problem} The rest was loaded.`,
      }
    : loadTrainingFrom(storage);
  const kit = { ...createWorkbench(opened), stepper: app, notice: opened.notice };
  if (storage) kit.autosave(storage);
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

export function useAppMode(): AppMode {
  return useChoices((s) => s.mode);
}
