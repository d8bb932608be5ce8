import { createStore, type StoreApi } from 'zustand/vanilla';
import type { AppStore } from '../store/appStore';
import { editOf, MAX_UNDO } from '../store/slices/undo';
import type { Edit } from '../store/types';
import type { TrainingChoices } from './choices';
import type { EpochRecord, RaceRun, RunStore, TrainingRun } from './runtime';
import { choicesOf, type TrainingStore } from './store';

/** How far a run got: what a reload, a link or an undo brings back with its network. */
export interface TrainingProgress {
  /** Epochs of training (examples seen ÷ training-set size). */
  epoch: number;
  examplesSeen: number;
  /** The loss, accuracy and gradient curves. */
  history: EpochRecord[];
  /** The race's second run (absent or null: none). */
  race?: RaceRun | null;
}

export const NO_PROGRESS: TrainingProgress = { epoch: 0, examplesSeen: 0, history: [] };

/** The curves up to an epoch, the same array when nothing is past it (a save compares by reference). */
const trimmed = (() => {
  const kept = new WeakMap<EpochRecord[], { epoch: number; upTo: EpochRecord[] }>();
  return (history: EpochRecord[], epoch: number): EpochRecord[] => {
    if ((history[history.length - 1]?.epoch ?? 0) <= epoch) return history;
    const hit = kept.get(history);
    if (hit?.epoch === epoch) return hit.upTo;
    const upTo = history.filter((r) => r.epoch <= epoch);
    kept.set(history, { epoch, upTo });
    return upTo;
  };
})();

/** How far the run got, as of its checkpoint: the network, its state and its place go together. */
export function progressOf(run: TrainingRun): TrainingProgress {
  const at = run.checkpoint ?? run;
  const race = run.race && { ...run.race, history: trimmed(run.race.history, at.epoch) };
  return {
    epoch: at.epoch,
    examplesSeen: at.examplesSeen,
    history: trimmed(run.history, at.epoch),
    ...(race ? { race } : {}),
  };
}

/** The Train tab's work as undo brings it back: its network, its choices, how far it got. */
export interface TrainingSnapshot {
  bench: Edit;
  choices: TrainingChoices;
  progress: TrainingProgress;
}

export interface TrainingUndoState {
  past: TrainingSnapshot[];
  future: TrainingSnapshot[];
  undo(): void;
  redo(): void;
}

export interface TrainingHistory {
  store: StoreApi<TrainingUndoState>;
  /** Make several changes (a new seed and its weights) one undo step. */
  group(change: () => void): void;
  /**
   * A change that follows from the one just recorded (the network fitted to new data): it is part
   * of that undo step, not one of its own.
   */
  quietly(change: () => void): void;
  /** Told after an undo or redo which progress came back with the network (to resume the run). */
  onRestore(listener: (progress: TrainingProgress) => void): () => void;
  dispose(): void;
}

/** Where the learner looks and how fast training runs: not part of the work undo brings back. */
const UNRECORDED: readonly (keyof TrainingChoices)[] = ['mode', 'speed', 'landscape'];

function choicesChanged(a: TrainingChoices, b: TrainingChoices): boolean {
  return (Object.keys(a) as (keyof TrainingChoices)[]).some(
    (key) => !UNRECORDED.includes(key) && a[key] !== b[key],
  );
}

/**
 * Undo for the Train tab, separate from the stepper's: every change of the training network (an
 * edit through the bench store's gate) and of the training choices is recorded with the state
 * before it. Training's own progress (new weights committed as it runs) is not a change of the
 * learner's: it is not recorded, and an undo brings back the network with the progress it had.
 */
export function createTrainingHistory(
  bench: AppStore,
  choices: TrainingStore,
  run: RunStore,
): TrainingHistory {
  let quiet = 0;
  const listeners = new Set<(progress: TrainingProgress) => void>();
  const now = (): TrainingSnapshot => ({
    bench: editOf(bench.getState()),
    choices: choicesOf(choices.getState()),
    progress: progressOf(run.getState()),
  });
  const push = (snapshot: TrainingSnapshot) =>
    store.setState((s) => ({ past: [...s.past, snapshot].slice(-MAX_UNDO), future: [] }));

  const restore = (snapshot: TrainingSnapshot) => {
    const now = choices.getState();
    const kept = Object.fromEntries(UNRECORDED.map((key) => [key, now[key]]));
    quiet++;
    try {
      bench.setState({ ...snapshot.bench });
      choices.getState().replaceChoices({ ...snapshot.choices, ...kept });
    } finally {
      quiet--;
    }
    for (const listener of listeners) listener(snapshot.progress);
  };

  const store = createStore<TrainingUndoState>()((set, get) => ({
    past: [],
    future: [],
    undo() {
      const { past, future } = get();
      const previous = past[past.length - 1];
      if (!previous) return;
      set({ past: past.slice(0, -1), future: [now(), ...future] });
      restore(previous);
    },
    redo() {
      const { past, future } = get();
      const next = future[0];
      if (!next) return;
      set({ past: [...past, now()], future: future.slice(1) });
      restore(next);
    },
  }));

  const unsubscribeChoices = choices.subscribe((state, previous) => {
    if (quiet === 0 && choicesChanged(state, previous)) {
      push({ ...now(), choices: choicesOf(previous) });
    }
  });
  // The bench store records each of the learner's edits in its own past: that is one here too.
  const unsubscribeBench = bench.subscribe((state, previous) => {
    if (quiet === 0 && state.past !== previous.past) push({ ...now(), bench: editOf(previous) });
  });

  return {
    store,
    group(change) {
      if (quiet > 0) return change();
      const before = now();
      quiet++;
      try {
        change();
      } finally {
        quiet--;
      }
      const after = now();
      const benchChanged = (Object.keys(before.bench) as (keyof Edit)[]).some(
        (key) => before.bench[key] !== after.bench[key],
      );
      if (benchChanged || choicesChanged(before.choices, after.choices)) push(before);
    },
    quietly(change) {
      quiet++;
      try {
        change();
      } finally {
        quiet--;
      }
    },
    onRestore(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    dispose() {
      unsubscribeChoices();
      unsubscribeBench();
    },
  };
}
