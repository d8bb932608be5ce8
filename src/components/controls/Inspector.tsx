import { useRef, useState } from 'react';
import type { Network, Sample } from '../../engine';
import { notationFor, parameterLabel } from '../../math';
import { focusDigits, formatNumber, HIDDEN_NUMBER } from '../../math/format';
import {
  LIMITS,
  isShown,
  lockOf,
  selectProgress,
  selectSelectionComputed,
  selectSnapshot,
  type Selection,
} from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { questionKey } from '../../practice/questions';
import { NumberField } from './NumberField';
import { UnitParameters } from './UnitParameters';

export type WeightOrBias = Exclude<Selection, { kind: 'unit' }>;

/** The key of a weight's or bias's gradient among the questions of predict first. */
function gradientKey(p: WeightOrBias): string {
  return questionKey(p.kind === 'weight' ? { ...p, kind: 'dW' } : { ...p, kind: 'db' });
}

/** The weight or bias a selection names, or null for a unit. */
export function parameterOf(selection: Selection | null): WeightOrBias | null {
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
 * The side panel's part of the selection: how to select, and a selected unit's weights. A selected
 * weight or bias is edited at the top of the equations panel, beside its chain rule
 * (ParameterEditor), where the eye already is.
 */
export function Inspector() {
  const selection = useApp((s) => s.selection);
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const parameter = parameterOf(selection);
  return (
    <div className="inspector">
      <h2>Selected parameter</h2>
      {parameter ? (
        <p className="hint">
          {parameter.kind === 'weight'
            ? notation.text.weight(parameter.layer, parameter.from, parameter.to)
            : notation.text.bias(parameter.layer, parameter.unit)}{' '}
          is selected: edit it at the top of the equations, beside its chain rule.
        </p>
      ) : (
        <p className="hint">
          Click a weight (an edge) or a bias in the diagram to edit it and see its chain rule; or
          select a unit (Tab to it, Enter) to list its weights.
        </p>
      )}
      {selection?.kind === 'unit' && <UnitParameters unit={selection} notation={notation} />}
    </div>
  );
}

/**
 * Edit the selected weight or bias: type, ↑/↓, or drag. Shows how the loss changed beside what the
 * gradient predicted (ΔL ≈ ∂L/∂θ · Δθ), which is what a gradient means, once the pass has computed
 * the gradient (before that, nothing computed is shown). Numbers follow the learner's "Digits" as
 * the equations do; the gradient with at least FOCUS_DIGITS, as the diagram's selected label.
 */
export function ParameterEditor({ parameter }: { parameter: WeightOrBias }) {
  const store = useAppStoreApi();
  const locked = useApp((s) => lockOf(s, 'parameters'));
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const digits = useApp((s) => s.view.digits);
  const computed = useApp((s) => selectSelectionComputed(s, parameter));
  // Computed, but the learner is asked to predict it first.
  const asked = useApp((s) => selectProgress(s).hidden.has(gradientKey(parameter)));
  const lossComputed = useApp((s) => selectProgress(s).lossShown);
  // Not while the learner is asked to predict the loss: nor the change of it, ΔL, then.
  const lossShown = useApp((s) => isShown(selectProgress(s), { kind: 'loss' }));
  const value = useApp((s) => {
    const layer = s.network.layers[parameter.layer - 1];
    if (!layer) return null;
    return parameter.kind === 'weight'
      ? (layer.weights[parameter.from]?.[parameter.to] ?? null)
      : (layer.biases[parameter.unit] ?? null);
  });
  const gradient = useApp((s) => {
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

  if (value === null || gradient === null) return null;
  const label = parameterLabel(parameter, notation);
  const symbol =
    parameter.kind === 'weight'
      ? notation.text.weight(parameter.layer, parameter.from, parameter.to)
      : notation.text.bias(parameter.layer, parameter.unit);
  const L = notation.loss.text;
  const shown = (x: number, d = digits) => formatNumber(x, d);

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
    <div className="inspector parameter-editor">
      <NumberField
        // A new parameter gets a new field: a refused draft never carries over to another one.
        key={label}
        label={label}
        value={value}
        min={-LIMITS.maxAbsValue}
        max={LIMITS.maxAbsValue}
        step={0.01}
        onCommit={commit}
        locked={locked}
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
        <dd data-testid="selected-gradient">
          {computed ? shown(gradient, focusDigits(digits)) : asked ? HIDDEN_NUMBER : '—'}
        </dd>
        <dt>Loss {L}</dt>
        <dd data-testid="selected-loss">
          {lossShown ? shown(loss) : lossComputed ? HIDDEN_NUMBER : '—'}
        </dd>
        {computed && lossShown && lastEdit && lossChange !== null && (
          <>
            <dt>Last change Δ{symbol}</dt>
            <dd>{shown(lastEdit.delta)}</dd>
            <dt>Loss change Δ{L}</dt>
            <dd data-testid="loss-change">{shown(lossChange)}</dd>
            <dt>
              Predicted ∂{L}/∂{symbol}·Δ{symbol}
            </dt>
            <dd data-testid="loss-prediction">{shown(lastEdit.predicted)}</dd>
          </>
        )}
      </dl>
      <p className="hint">
        {asked
          ? `Predict ∂${L}/∂${symbol} first (beside the step controls): it shows here once you have.`
          : computed
            ? `The gradient predicts how the loss moves for a small change: Δ${L} ≈ ∂${L}/∂${symbol} · Δ${symbol}. Type a new value, use ↑/↓ (Shift for ×10), or drag or scroll the ⇔ handle, and compare the two; the smaller the change, the closer.`
            : `Step on to the gradients of layer ${parameter.layer} to see ∂${L}/∂${symbol}, and how well ∂${L}/∂${symbol} · Δ${symbol} predicts the change of ${L} when you edit ${symbol}.`}
      </p>
    </div>
  );
}
