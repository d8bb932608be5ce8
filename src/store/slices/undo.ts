import type { Slice, UndoActions } from '../actions';
import { afterChange } from '../predict';
import { stepsOf } from '../selectors';
import { selectionFits } from '../shape';
import type { Edit, LearnerState, UndoEntry, UndoState } from '../types';

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
    picture: s.picture,
  };
}

/** The work and where predict first was in its pass: what undo and redo bring back. */
function entryOf(s: LearnerState): UndoEntry {
  const { answers, passDone, scored } = s.predict;
  return { ...editOf(s), pass: { answers, passDone, scored } };
}

/** The undo bookkeeping for an edit about to replace `current`. */
export function recorded(current: LearnerState & UndoState): Partial<UndoState> {
  if (current.inGesture && current.gestureRecorded) return {};
  return {
    past: [...current.past, entryOf(current)].slice(-MAX_UNDO),
    future: [],
    gestureRecorded: current.inGesture,
  };
}

export const createUndoSlice: Slice<UndoState & UndoActions> = (set, get) => {
  /** Restore an undo entry, keeping the step within the pass. */
  const restore = ({ pass, ...edit }: UndoEntry) => {
    // The selection stays where the restored network still has it (undoing a weight edit
    // keeps the weight selected).
    const { selection, granularity, predict, history } = get();
    const lastStep = stepsOf(edit.network, granularity).length - 1;
    // Into another pass (across an update, either way): that pass's answers as they were, so
    // nothing is shown there that was not answered, and nothing answered is asked again. Within
    // the pass, the numbers may have changed under the answers (afterChange).
    const otherPass =
      edit.history.length !== history.length || edit.history.at(-1) !== history.at(-1);
    const next = otherPass ? { ...edit, predict: { ...predict, ...pass } } : edit;
    set({
      ...next,
      ...afterChange(get(), next),
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
      set({ past: past.slice(0, -1), future: [entryOf(get()), ...future], inGesture: false });
      restore(previous);
    },
    redo() {
      const { past, future } = get();
      const next = future[0];
      if (!next) return;
      set({ past: [...past, entryOf(get())], future: future.slice(1), inGesture: false });
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
