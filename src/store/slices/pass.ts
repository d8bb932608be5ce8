import { freshState, type OptimizerState, type PassStep } from '../../engine';
import type { PassActions, Slice } from '../actions';
import { LIMITS, type NetworkSizes } from '../limits';
import { forwardBlocked, furthestStep } from '../predict';
import { stepsOf, updateOf } from '../selectors';
import { askAgain, newPass, type LearnerState } from '../types';
import { nextNetworkProblem } from '../workCheck';

/** Buffers a state holds (0 for SGD, 1 for momentum or RMSProp, 2 for Adam): network-sized each. */
const buffersIn = (state: OptimizerState) => (state.m ? 1 : 0) + (state.v ? 1 : 0);

/** The history's states, one per network (fresh ones in front where an older save kept none). */
function alignedStates(s: LearnerState): OptimizerState[] {
  const missing = s.history.length - s.optimizerHistory.length;
  return [
    ...Array.from({ length: Math.max(0, missing) }, () => freshState(s.optimizer)),
    ...s.optimizerHistory.slice(Math.max(0, -missing)),
  ];
}

/**
 * The newest passes of the history that fit in the room of LIMITS.maxHistory networks, counting
 * each optimizer buffer as a network (the current state's too): 20 passes with SGD, 9 with
 * momentum or RMSProp, 6 with Adam, so the largest work's link stays within its caps.
 */
function keptHistory(
  history: LearnerState['history'],
  states: OptimizerState[],
  current: OptimizerState,
): Pick<LearnerState, 'history' | 'optimizerHistory'> {
  let room = LIMITS.maxHistory - buffersIn(current);
  let first = history.length;
  while (first > 0) {
    const size = 1 + buffersIn(states[first - 1] as OptimizerState);
    if (size > room || history.length - first >= LIMITS.maxHistory) break;
    room -= size;
    first--;
  }
  return { history: history.slice(first), optimizerHistory: states.slice(first) };
}

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

/**
 * Stepping through one pass, and past its update into the next. With predict first on, a move
 * forward stops at the first step that still asks something (predict.ts), and Step forward waits
 * until the current step's questions are answered or shown.
 */
export const createPassSlice =
  (sizes: NetworkSizes): Slice<PassActions> =>
  (set, get) => {
    const lastStep = () => stepsOf(get().network, get().granularity).length - 1;
    return {
      stepForward() {
        const { stepIndex, network, samples, history, predict } = get();
        const blocked = forwardBlocked(get());
        if (blocked) return blocked;
        if (stepIndex < lastStep()) {
          set({ stepIndex: stepIndex + 1 });
          return null;
        }
        // Past the update: the updated network becomes the one the next pass runs on — if it is one
        // the work can keep and run on (a diverging descent soon leaves every bound).
        const { network: updated, state } = updateOf(network, samples, get());
        const problem = nextNetworkProblem(get(), updated, state, sizes);
        if (problem) {
          return `Stopped before the update: ${problem} Gradient descent is diverging; lower the learning rate η and step forward again.`;
        }
        set({
          network: updated,
          optimizerState: state,
          stepIndex: 0,
          ...keptHistory(
            [...history, network],
            [...alignedStates(get()), get().optimizerState],
            state,
          ),
          predict: newPass(predict),
        });
        return null;
      },
      stepBack() {
        const { stepIndex, history, optimizerHistory, optimizer } = get();
        if (stepIndex > 0) {
          set({ stepIndex: stepIndex - 1 });
          return;
        }
        const previous = history[history.length - 1];
        if (!previous) return;
        // Undo the last update: back to the end of the pass that made it, which asks nothing again,
        // and to the optimizer's state before it (fresh when an older save kept none).
        const aligned = optimizerHistory.length === history.length;
        set({
          network: previous,
          history: history.slice(0, -1),
          optimizerState: (aligned && optimizerHistory.at(-1)) || freshState(optimizer),
          optimizerHistory: aligned ? optimizerHistory.slice(0, -1) : optimizerHistory,
          stepIndex: stepsOf(previous, get().granularity).length - 1,
          predict: { ...newPass(get().predict), passDone: true },
        });
      },
      resetPass() {
        // The pass from its start: every value asked again (what was scored stays scored).
        set({ stepIndex: 0, predict: askAgain(get().predict) });
      },
      goToEnd() {
        set({ stepIndex: furthestStep(get(), lastStep()) });
      },
      goToStep(index) {
        const wanted = Math.max(0, Math.min(lastStep(), Math.round(index)));
        set({ stepIndex: wanted > get().stepIndex ? furthestStep(get(), wanted) : wanted });
      },
      setGranularity(granularity) {
        const { network, granularity: current, stepIndex } = get();
        if (granularity === current) return;
        const step = stepsOf(network, current)[stepIndex] ?? { kind: 'start' };
        set({ granularity, stepIndex: equivalentStep(stepsOf(network, granularity), step) });
      },
    };
  };
