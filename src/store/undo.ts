import type { LearnerState } from './types';

/** What undo brings back: the learner's work, not where they were looking. */
export type Edit = Pick<
  LearnerState,
  'network' | 'samples' | 'learningRate' | 'exampleId' | 'sampleIndex' | 'stepIndex' | 'history'
>;

export interface UndoState {
  past: Edit[];
  future: Edit[];
  /** True while a drag is under way: the whole drag is one undo step. */
  inGesture: boolean;
  gestureRecorded: boolean;
}

export const MAX_UNDO = 200;

export function editOf(s: LearnerState): Edit {
  return {
    network: s.network,
    samples: s.samples,
    learningRate: s.learningRate,
    exampleId: s.exampleId,
    sampleIndex: s.sampleIndex,
    stepIndex: s.stepIndex,
    history: s.history,
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
