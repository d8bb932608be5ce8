import {
  EXERCISE_KINDS,
  MAX_EXERCISE_SEED,
  exercise,
  type ExerciseId,
} from '../practice/exercises';
import type { Proposal } from './gate';
import { newPass, startOver, type LearnerState } from './types';

/**
 * An exercise to work through by hand, as an edit: its network, batch, η and "Train biases", at the
 * start of its pass, with its kind and seed kept in the work (and so in its share link). The view
 * (notation, digits, hidden panels) stays the learner's.
 */
export function loadExercise(state: LearnerState, id: ExerciseId): Proposal | string {
  if (!EXERCISE_KINDS.includes(id.kind)) return `There is no exercise kind "${String(id.kind)}".`;
  if (!Number.isInteger(id.seed) || id.seed < 1 || id.seed > MAX_EXERCISE_SEED)
    return `An exercise's seed is a whole number from 1 to ${MAX_EXERCISE_SEED}.`;
  const fresh = exercise(id.kind, id.seed, id.batchOfTwo);
  return {
    ...fresh,
    sampleIndex: 0,
    stepIndex: 0,
    selection: null,
    ...startOver(state.optimizer),
    optimizer: state.optimizer,
    exampleId: null,
    exercise: { kind: id.kind, seed: id.seed, batchOfTwo: id.batchOfTwo },
    view: state.view,
    // A new network: the answers of the pass so far are for another one.
    predict: newPass(state.predict),
    picture: null,
  };
}

/** A seed for "New exercise": any of the 9,999, so two clicks rarely give the same one. */
export function drawExerciseSeed(): number {
  return 1 + Math.floor(Math.random() * MAX_EXERCISE_SEED);
}
