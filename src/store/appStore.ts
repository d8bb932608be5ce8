import { createStore } from 'zustand/vanilla';
import type { AppState, AppStore } from './actions';
import { DEFAULT_EXAMPLE } from './examples';
import { stateFromExample } from './edits';
import { createEditSlice } from './slices/edit';
import { createPassSlice } from './slices/pass';
import { createPredictSlice } from './slices/predict';
import { createUndoSlice } from './slices/undo';
import { createViewSlice } from './slices/view';
import { LIMITS, type NetworkSizes } from './limits';
import type { LearnerState } from './types';

export type {
  Actions,
  AppState,
  AppStore,
  EditActions,
  Outcome,
  PassActions,
  PredictActions,
  UndoActions,
  Verdict,
  ViewActions,
} from './actions';
export { DEFAULT_VIEW } from './types';
export { stateFromExample } from './edits';
export { selectionFits } from './shape';

/**
 * The stepper's one store: the learner's work (`init` over the default example) and four slices
 * of actions — stepping through the pass, editing the work, the view, undo, predict first. The
 * Train tab's bench is a store of the same kind whose networks may be as large as TRAINING_SIZES.
 */
export function createAppStore(
  init: Partial<LearnerState> = {},
  sizes: NetworkSizes = LIMITS,
): AppStore {
  return createStore<AppState>()((...a) => ({
    ...stateFromExample(DEFAULT_EXAMPLE),
    ...init,
    ...createPassSlice(sizes)(...a),
    ...createEditSlice(sizes)(...a),
    ...createViewSlice(...a),
    ...createUndoSlice(...a),
    ...createPredictSlice(...a),
  }));
}
