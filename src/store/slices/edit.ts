import type { EditActions, Outcome, Slice } from '../actions';
import * as edits from '../edits';
import { drawExerciseSeed, loadExercise } from '../exercises';
import { admit, type Proposal } from '../gate';
import { afterChange } from '../predict';
import type { NetworkSizes } from '../limits';
import { recorded } from './undo';

/** Seeds for the fresh weights of new units and layers: each architecture edit draws others. */
let freshSeed = 1;

/**
 * Changes to the learner's work: each action is a pure edit (edits.ts) through the one gate
 * (gate.ts), then recorded for undo. A refused edit changes nothing and returns the reason.
 */
export const createEditSlice =
  (sizes: NetworkSizes): Slice<EditActions> =>
  (set, get) => {
    const apply = (proposal: Proposal | string): Outcome => {
      if (typeof proposal === 'string') return proposal;
      // Nothing to change (the same learning rate again): no undo step either.
      if (Object.keys(proposal).length === 0) return null;
      const next = admit(get(), proposal, sizes);
      if (typeof next === 'string') return next;
      set({ ...recorded(get()), ...next, ...afterChange(get(), next) });
      return null;
    };

    return {
      loadExample: (id) => apply(edits.loadExample(get(), id)),
      newExercise: (kind, batchOfTwo, seed = drawExerciseSeed()) =>
        apply(loadExercise(get(), { kind, seed, batchOfTwo })),
      setParameter: (parameter, value) => apply(edits.setParameter(get(), parameter, value)),
      setLearningRate: (value) => apply(edits.setLearningRate(get(), value)),
      setTrainBiases: (on) => apply(edits.setTrainBiases(get(), on)),
      setOptimizer: (optimizer) => apply(edits.setOptimizer(get(), optimizer)),
      setActivation: (layer, activation) => apply(edits.setActivation(get(), layer, activation)),
      setLoss: (loss) => apply(edits.setLoss(get(), loss)),
      setUnits: (layer, units) => apply(edits.setUnits(get(), layer, units, freshSeed++)),
      addHiddenLayer: (position) => apply(edits.addHiddenLayer(get(), position, freshSeed++)),
      removeHiddenLayer: (layer) => apply(edits.removeHiddenLayer(get(), layer, freshSeed++)),
      addSample: () => apply(edits.addSample(get())),
      removeSample: (index) => apply(edits.removeSample(get(), index)),
      setNetwork: (network, samples, carried) =>
        apply(edits.setNetwork(get(), network, samples, carried)),
      replaceWork(state) {
        // Already checked completely where it was read (parseSaved).
        set({ ...recorded(get()), ...state });
      },
    };
  };
