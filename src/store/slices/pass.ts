import type { PassStep } from '../../engine';
import type { PassActions, Slice } from '../actions';
import { LIMITS, type NetworkSizes } from '../limits';
import { stepsOf, updateOf } from '../selectors';
import { nextNetworkProblem } from '../workCheck';

/** Steps of the same kind and layer in another granularity: the last one, so progress is kept. */
function equivalentStep(steps: PassStep[], step: PassStep): number {
  let found = 0;
  steps.forEach((candidate, index) => {
    const sameLayer =
      !('layer' in step) || ('layer' in candidate && candidate.layer === step.layer);
    const sameUnit =
      !('unit' in step) ||
      step.unit === undefined ||
      !('unit' in candidate) ||
      candidate.unit === step.unit;
    if (candidate.kind === step.kind && sameLayer && sameUnit) found = index;
  });
  return found;
}

/** Stepping through one pass, and past its update into the next. */
export const createPassSlice =
  (sizes: NetworkSizes): Slice<PassActions> =>
  (set, get) => {
    const lastStep = () => stepsOf(get().network, get().granularity).length - 1;
    return {
      stepForward() {
        const { stepIndex, network, samples, learningRate, trainBiases, history } = get();
        if (stepIndex < lastStep()) {
          set({ stepIndex: stepIndex + 1 });
          return null;
        }
        // Past the update: the updated network becomes the one the next pass runs on — if it is one
        // the work can keep and run on (a diverging descent soon leaves every bound).
        const updated = updateOf(network, samples, learningRate, trainBiases).network;
        const problem = nextNetworkProblem(get(), updated, sizes);
        if (problem) {
          return `Stopped before the update: ${problem} Gradient descent is diverging; lower the learning rate η and step forward again.`;
        }
        set({
          network: updated,
          stepIndex: 0,
          history: [...history, network].slice(-LIMITS.maxHistory),
        });
        return null;
      },
      stepBack() {
        const { stepIndex, history } = get();
        if (stepIndex > 0) {
          set({ stepIndex: stepIndex - 1 });
          return;
        }
        const previous = history[history.length - 1];
        if (!previous) return;
        // Undo the last update: back to the end of the pass that made it.
        set({
          network: previous,
          history: history.slice(0, -1),
          stepIndex: stepsOf(previous, get().granularity).length - 1,
        });
      },
      resetPass() {
        set({ stepIndex: 0 });
      },
      goToEnd() {
        set({ stepIndex: lastStep() });
      },
      goToStep(index) {
        set({ stepIndex: Math.max(0, Math.min(lastStep(), Math.round(index))) });
      },
      setGranularity(granularity) {
        const { network, granularity: current, stepIndex } = get();
        if (granularity === current) return;
        const step = stepsOf(network, current)[stepIndex] ?? { kind: 'start' };
        set({ granularity, stepIndex: equivalentStep(stepsOf(network, granularity), step) });
      },
    };
  };
