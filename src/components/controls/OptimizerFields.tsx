import { OPTIMIZER_REGISTRY, type Optimizer } from '../../engine';
import {
  OPTIMIZER_CHOICES,
  choiceOf,
  optimizerFor,
  type OptimizerChoice,
} from '../../store/optimizerChoice';
import { NumberField } from './NumberField';
import { useId, useState } from 'react';

/**
 * The "Optimizer" menu and its hyper-parameters, each a checked number field whose refusal is
 * said beside it. `onChange` tries an optimizer and returns why it was refused, or null. Shared
 * by the stepper and the Train tab.
 */
export function OptimizerFields({
  optimizer,
  onChange,
  disabled = false,
  label = 'Optimizer',
  owner = null,
}: {
  optimizer: Optimizer;
  onChange: (optimizer: Optimizer) => string | null;
  disabled?: boolean;
  /** The menu's name (a second one: "Second optimizer"). */
  label?: string;
  /** Whose hyper-parameters the fields are, in their names ("Second optimizer's decay ρ"). */
  owner?: string | null;
}) {
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const record = OPTIMIZER_REGISTRY[optimizer.kind];
  const values = optimizer as unknown as Record<string, number>;
  return (
    <div className="optimizer-fields">
      <div className="inline-label">
        <label htmlFor={id}>{label}</label>
        <select
          id={id}
          value={choiceOf(optimizer)}
          disabled={disabled}
          onChange={(event) =>
            setError(onChange(optimizerFor(event.target.value as OptimizerChoice, optimizer)))
          }
        >
          {OPTIMIZER_CHOICES.map((c) => (
            <option key={c.id} value={c.id}>
              {c.name}
            </option>
          ))}
        </select>
        {error && (
          <span className="field-error" role="alert">
            {error}
          </span>
        )}
      </div>
      {record.parameters.map((p) => (
        <NumberField
          // Another optimizer's fields are new fields: a refused draft never carries over.
          key={`${optimizer.kind} ${p.key}`}
          label={
            owner
              ? `${owner}'s ${p.name} ${p.text}`
              : `${p.name.charAt(0).toUpperCase()}${p.name.slice(1)} ${p.text}`
          }
          value={values[p.key] ?? NaN}
          min={p.min}
          max={p.max}
          step={p.key === 'epsilon' ? 1e-8 : 0.01}
          onCommit={(v) => onChange({ ...optimizer, [p.key]: v } as Optimizer)}
        />
      ))}
    </div>
  );
}
