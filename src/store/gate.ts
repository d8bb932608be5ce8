import { setNetwork } from './edits';
import { LIMITS, type NetworkSizes } from './limits';
import { layerSizes } from './shape';
import { newPass, startOver, type LearnerState, type LessonLock } from './types';
import { partProblem, workProblem } from './workCheck';

/**
 * What an edit proposes: the choices it changes. A network or batch in it is the whole one after
 * the edit.
 */
export type Proposal = Partial<LearnerState>;

/**
 * A proposal's parts, each checked against the saved work's schema; a part it leaves as it is (the
 * same object) passed when it became the work's, and is not parsed again: a weight edit checks the
 * network, not the samples, and of the network only the layer it changed.
 */
function firstPartProblem(
  current: LearnerState,
  next: Partial<LearnerState>,
  sizes: NetworkSizes,
): string | null {
  const work = { ...current, ...next };
  for (const key of Object.keys(next) as (keyof LearnerState)[]) {
    if (next[key] === current[key]) continue;
    const problem =
      key === 'network'
        ? partProblem(work, key, work.network, sizes, current.network)
        : partProblem(work, key, work[key], sizes);
    if (problem) return problem;
  }
  return null;
}

const numbersOf = (network: LearnerState['network']) =>
  JSON.stringify(network.layers.map((layer) => [layer.weights, layer.biases]));
const shapeOf = (network: LearnerState['network']) =>
  JSON.stringify([layerSizes(network), network.layers.map((l) => l.activation), network.loss]);

/** Why a lesson's lock refuses what a change would leave, in the student's words. */
export const LOCK_REASONS: Record<LessonLock, string> = {
  parameters: 'This lesson locks the weights and biases: they stay as your teacher set them.',
  learningRate: 'This lesson locks the learning rate η: it stays as your teacher set it.',
  samples: 'This lesson locks the inputs and targets: they stay as your teacher set them.',
  shape: "This lesson locks the network's shape: its layers, units, activations and loss.",
};

/** The reason an open lesson locks this, or null (its editors are read-only then). */
export function lockOf(state: LearnerState, lock: LessonLock): string | null {
  return state.view.lesson && state.view.plan.locks.includes(lock) ? LOCK_REASONS[lock] : null;
}

/** Whether a change touches what each lock keeps. */
const TOUCHES: Record<LessonLock, (current: LearnerState, next: Partial<LearnerState>) => boolean> =
  {
    shape: (current, { network }) => !!network && shapeOf(network) !== shapeOf(current.network),
    parameters: (current, { network }) =>
      !!network && numbersOf(network) !== numbersOf(current.network),
    learningRate: (current, { learningRate }) =>
      learningRate !== undefined && learningRate !== current.learningRate,
    samples: (current, { samples }) =>
      !!samples && JSON.stringify(samples) !== JSON.stringify(current.samples),
  };
/** The shape first: a new shape changes the numbers too, and the shape is what was locked. */
const LOCK_ORDER: readonly LessonLock[] = ['shape', 'parameters', 'learningRate', 'samples'];

/** The lock of an open lesson that this change would break, or null. */
function lockProblem(current: LearnerState, next: Partial<LearnerState>): string | null {
  for (const lock of LOCK_ORDER) {
    const reason = lockOf(current, lock);
    if (reason && TOUCHES[lock](current, next)) return reason;
  }
  return null;
}

/**
 * The one gate for every change of the learner's work: what it would leave must be a work that can
 * be saved and read back (workCheck.ts, the same check a load makes) and keep an open lesson's
 * locks, or the learner keeps what
 * they had and hears why (the returned string). Else the state to set: a new shape is the
 * learner's own network, so the pass starts again and the example's title and notes go (the
 * proposal may say otherwise). `sizes`: the stepper's, or the Train tab's (its bench).
 */
export function admit(
  current: LearnerState,
  proposal: Proposal,
  sizes: NetworkSizes = LIMITS,
): Partial<LearnerState> | string {
  const network = proposal.network ?? current.network;
  const samples = proposal.samples ?? current.samples;
  const shapeChanged =
    layerSizes(network).join() !== layerSizes(current.network).join() ||
    network.layers.length !== current.network.layers.length;
  const next: Partial<LearnerState> =
    proposal.network || proposal.samples
      ? {
          network,
          samples,
          sampleIndex: Math.min(current.sampleIndex, samples.length - 1),
          ...(shapeChanged
            ? {
                stepIndex: 0,
                selection: null,
                ...startOver(proposal.optimizer ?? current.optimizer),
                exampleId: null,
                exercise: null,
                predict: newPass(current.predict),
              }
            : {}),
          // Inputs added or taken away: they are no longer the picture's pixels.
          ...(network.inputSize !== current.network.inputSize ? { picture: null } : {}),
          ...proposal,
        }
      : { ...proposal };
  // The example's notes said why its biases were frozen; a network of the learner's own trains them.
  if (current.exampleId !== null && next.exampleId === null && proposal.trainBiases === undefined)
    next.trainBiases = true;
  const problem =
    lockProblem(current, next) ??
    firstPartProblem(current, next, sizes) ??
    workProblem({ ...current, ...next });
  return problem ?? next;
}

/**
 * Run the gate once, result unused, on what a new network would propose (the work's own network
 * and samples through `setNetwork`): the first check in a page costs 20–30 ms more than the next —
 * zod builds its schemas' parts on their first parse and the engine's pass is compiled on its first
 * call — and that cost belongs in a quiet task of its own, not in the one that fits a network to
 * new data and shows it. Changes nothing.
 */
export function warmGate(current: LearnerState, sizes: NetworkSizes = LIMITS): void {
  const proposal = setNetwork(current, current.network, current.samples);
  if (typeof proposal !== 'string') admit(current, proposal, sizes);
}
