import { memo } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BiasEdgeLayout, BiasNodeLayout, EdgeLayout } from '../../layout/networkLayout';
import { selectStep } from '../../store';
import { useApp } from '../../store/context';
import type { NotationId } from '../../store/types';
import { selectColumnLook } from './edgeScale';
import { EdgeLine } from './EdgeLine';
import { biasIsCurrent, columnCurrent, edgeIsCurrent, type ColumnCurrent } from './highlight';

const COLUMN_CLASS: Record<ColumnCurrent, string> = {
  all: 'current',
  weights: 'current-weights',
  some: '',
  none: '',
};

interface EdgeColumnProps {
  /** Weighted layer l: the edges from column l − 1 into column l, and layer l's biases. */
  layer: number;
  edges: EdgeLayout[];
  biasEdges: BiasEdgeLayout[];
  biasNode: BiasNodeLayout;
}

/**
 * The edges of one weighted layer. Subscribes once for the layer and hands each edge plain values,
 * so an edit redraws only the edges whose look changed. The current step marks the whole column
 * with a class, or single edges when the step is about one unit.
 */
export const EdgeColumn = memo(function EdgeColumn(props: EdgeColumnProps) {
  const { layer, edges, biasEdges, biasNode } = props;
  const v = useApp(
    useShallow((s) => {
      const step = selectStep(s);
      const current = columnCurrent(step, layer);
      const selection = s.selection;
      return {
        parameters: s.network.layers[layer - 1],
        look: selectColumnLook(s, layer),
        current,
        step: current === 'some' ? step : null,
        selection:
          selection && selection.kind !== 'unit' && selection.layer === layer ? selection : null,
        digits: s.view.digits,
        notation: s.notation,
      };
    }),
  );
  const { parameters, look, current, step, selection, digits, notation } = v;
  if (!parameters || !look) return null;

  return (
    <g className={`edge-column ${COLUMN_CLASS[current]}`} data-layer={layer}>
      {edges.map((edge, k) => (
        <EdgeLine
          key={`${edge.from}-${edge.to}`}
          edge={edge}
          value={parameters.weights[edge.from]?.[edge.to] ?? 0}
          look={look.weights[k] ?? PENDING_LOOK}
          current={step !== null && edgeIsCurrent(step, layer, edge.from, edge.to)}
          selected={
            selection?.kind === 'weight' && selection.from === edge.from && selection.to === edge.to
          }
          digits={digits}
          notation={notation}
        />
      ))}
      {biasEdges.map((edge) => (
        <EdgeLine
          key={`b${edge.unit}`}
          edge={edge}
          value={parameters.biases[edge.unit] ?? 0}
          look={look.biases[edge.unit] ?? PENDING_LOOK}
          current={step !== null && biasIsCurrent(step, layer, edge.unit)}
          selected={selection?.kind === 'bias' && selection.unit === edge.unit}
          digits={digits}
          notation={notation}
        />
      ))}
      <BiasNode node={biasNode} notation={notation} />
    </g>
  );
});

const PENDING_LOOK = { width: 1, sign: 'zero', pending: true } as const;

/** The constant input 1 that the biases of layer l multiply (x₀ = 1 in the LFD notation). */
const BiasNode = memo(function BiasNode(props: { node: BiasNodeLayout; notation: NotationId }) {
  const { node } = props;
  const half = node.size / 2;
  return (
    <g className="bias-node" data-testid={`bias-node-${node.layer}`}>
      <title>{`Bias input 1 for layer ${node.layer}: its edges carry the biases`}</title>
      <rect x={node.x - half} y={node.y - half} width={node.size} height={node.size} rx={4} />
      <text x={node.x} y={node.y} dy="0.35em">
        {props.notation === 'lfd' ? '1' : '+1'}
      </text>
    </g>
  );
});
