import { loadRealTextsNamedIn } from '../data/realDatasets';
import { loadTrainingChoices, trainingToJson } from '../training/persist';
import type { Workbench } from '../training/workbench';
import type { TrainingSide } from './session';

/** The Train tab's work as a session saves it: serialized as trainingToJson writes it. */
export function trainingSideOf(bench: Workbench): TrainingSide {
  return {
    serialize() {
      const { choices, work } = bench.snapshot();
      return trainingToJson(choices, work);
    },
    adopt: (text) => bench.adopt(loadTrainingChoices(text)),
    prepare: (text) => loadRealTextsNamedIn(text).catch(() => {}),
    subscribe: bench.subscribe,
  };
}
