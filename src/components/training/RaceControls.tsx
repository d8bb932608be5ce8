import { OptimizerFields } from '../controls/OptimizerFields';
import { useChoices, useRun, useTrainingKit } from './kit';

/**
 * "Race two optimizers": a second copy of the network trained beside the first on the same data,
 * mini-batches and seed, with the "Second optimizer" and its own hyper-parameters.
 */
export function RaceControls() {
  const { choices, controller } = useTrainingKit();
  const race = useChoices((s) => s.race);
  const raceOptimizer = useChoices((s) => s.raceOptimizer);
  const trained = useRun((s) => s.examplesSeen > 0);
  return (
    <>
      <label
        className="inline-label"
        title={
          trained && !race
            ? 'Both runs start again from the initial weights, so the curves start from the same network (Undo brings this run back)'
            : 'Train a second copy of the network beside this one, on the same mini-batches, with another optimizer'
        }
      >
        <input
          type="checkbox"
          checked={race}
          onChange={(event) => void controller.race(event.target.checked)}
        />
        Race two optimizers
      </label>
      {race && (
        <OptimizerFields
          label="Second optimizer"
          owner="Second optimizer"
          optimizer={raceOptimizer}
          onChange={(next) => choices.getState().setRaceOptimizer(next)}
        />
      )}
    </>
  );
}
