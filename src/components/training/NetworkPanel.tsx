import { useState } from 'react';
import {
  ACTIVATION_REGISTRY,
  ELEMENTWISE_ACTIVATIONS,
  initializeNetwork,
  LOSS_REGISTRY,
  type Activation,
} from '../../engine';
import { LIMITS, layerSizes } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { outputFor, preparedOf } from '../../training/selectors';
import { learnerOf, workToJson } from '../../store/persist';
import { downloadText } from '../controls/download';
import { NumberField } from '../controls/NumberField';
import { useChoices, useTrainingKit } from './kit';

const PRESETS: { name: string; hidden: number[]; activation: Activation }[] = [
  { name: '4, 2 · tanh (Playground)', hidden: [4, 2], activation: 'tanh' },
  { name: '8, 8 · ReLU', hidden: [8, 8], activation: 'relu' },
  {
    name: '6 × 8 · sigmoid (vanishing gradients)',
    hidden: [8, 8, 8, 8, 8, 8],
    activation: 'sigmoid',
  },
];

/** The hidden layers: input and output follow from the data. */
export function NetworkPanel() {
  const app = useAppStoreApi();
  const { choices, controller } = useTrainingKit();
  const network = useApp((s) => s.network);
  const data = useChoices(preparedOf);
  const [error, setError] = useState<string | null>(null);
  const sizes = layerSizes(network);
  const L = network.layers.length;
  const hiddenActivation = network.layers[0]?.activation ?? 'tanh';
  const output = outputFor(data);
  const report = (outcome: string | null) => setError(outcome);

  const applyPreset = (hidden: number[], activation: Activation) => {
    const next = initializeNetwork(
      {
        inputSize: data.inputNames.length,
        loss: output.loss,
        layers: [
          ...hidden.map((units) => ({ units, activation })),
          { units: output.units, activation: output.activation },
        ],
      },
      choices.getState().initSeed,
    );
    report(app.getState().setNetwork(next));
  };

  return (
    <section className="panel network-panel" aria-labelledby="network-heading">
      <h2 id="network-heading">Network</h2>
      <p className="shape" data-testid="network-shape">
        {sizes.join(' → ')}
      </p>
      <p className="hint">
        Input:{' '}
        {data.inputNames.length <= 8
          ? data.inputNames.join(', ')
          : `${data.inputNames.length} columns, ${data.inputNames[0]} to ${data.inputNames[data.inputNames.length - 1]}`}
        . Output: {output.units} {ACTIVATION_REGISTRY[output.activation].label} unit
        {output.units === 1 ? '' : 's'}, {LOSS_REGISTRY[network.loss].label}.
      </p>
      <ol className="hidden-layers">
        {sizes.slice(1, -1).map((units, index) => {
          const layer = index + 1;
          return (
            <li key={layer}>
              <span className="layer-name" aria-hidden="true">
                Layer {layer}
              </span>
              <NumberField
                label={`Units in hidden layer ${layer}`}
                showLabel={false}
                value={units}
                min={1}
                max={LIMITS.maxUnits}
                step={1}
                digits={3}
                onCommit={(v) =>
                  Number.isInteger(v)
                    ? app.getState().setUnits(layer, v)
                    : 'A whole number, please.'
                }
              />
              <span className="muted">units</span>
              <button type="button" onClick={() => report(app.getState().removeHiddenLayer(layer))}>
                <span aria-hidden="true">Remove</span>
                <span className="visually-hidden">Remove hidden layer {layer}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <div className="row-buttons">
        <button
          type="button"
          disabled={L - 1 >= LIMITS.maxHiddenLayers}
          onClick={() => report(app.getState().addHiddenLayer(L))}
        >
          Add hidden layer
        </button>
        {L > 1 && (
          <label className="inline-label">
            Hidden activation
            <select
              value={hiddenActivation}
              onChange={(e) => {
                const activation = e.target.value as Activation;
                for (let l = 1; l < L; l++) {
                  const outcome = app.getState().setActivation(l, activation);
                  if (outcome) return report(outcome);
                }
                report(null);
              }}
            >
              {ELEMENTWISE_ACTIVATIONS.map((a) => (
                <option key={a} value={a}>
                  {ACTIVATION_REGISTRY[a].label}
                </option>
              ))}
            </select>
          </label>
        )}
      </div>
      <label className="stacked">
        Start from
        <select
          value=""
          onChange={(e) => {
            const preset = PRESETS[Number(e.target.value)];
            if (preset) applyPreset(preset.hidden, preset.activation);
          }}
        >
          <option value="">a preset network…</option>
          {PRESETS.map((p, i) => (
            <option key={p.name} value={i}>
              {p.name}
            </option>
          ))}
        </select>
      </label>
      <button
        type="button"
        onClick={async () => {
          // Training hands its network to its store when it pauses.
          await controller.pause();
          downloadText(
            'backstep-trained-network.json',
            workToJson(learnerOf(app.getState())),
            'application/json',
          );
        }}
        title="The network as trained so far, with its weights; Import JSON (in Step through a pass) reads it back"
      >
        Export the weights (JSON)
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </section>
  );
}
