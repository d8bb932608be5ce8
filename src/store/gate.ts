import { validateBatch, validateNetwork } from '../engine';
import { compatibilityProblem, layerSizes } from './shape';
import type { LearnerState } from './types';

/**
 * What an edit proposes: the choices it changes. A network or batch in it is the whole one after
 * the edit.
 */
export type Proposal = Partial<LearnerState>;

/**
 * The one gate for every change of the learner's work: a new network or batch must pass the
 * engine's checks, or the learner keeps what they had and hears why (the returned string). Else
 * the state to set: a new shape is the learner's own network, so the pass starts again and the
 * example's title and notes go (the proposal may say otherwise).
 */
export function admit(current: LearnerState, proposal: Proposal): Partial<LearnerState> | string {
  if (!proposal.network && !proposal.samples) return proposal;
  const network = proposal.network ?? current.network;
  const samples = proposal.samples ?? current.samples;
  const problem = compatibilityProblem(network);
  if (problem) return problem;
  try {
    validateNetwork(network);
    validateBatch(network, samples);
  } catch (error) {
    return (error as Error).message;
  }
  const shapeChanged =
    layerSizes(network).join() !== layerSizes(current.network).join() ||
    network.layers.length !== current.network.layers.length;
  const next: Partial<LearnerState> = {
    network,
    samples,
    sampleIndex: Math.min(current.sampleIndex, samples.length - 1),
    ...(shapeChanged ? { stepIndex: 0, selection: null, history: [], exampleId: null } : {}),
    ...proposal,
  };
  // The example's notes said why its biases were frozen; a network of the learner's own trains them.
  if (current.exampleId !== null && next.exampleId === null && proposal.trainBiases === undefined)
    next.trainBiases = true;
  return next;
}
