import { useRef, useState } from 'react';
import type { Network, Sample } from '../../engine';
import { notationFor, parameterLabel } from '../../math';
import { formatNumber } from '../../math/format';
import { LIMITS, selectSnapshot, type Selection } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { NumberField } from './NumberField';
import { UnitParameters } from './UnitParameters';

type WeightOrBias = Exclude<Selection, { kind: 'unit' }>;

/** The weight or bias a selection names, or null for a unit. */
function parameterOf(selection: Selection | null): WeightOrBias | null {
  if (!selection || selection.kind === 'unit') return null;
  return selection;
}

interface LastEdit {
  label: string;
  delta: number;
  /** First-order prediction ∂L/∂θ · Δθ, from the gradient before the edit. */
  predicted: number;
  lossBefore: number;
  /** The network and batch the edit produced: any other change (an input, an update) moves L too. */
  network: Network;
  samples: Sample[];
}

/**
 * Edit the selected weight or bias: type, ↑/↓, or drag. Shows how the loss changed beside what the
 * gradient predicted (ΔL ≈ ∂L/∂θ · Δθ), which is what a gradient means.
 */
export function Inspector() {
  const store = useAppStoreApi();
  const selection = useApp((s) => s.selection);
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const parameter = parameterOf(selection);
  const value = useApp((s) => {
    if (!parameter) return null;
    const layer = s.network.layers[parameter.layer - 1];
    if (!layer) return null;
    return parameter.kind === 'weight'
      ? (layer.weights[parameter.from]?.[parameter.to] ?? null)
      : (layer.biases[parameter.unit] ?? null);
  });
  const gradient = useApp((s) => {
    if (!parameter) return null;
    const grads = selectSnapshot(s).grads[parameter.layer - 1];
    if (!grads) return null;
    return parameter.kind === 'weight'
      ? ((grads.dW[parameter.from]?.[parameter.to] as number | undefined) ?? null)
      : ((grads.db[parameter.unit] as number | undefined) ?? null);
  });
  const loss = useApp((s) => selectSnapshot(s).loss);
  const network = useApp((s) => s.network);
  const samples = useApp((s) => s.samples);
  const [lastEdit, setLastEdit] = useState<LastEdit | null>(null);
  const dragStart = useRef<{ value: number; gradient: number; loss: number } | null>(null);

  if (!parameter || value === null || gradient === null) {
    return (
      <div className="inspector">
        <h2>Selected parameter</h2>
        <p className="hint">
          Click a weight (an edge) or a bias in the diagram to edit it and see its chain rule; or
          select a unit (Tab to it, Enter) to list its weights.
        </p>
        {selection?.kind === 'unit' && <UnitParameters unit={selection} notation={notation} />}
      </div>
    );
  }
  const label = parameterLabel(parameter, notation);
  const symbol =
    parameter.kind === 'weight'
      ? notation.text.weight(parameter.layer, parameter.from, parameter.to)
      : notation.text.bias(parameter.layer, parameter.unit);
  const L = notation.loss.text;

  const commit = (next: number): string | null => {
    const before = dragStart.current ?? { value, gradient, loss };
    const problem = store.getState().setParameter(parameter, next);
    if (problem === null) {
      const delta = next - before.value;
      const after = store.getState();
      setLastEdit({
        label,
        delta,
        predicted: before.gradient * delta,
        lossBefore: before.loss,
        network: after.network,
        samples: after.samples,
      });
    }
    return problem;
  };

  // ΔL belongs to the edit only while nothing else has changed the network or the batch since.
  const lossChange =
    lastEdit &&
    lastEdit.label === label &&
    lastEdit.network === network &&
    lastEdit.samples === samples
      ? loss - lastEdit.lossBefore
      : null;

  return (
    <div className="inspector">
      <h2>Selected parameter</h2>
      <NumberField
        // A new parameter gets a new field: a refused draft never carries over to another one.
        key={label}
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
        <dt>
          ∂{L}/∂{symbol}
        </dt>
        <dd data-testid="selected-gradient">{formatNumber(gradient, 8)}</dd>
        <dt>Loss {L}</dt>
        <dd>{formatNumber(loss, 8)}</dd>
        {lastEdit && lossChange !== null && (
          <>
            <dt>Last change Δ</dt>
            <dd>{formatNumber(lastEdit.delta, 6)}</dd>
            <dt>Loss change ΔL</dt>
            <dd data-testid="loss-change">{formatNumber(lossChange, 6)}</dd>
            <dt>
              Predicted ∂{L}/∂{symbol}·Δ{symbol}
            </dt>
            <dd data-testid="loss-prediction">{formatNumber(lastEdit.predicted, 6)}</dd>
          </>
        )}
      </dl>
      <p className="hint">
        The gradient predicts how the loss moves for a small change: Δ{L} ≈ ∂{L}/∂{symbol} · Δ
        {symbol}. Type a new value, use ↑/↓ (Shift for ×10), or drag or scroll the ⇔ handle, and
        compare the two. The smaller the change, the closer the prediction.
      </p>
    </div>
  );
}
