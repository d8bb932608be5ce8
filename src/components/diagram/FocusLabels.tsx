import { useMemo } from 'react';
import { useStore } from 'zustand';
import { notationFor } from '../../math/notations';
import { useShallow } from 'zustand/react/shallow';
import { focusLabelSpot } from '../../layout/focusLabel';
import {
  edgeLabelSize,
  type BiasEdgeLayout,
  type EdgeLayout,
  type NetworkLayout,
} from '../../layout/networkLayout';
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

/**
 * The edge of a raised label (selected or hovered), with the label where it is drawn raised: the
 * selected one shows more digits, so it goes where its wider box covers no other label, unit or
 * value, off its edge with a leader line if need be (focusLabelSpot).
 */
export function raisedEdge(
  layout: NetworkLayout,
  parameter: Hovered,
  selected: boolean,
  digits: number,
): EdgeLayout | BiasEdgeLayout | undefined {
  const edge = edgeOf(layout, parameter);
  if (!edge) return undefined;
  const spot = focusLabelSpot(layout, edge, edgeLabelSize(digitsFor(selected, digits)));
  if (spot.label.x === edge.label.x && spot.label.y === edge.label.y) return edge;
  return { ...edge, ...spot };
}

function FocusLabel(props: { layout: NetworkLayout; parameter: Hovered; selected: boolean }) {
  const { layout, parameter, selected } = props;
  const v = useApp(useShallow((s) => labelValues(s, parameter)));
  const edge = useMemo(
    () => raisedEdge(layout, parameter, selected, v.digits),
    [layout, parameter, selected, v.digits],
  );
  if (!edge || v.value === null) return null;
  return (
    <>
      {/* The selected label's own leader: EdgeLine draws the layout's, to its usual spot. */}
      {selected && edge.leader && (
        <line
          className="edge-leader"
          x1={edge.leader.x}
          y1={edge.leader.y}
          x2={edge.label.x}
          y2={edge.label.y}
        />
      )}
      <EdgeLabel
        edge={edge}
        value={v.value}
        gradient={v.gradient}
        next={v.next}
        digits={digitsFor(selected, v.digits)}
        notation={v.notation}
        raised
        fit={!selected}
      />
    </>
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
