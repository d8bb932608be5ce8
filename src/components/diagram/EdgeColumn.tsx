import { memo, useLayoutEffect, useMemo, useState } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { BiasEdgeLayout, BiasNodeLayout, EdgeLayout } from '../../layout/networkLayout';
import { selectStep } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { notationFor, type Notation } from '../../math/notations';
import { selectColumnLook } from './edgeScale';
import { edgePainter, type EdgePainter } from './edgePaint';
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
  /** Every edge carries its label, and every edge is in the tab order (else only the biases). */
  edgeLabels: boolean;
  /**
   * From an input grid, a band per target unit drawn instead of the many weight edges (only the
   * selected weight's own edge is drawn); empty for the other columns.
   */
  bundles?: readonly string[];
}

/**
 * The edges of one weighted layer. Subscribes once for the layer and hands each row of edges (those
 * out of one source unit, and the biases) plain values: an edit re-renders only the rows where an
 * edge's value or highlight changed, so dragging a weight on a large network does not walk every
 * edge. Their looks (width and sign) are drawn by the column's painter, not rendered. The current
 * step marks the whole column with a class, or single edges when the step is about one unit.
 */
export const EdgeColumn = memo(function EdgeColumn(props: EdgeColumnProps) {
  const { layer, edges, biasEdges, biasNode, edgeLabels, bundles = [] } = props;
  const v = useApp(
    useShallow((s) => {
      const step = selectStep(s);
      const current = columnCurrent(step, layer);
      const selection = s.selection;
      return {
        parameters: s.network.layers[layer - 1],
        current,
        step: current === 'some' ? step : null,
        selection:
          selection && selection.kind !== 'unit' && selection.layer === layer ? selection : null,
        // A bundle lights up with its unit, when it is selected or its weights are.
        bundleUnit:
          selection?.kind === 'unit' && selection.layer === layer
            ? selection.unit
            : selection?.kind === 'weight' && selection.layer === layer
              ? selection.to
              : -1,
        digits: s.view.digits,
        notation: notationFor(s.notation, s.network),
      };
    }),
  );
  const { parameters, current, step, selection, digits, notation, bundleUnit } = v;
  const rows = useMemo(() => bySource(edges), [edges]);
  const painter = usePaintedLooks(layer);
  if (!parameters) return null;
  // Which edges of a row the step is about, as a string of 0/1: the step object itself is new
  // after every edit.
  const currentMask = (row: readonly (EdgeLayout | BiasEdgeLayout)[]) =>
    step === null
      ? ''
      : row
          .map((edge) =>
            (
              'from' in edge
                ? edgeIsCurrent(step, layer, edge.from, edge.to)
                : biasIsCurrent(step, layer, edge.unit)
            )
              ? '1'
              : '0',
          )
          .join('');

  return (
    <g className={`edge-column ${COLUMN_CLASS[current]}`} data-layer={layer}>
      {bundles.length > 0 && (
        <Bundles
          paths={bundles}
          current={
            step === null
              ? ''
              : bundles.map((_, j) => (edgeIsCurrent(step, layer, 0, j) ? '1' : '0')).join('')
          }
          selected={bundleUnit}
        />
      )}
      {bundles.length > 0 && selection?.kind === 'weight' && (
        <EdgeRow
          edges={[rows[selection.from]?.[selection.to] as EdgeLayout]}
          values={[parameters.weights[selection.from]?.[selection.to] ?? 0]}
          painter={painter}
          current=""
          selected={0}
          digits={digits}
          notation={notation}
          focusable={false}
        />
      )}
      {bundles.length === 0 &&
        rows.map((row, i) => (
          <EdgeRow
            key={i}
            edges={row}
            values={parameters.weights[i] ?? []}
            painter={painter}
            current={currentMask(row)}
            selected={selection?.kind === 'weight' && selection.from === i ? selection.to : -1}
            digits={digits}
            notation={notation}
            focusable={edgeLabels}
          />
        ))}
      <EdgeRow
        edges={biasEdges}
        values={parameters.biases}
        painter={painter}
        current={currentMask(biasEdges)}
        selected={selection?.kind === 'bias' ? selection.unit : -1}
        digits={digits}
        notation={notation}
        focusable
      />
      <BiasNode node={biasNode} notation={notation} />
    </g>
  );
});

/**
 * The edges from an input grid as one faint band per target unit (a weight is reached through the
 * grid's cells): the selected unit's band is stronger, and a step's current ones glow.
 */
const Bundles = memo(function Bundles(props: {
  paths: readonly string[];
  current: string;
  selected: number;
}) {
  const { paths, current, selected } = props;
  return (
    <g className="edge-bundles" data-testid="edge-bundles" aria-hidden="true">
      {paths.map((d, j) => (
        <path
          key={j}
          d={d}
          className={`edge-bundle${current[j] === '1' ? ' current' : ''}${selected === j ? ' selected' : ''}`}
        />
      ))}
    </g>
  );
});

/** The layout's edges of a layer (from · n + to order), as rows by source unit: row i, edge j. */
function bySource(edges: EdgeLayout[]): EdgeLayout[][] {
  const rows: EdgeLayout[][] = [];
  for (const edge of edges) (rows[edge.from] ??= [])[edge.to] = edge;
  return rows;
}

/**
 * The column's edge looks, drawn by a painter outside React's render on every store change
 * (edgePaint.ts says why); each EdgeLine hands the painter its element. A failure while drawing
 * is thrown in the column's next render, where the diagram's error boundary shows it, and not
 * into the store's update, which would leave the rest of the page unaware of the change.
 */
function usePaintedLooks(layer: number): EdgePainter {
  const store = useAppStoreApi();
  const [painter] = useState(edgePainter);
  const [failure, setFailure] = useState<{ error: unknown } | null>(null);
  if (failure) throw failure.error;
  useLayoutEffect(() => {
    const draw = () => {
      try {
        painter.show(selectColumnLook(store.getState(), layer));
      } catch (error) {
        setFailure({ error });
      }
    };
    draw();
    return store.subscribe(draw);
  }, [store, painter, layer]);
  return painter;
}

/**
 * A row of edges: the k-th edge shows values[k] (weights: k is the target unit; biases: the
 * unit). current[k] is '1' where the step is about that edge; selected is the index of the
 * selected one, or −1; focusable puts the row's edges in the tab order.
 */
const EdgeRow = memo(function EdgeRow(props: {
  edges: readonly (EdgeLayout | BiasEdgeLayout)[];
  values: ArrayLike<number>;
  painter: EdgePainter;
  current: string;
  selected: number;
  digits: number;
  notation: Notation;
  focusable: boolean;
}) {
  const { edges, values, painter, current, selected, digits, notation, focusable } = props;
  return edges.map((edge, k) => (
    <EdgeLine
      key={k}
      edge={edge}
      value={values[k] ?? 0}
      painter={painter}
      current={current[k] === '1'}
      selected={selected === k}
      digits={digits}
      notation={notation}
      focusable={focusable}
    />
  ));
});

/** The constant input 1 that the biases of layer l multiply (x₀ = 1 when the bias is weight 0, LFD). */
const BiasNode = memo(function BiasNode(props: { node: BiasNodeLayout; notation: Notation }) {
  const { node } = props;
  const half = node.size / 2;
  return (
    <g className="bias-node" data-testid={`bias-node-${node.layer}`}>
      <title>{`Bias input 1 for layer ${node.layer}: its edges carry the biases`}</title>
      <rect x={node.x - half} y={node.y - half} width={node.size} height={node.size} rx={4} />
      <text x={node.x} y={node.y} dy="0.35em">
        {props.notation.bias === 'weightZero' ? '1' : '+1'}
      </text>
    </g>
  );
});
