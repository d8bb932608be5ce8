import { useApp, useAppStoreApi } from '../../store/context';

/** "Train biases": whether the update moves the biases too (the stepper's and the Train tab's). */
export function TrainBiasesBox({ className }: { className: string }) {
  const store = useAppStoreApi();
  const trainBiases = useApp((s) => s.trainBiases);
  return (
    <label className={className}>
      <input
        type="checkbox"
        checked={trainBiases}
        onChange={(event) => store.getState().setTrainBiases(event.target.checked)}
      />
      Train biases
    </label>
  );
}
