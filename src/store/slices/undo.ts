import type { Slice, UndoActions } from '../actions';
import { afterChange } from '../predict';
import { stepsOf } from '../selectors';
import { selectionFits } from '../shape';
import type { Edit, LearnerState, UndoState } from '../types';

export const MAX_UNDO = 200;

export function editOf(s: LearnerState): Edit {
  return {
    network: s.network,
    samples: s.samples,
    learningRate: s.learningRate,
    trainBiases: s.trainBiases,
    exampleId: s.exampleId,
    exercise: s.exercise,
    sampleIndex: s.sampleIndex,
    stepIndex: s.stepIndex,
    history: s.history,
    optimizer: s.optimizer,
    optimizerState: s.optimizerState,
    optimizerHistory: s.optimizerHistory,
  };
}

/** The undo bookkeeping for an edit about to replace `current`. */
export function recorded(current: LearnerState & UndoState): Partial<UndoState> {
  if (current.inGesture && current.gestureRecorded) return {};
  return {
    past: [...current.past, editOf(current)].slice(-MAX_UNDO),
    future: [],
    gestureRecorded: current.inGesture,
  };
}

export const createUndoSlice: Slice<UndoState & UndoActions> = (set, get) => {
  /** Restore an undo entry, keeping the step within the pass. */
  const restore = (edit: Edit) => {
    // The selection stays where the restored network still has it (undoing a weight edit
    // keeps the weight selected).
    const { selection, granularity } = get();
    const lastStep = stepsOf(edit.network, granularity).length - 1;
    set({
      ...edit,
      ...afterChange(get(), edit),
      selection: selectionFits(selection, edit.network) ? selection : null,
      stepIndex: Math.min(edit.stepIndex, lastStep),
    });
  };

  return {
    past: [],
    future: [],
    inGesture: false,
    gestureRecorded: false,

    undo() {
      const { past, future } = get();
      const previous = past[past.length - 1];
      if (!previous) return;
      set({ past: past.slice(0, -1), future: [editOf(get()), ...future], inGesture: false });
      restore(previous);
    },
    redo() {
      const { past, future } = get();
      const next = future[0];
      if (!next) return;
      set({ past: [...past, editOf(get())], future: future.slice(1), inGesture: false });
      restore(next);
    },
    beginGesture() {
      set({ inGesture: true, gestureRecorded: false });
    },
    endGesture() {
      set({ inGesture: false, gestureRecorded: false });
    },
  };
};
