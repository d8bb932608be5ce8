import { useId, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import {
  ACTIVATION_REGISTRY,
  ACTIVATIONS,
  LOSS_REGISTRY,
  LOSSES,
  type Activation,
  type Loss,
} from '../../engine';
import { LIMITS, layerSizes, lockOf } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { notationOf } from '../../math';
import { NumberField } from './NumberField';
import { OptimizerFields } from './OptimizerFields';
import { TrainBiasesBox } from './TrainBiasesBox';

function layerName(layer: number, L: number): string {
  return layer === 0 ? 'Input' : layer === L ? 'Output' : `Hidden ${layer}`;
}

/**
 * Layers, units, activations, loss, learning rate and whether the update moves the biases;
 * refusals explained where they happen.
 */
export function ArchitecturePanel() {
  const store = useAppStoreApi();
  // The shape, activations and loss only: a weight edit must not redraw this panel.
  const sizes = useApp(useShallow((s) => layerSizes(s.network)));
  const activations = useApp(useShallow((s) => s.network.layers.map((l) => l.activation)));
  const loss = useApp((s) => s.network.loss);
  const learningRate = useApp((s) => s.learningRate);
  const optimizer = useApp((s) => s.optimizer);
  // A state of another optimizer counts as none (engine: stateFor).
  const steps = useApp((s) =>
    s.optimizerState.kind === s.optimizer.kind ? s.optimizerState.t : 0,
  );
  const notation = useApp((s) => s.notation);
  const shapeLocked = useApp((s) => lockOf(s, 'shape'));
  const learningRateLocked = useApp((s) => lockOf(s, 'learningRate'));
  const lossId = useId();
  const [message, setMessage] = useState<{ where: string; text: string } | null>(null);
  const L = sizes.length - 1;
  const report = (where: string, outcome: string | null) =>
    setMessage(outcome ? { where, text: outcome } : null);
  const errorFor = (where: string) =>
    message?.where === where ? (
      <span className="field-error" role="alert">
        {message.text}
      </span>
    ) : null;

  return (
    <div className="architecture">
      <h2>Network</h2>
      <table className="layers">
        <thead>
          <tr>
            <th scope="col">Layer</th>
            <th scope="col">Units</th>
            <th scope="col">Activation</th>
            <th scope="col">
              <span className="visually-hidden">Actions</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {sizes.map((units, layer) => (
            <tr key={layer}>
              <th scope="row">{layerName(layer, L)}</th>
              <td>
                <NumberField
                  label={`Units in ${layerName(layer, L).toLowerCase()} layer`}
                  showLabel={false}
                  locked={shapeLocked}
                  value={units}
                  min={1}
                  max={
                    layer === 0
                      ? LIMITS.maxInputs
                      : layer === L
                        ? LIMITS.maxOutputs
                        : LIMITS.maxUnits
                  }
                  step={1}
                  digits={3}
                  onCommit={(v) => {
                    if (!Number.isInteger(v)) return 'A whole number, please.';
                    return store.getState().setUnits(layer, v);
                  }}
                />
              </td>
              <td>
                {layer > 0 && (
                  <>
                    <select
                      aria-label={`Activation of ${layerName(layer, L).toLowerCase()} layer`}
                      value={activations[layer - 1]}
                      disabled={shapeLocked !== null}
                      title={shapeLocked ?? undefined}
                      onChange={(event) =>
                        report(
                          `act${layer}`,
                          store.getState().setActivation(layer, event.target.value as Activation),
                        )
                      }
                    >
                      {ACTIVATIONS.map((a) => (
                        <option key={a} value={a}>
                          {ACTIVATION_REGISTRY[a].label}
                        </option>
                      ))}
                    </select>
                    {errorFor(`act${layer}`)}
                  </>
                )}
              </td>
              <td className="row-buttons">
                {layer > 0 && layer < L && (
                  <button
                    type="button"
                    disabled={shapeLocked !== null}
                    onClick={() => report('layers', store.getState().removeHiddenLayer(layer))}
                  >
                    Remove {layerName(layer, L).toLowerCase()}
                  </button>
                )}
                {layer > 0 && (
                  <button
                    type="button"
                    disabled={shapeLocked !== null}
                    title={`Insert a hidden layer before ${layerName(layer, L).toLowerCase()}`}
                    onClick={() => report('layers', store.getState().addHiddenLayer(layer))}
                  >
                    Add layer before
                  </button>
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      {errorFor('layers')}
      <div className="stacked">
        <label htmlFor={lossId}>Loss</label>
        <select
          id={lossId}
          value={loss}
          disabled={shapeLocked !== null}
          title={shapeLocked ?? undefined}
          onChange={(event) => report('loss', store.getState().setLoss(event.target.value as Loss))}
        >
          {LOSSES.map((l) => (
            <option key={l} value={l}>
              {LOSS_REGISTRY[l].label}
            </option>
          ))}
        </select>
        {errorFor('loss')}
      </div>
      <NumberField
        label={`Learning rate ${notationOf(notation).learningRate.text}`}
        value={learningRate}
        min={0}
        max={LIMITS.maxLearningRate}
        step={0.01}
        onCommit={(v) => store.getState().setLearningRate(v)}
        locked={learningRateLocked}
      />
      <OptimizerFields
        optimizer={optimizer}
        onChange={(next) => store.getState().setOptimizer(next)}
      />
      {optimizer.kind !== 'sgd' && (
        <p className="hint optimizer-state" data-testid="optimizer-state">
          Its state carries from pass to pass:{' '}
          {steps === 0
            ? 'no step taken yet (t = 0, every m and v is 0)'
            : `t = ${steps} step${steps === 1 ? '' : 's'} taken`}
          . The update step shows it for each parameter.
        </p>
      )}
      <TrainBiasesBox className="inline-label checkbox" />
    </div>
  );
}
