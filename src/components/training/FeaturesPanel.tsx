import { useShallow } from 'zustand/react/shallow';
import { availableFeatures, featureName } from '../../data';
import { datasetOf } from '../../training/selectors';
import { useChoices, useTrainingKit } from './kit';
import { useState } from 'react';

/** Playground's input features: what the network is given, computed from x₁ and x₂. */
export function FeaturesPanel() {
  const { choices } = useTrainingKit();
  const rawNames = useChoices(useShallow((s) => datasetOf(s).inputNames));
  const rawInputs = rawNames.length;
  const chosen = useChoices((s) => s.features);
  const [error, setError] = useState<string | null>(null);
  const features = availableFeatures(rawInputs);

  return (
    <fieldset className="panel features-panel">
      <legend>Input features</legend>
      {features.length === 0 ? (
        <p className="hint">
          This data has {rawInputs} inputs; they go into the network as they are.
        </p>
      ) : (
        <div className="feature-list">
          {features.map((feature) => (
            <label key={feature.id} className="feature">
              <input
                type="checkbox"
                checked={chosen.includes(feature.id)}
                onChange={(e) =>
                  setError(choices.getState().setFeature(feature.id, e.target.checked))
                }
              />
              {featureName(feature, rawNames)}
            </label>
          ))}
        </div>
      )}
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}
