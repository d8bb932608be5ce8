import { useStore } from 'zustand';
import { notationFor } from '../../math/notations';
import { useShallow } from 'zustand/react/shallow';
import type { NetworkLayout } from '../../layout/networkLayout';
import { selectProgress, selectShownPass, type AppState } from '../../store';
import { useApp } from '../../store/context';
import { digitsFor } from './diagramText';
import { EdgeLabel } from './EdgeLabel';
import { createHoverStore, edgeOf, sameParameter, useHoverStore, type Hovered } from './hover';

/** What a weight's or bias's label shows at this point of the pass. */
function labelValues(s: AppState, p: Hovered) {
  const layer = s.network.layers[p.layer - 1];
  const progress = selectProgress(s);
  const unit = p.kind === 'weight' ? p.to : p.unit;
  const gradShown = unit < (progress.gradientUnits[p.layer - 1] ?? 0);
  // The pass as shown: a value the learner is asked to predict is NaN, written "?".
  const shown = selectShownPass(s);
  const grads = gradShown ? shown.snapshot.grads[p.layer - 1] : undefined;
  const next = progress.updated ? shown.updated?.network.layers[p.layer - 1] : undefined;
  const pick = (from: { weights: number[][]; biases: ArrayLike<number> } | undefined) =>
    p.kind === 'weight' ? from?.weights[p.from]?.[p.to] : from?.biases[p.unit];
  const gradient = p.kind === 'weight' ? grads?.dW[p.from]?.[p.to] : grads?.db[p.unit];
  return {
    value: pick(layer) ?? null,
    gradient: gradient ?? null,
    // A frozen bias keeps its value: no "old → new".
    next: p.kind === 'bias' && !s.trainBiases ? null : (pick(next) ?? null),
    digits: s.view.digits,
    notation: notationFor(s.notation, s.network),
  };
}

function FocusLabel(props: { layout: NetworkLayout; parameter: Hovered; selected: boolean }) {
  const { layout, parameter } = props;
  const v = useApp(useShallow((s) => labelValues(s, parameter)));
  const edge = edgeOf(layout, parameter);
  if (!edge || v.value === null) return null;
  return (
    <EdgeLabel
      edge={edge}
      value={v.value}
      gradient={v.gradient}
      next={v.next}
      digits={digitsFor(props.selected, v.digits)}
      notation={v.notation}
      raised
      fit={!props.selected}
    />
  );
}

const noHover = createHoverStore();

/**
 * The selected weight or bias with more digits, and the one under the pointer or the focus (in
 * networks too big to label every edge, the only label it has): drawn last, over the units, with
 * a strong frame, over its own label where every edge has one.
 */
export function FocusLabels({ layout }: { layout: NetworkLayout }) {
  const selection = useApp((s) => s.selection);
  const hovered = useStore(useHoverStore() ?? noHover, (h) => h.hovered);
  const selected = selection && selection.kind !== 'unit' ? selection : null;
  return (
    <g className="focus-labels">
      {hovered && !sameParameter(hovered, selected) && (
        <FocusLabel layout={layout} parameter={hovered} selected={false} />
      )}
      {selected && <FocusLabel layout={layout} parameter={selected} selected />}
    </g>
  );
}
