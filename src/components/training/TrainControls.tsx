import { REGULARIZATIONS, type Regularization } from '../../engine';
import { LIMITS } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { stepThroughThisNetwork } from '../../training/moves';
import { seedProblem, TRAINING_LIMITS } from '../../training/store';
import {
  STOP_KINDS,
  TRAINING_SPEEDS,
  type StopKind,
  type TrainingSpeed,
} from '../../training/choices';
import { NumberField } from '../controls/NumberField';
import { OptimizerFields } from '../controls/OptimizerFields';
import { TrainBiasesBox } from '../controls/TrainBiasesBox';
import { useChoices, useRun, useTrainingKit } from './kit';
import { RaceControls } from './RaceControls';
import { TrainStatus } from './TrainStatus';
import { TrainWork } from './TrainWork';

const REGULARIZATION_NAMES: Record<Regularization, string> = {
  none: 'none',
  L1: 'L1: λΣ|w|',
  L2: 'L2: λΣ½w²',
};

/** Play/pause, single steps, reset; η, batch size, regularization, stop condition, speed. */
export function TrainControls() {
  const app = useAppStoreApi();
  const kit = useTrainingKit();
  const { choices, controller, stepper } = kit;
  const running = useRun((s) => s.status === 'running');
  const learningRate = useApp((s) => s.learningRate);
  const optimizer = useApp((s) => s.optimizer);
  const batchSize = useChoices((s) => s.batchSize);
  const regularization = useChoices((s) => s.regularization);
  const rate = useChoices((s) => s.regularizationRate);
  const stop = useChoices((s) => s.stop);
  const speed = useChoices((s) => s.speed);
  const initSeed = useChoices((s) => s.initSeed);
  const c = () => choices.getState();

  return (
    <div className="train-controls" role="group" aria-label="Training controls">
      <div className="train-buttons">
        <button
          type="button"
          className="primary train-play"
          onClick={() => (running ? void controller.pause() : controller.play())}
        >
          {running ? 'Pause training' : 'Train'}
        </button>
        <button type="button" onClick={() => void controller.oneEpoch()}>
          One epoch
        </button>
        <button
          type="button"
          onClick={() => void stepThroughThisNetwork(stepper, kit)}
          title="Open this network in the stepper with the mini-batch it would train on next: the exact pass training would run next (Undo there brings back what the stepper had)"
        >
          Step through this network
        </button>
        <button
          type="button"
          onClick={() => void controller.reset(false)}
          title={`Back to the initial weights of seed ${initSeed}; the curves start over`}
        >
          Reset
        </button>
        <button
          type="button"
          onClick={() => void controller.reset(true)}
          title="Draw new initial weights (the next seed) and start over; Undo brings the run back"
        >
          New seed
        </button>
        <NumberField
          label="Weight seed"
          value={initSeed}
          min={0}
          max={TRAINING_LIMITS.maxSeed}
          step={1}
          digits={10}
          onCommit={(seed) => {
            const problem = seedProblem(seed);
            if (problem === null && seed !== initSeed) void controller.reset(seed);
            return problem;
          }}
        />
      </div>
      <div className="train-fields">
        <NumberField
          label="Learning rate η"
          value={learningRate}
          min={0}
          max={LIMITS.maxLearningRate}
          step={0.01}
          digits={6}
          onCommit={(v) => app.getState().setLearningRate(v)}
        />
        <OptimizerFields
          optimizer={optimizer}
          onChange={(next) => app.getState().setOptimizer(next)}
        />
        <RaceControls />
        <TrainBiasesBox className="inline-label" />
        <NumberField
          label="Batch size"
          value={batchSize}
          min={1}
          max={LIMITS.maxSamples}
          step={1}
          digits={3}
          onCommit={(v) => c().setBatchSize(v)}
        />
        <label className="inline-label">
          Regularization
          <select
            value={regularization}
            onChange={(e) => c().setRegularization(e.target.value as Regularization)}
          >
            {REGULARIZATIONS.map((r) => (
              <option key={r} value={r}>
                {REGULARIZATION_NAMES[r]}
              </option>
            ))}
          </select>
        </label>
        {regularization !== 'none' && (
          <NumberField
            label="Regularization rate λ"
            value={rate}
            min={0}
            max={TRAINING_LIMITS.maxRegularizationRate}
            step={0.001}
            digits={6}
            onCommit={(v) => c().setRegularizationRate(v)}
          />
        )}
        <label className="inline-label">
          Stop
          <select
            value={stop.kind}
            onChange={(e) => c().setStop({ kind: e.target.value as StopKind })}
          >
            {STOP_KINDS.map((kind) => (
              <option key={kind.id} value={kind.id}>
                {kind.label}
              </option>
            ))}
          </select>
        </label>
        {stop.kind === 'epochs' && (
          <NumberField
            label="Stop after epochs"
            value={stop.epochs}
            min={1}
            max={TRAINING_LIMITS.maxEpochs}
            step={10}
            digits={7}
            onCommit={(v) => c().setStop({ epochs: v })}
          />
        )}
        {stop.kind === 'loss' && (
          <NumberField
            label="Stop at training loss ≤"
            value={stop.loss}
            min={0}
            max={LIMITS.maxAbsValue}
            step={0.001}
            digits={6}
            onCommit={(v) => c().setStop({ loss: v })}
          />
        )}
        <label className="inline-label">
          Speed
          <select value={speed} onChange={(e) => c().setSpeed(e.target.value as TrainingSpeed)}>
            {TRAINING_SPEEDS.map((s) => (
              <option key={s.id} value={s.id}>
                {s.label}
              </option>
            ))}
          </select>
        </label>
      </div>
      {regularization !== 'none' && (
        <p className="hint">
          {regularization === 'L1'
            ? 'L1 adds λΣ|w| to the loss, so λ·sign(w) to each ∂L/∂w.'
            : 'L2 adds λΣ½w² to the loss, so λ·w to each ∂L/∂w (weight decay).'}{' '}
          Weights only — never the biases. The curves show the data loss; the stepper shows the pass
          without the penalty.
        </p>
      )}
      <TrainStatus />
      <TrainWork />
    </div>
  );
}
