import { useRef, useState } from 'react';
import { parameterLabel } from '../../math';
import { formatNumber } from '../../math/format';
import { LIMITS, selectSnapshot, type Parameter, type Selection } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { NumberField } from './NumberField';

/** The value and gradient of the parameter a selection names, or null for a unit. */
function parameterOf(selection: Selection | null): Parameter | null {
  if (!selection || selection.kind === 'unit') return null;
  return selection;
}

interface LastEdit {
  label: string;
  delta: number;
  /** First-order prediction ∂L/∂θ · Δθ, from the gradient before the edit. */
  predicted: number;
  lossBefore: number;
}

/**
 * Edit the selected weight or bias: type, ↑/↓, or drag. Shows how the loss changed beside what the
 * gradient predicted (ΔL ≈ ∂L/∂θ · Δθ), which is what a gradient means.
 */
export function Inspector() {
  const store = useAppStoreApi();
  const selection = useApp((s) => s.selection);
  const notation = useApp((s) => s.notation);
  const parameter = parameterOf(selection);
  const value = useApp((s) => {
    if (!parameter || parameter.kind === 'input' || parameter.kind === 'target') return null;
    const layer = s.network.layers[parameter.layer - 1];
    if (!layer) return null;
    return parameter.kind === 'weight'
      ? (layer.weights[parameter.from]?.[parameter.to] ?? null)
      : (layer.biases[parameter.unit] ?? null);
  });
  const gradient = useApp((s) => {
    if (!parameter || parameter.kind === 'input' || parameter.kind === 'target') return null;
    const grads = selectSnapshot(s).grads[parameter.layer - 1];
    if (!grads) return null;
    return parameter.kind === 'weight'
      ? ((grads.dW[parameter.from]?.[parameter.to] as number | undefined) ?? null)
      : ((grads.db[parameter.unit] as number | undefined) ?? null);
  });
  const loss = useApp((s) => selectSnapshot(s).loss);
  const [lastEdit, setLastEdit] = useState<LastEdit | null>(null);
  const dragStart = useRef<{ value: number; gradient: number; loss: number } | null>(null);

  if (!parameter || value === null || gradient === null) {
    return (
      <div className="inspector">
        <h2>Selected parameter</h2>
        <p className="hint">
          Click a weight (an edge) or a bias in the diagram to edit it and see its chain rule.
        </p>
      </div>
    );
  }
  const label = parameterLabel(parameter, notation);

  const commit = (next: number): string | null => {
    const before = dragStart.current ?? { value, gradient, loss };
    const problem = store.getState().setParameter(parameter, next);
    if (problem === null) {
      const delta = next - before.value;
      setLastEdit({ label, delta, predicted: before.gradient * delta, lossBefore: before.loss });
    }
    return problem;
  };

  const lossChange = lastEdit && lastEdit.label === label ? loss - lastEdit.lossBefore : null;

  return (
    <div className="inspector">
      <h2>Selected parameter</h2>
      <NumberField
        label={label}
        value={value}
        min={-LIMITS.maxAbsValue}
        max={LIMITS.maxAbsValue}
        step={0.01}
        onCommit={commit}
        scrub
        onScrubStart={() => {
          dragStart.current = { value, gradient, loss };
          store.getState().beginGesture();
        }}
        onScrubEnd={() => {
          dragStart.current = null;
          store.getState().endGesture();
        }}
      />
      <dl className="facts">
        <dt>∂L/∂ (this parameter)</dt>
        <dd data-testid="selected-gradient">{formatNumber(gradient, 8)}</dd>
        <dt>Loss</dt>
        <dd>{formatNumber(loss, 8)}</dd>
        {lastEdit && lossChange !== null && (
          <>
            <dt>Last change Δ</dt>
            <dd>{formatNumber(lastEdit.delta, 6)}</dd>
            <dt>Loss change ΔL</dt>
            <dd data-testid="loss-change">{formatNumber(lossChange, 6)}</dd>
            <dt>Predicted ∂L/∂θ·Δθ</dt>
            <dd data-testid="loss-prediction">{formatNumber(lastEdit.predicted, 6)}</dd>
          </>
        )}
      </dl>
      <p className="hint">
        The gradient predicts how the loss moves for a small change: ΔL ≈ ∂L/∂θ · Δθ. The smaller
        the change, the closer the prediction.
      </p>
    </div>
  );
}
