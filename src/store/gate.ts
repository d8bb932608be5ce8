import { LIMITS, type NetworkSizes } from './limits';
import { layerSizes } from './shape';
import { newPass, type LearnerState } from './types';
import { partProblem, workProblem } from './workCheck';

/**
 * What an edit proposes: the choices it changes. A network or batch in it is the whole one after
 * the edit.
 */
export type Proposal = Partial<LearnerState>;

/** A proposal's parts, each checked against the saved work's schema. */
function firstPartProblem(
  current: LearnerState,
  next: Partial<LearnerState>,
  sizes: NetworkSizes,
): string | null {
  const work = { ...current, ...next };
  for (const key of Object.keys(next) as (keyof LearnerState)[]) {
    const problem = partProblem(work, key, work[key], sizes);
    if (problem) return problem;
  }
  return null;
}

/**
 * The one gate for every change of the learner's work: what it would leave must be a work that can
 * be saved and read back (workCheck.ts, the same check a load makes), or the learner keeps what
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
                history: [],
                exampleId: null,
                exercise: null,
                predict: newPass(current.predict),
              }
            : {}),
          ...proposal,
        }
      : { ...proposal };
  // The example's notes said why its biases were frozen; a network of the learner's own trains them.
  if (current.exampleId !== null && next.exampleId === null && proposal.trainBiases === undefined)
    next.trainBiases = true;
  const problem = firstPartProblem(current, next, sizes) ?? workProblem({ ...current, ...next });
  return problem ?? next;
}
