import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { edgesToRoot, nodeIndex, nodeKey, type GraphNode } from '../../engine';
import { textWidth } from '../../layout/boxes';
import { GRAPH_METRICS, graphLayout } from '../../layout/graphLayout';
import { formatNumber } from '../../math/format';
import { gradientOf, graphNodeLabel, graphNodeTitle, type GraphWording } from '../../math/graph';
import { notationFor } from '../../math/notations';
import {
  graphIsWhole,
  graphReached,
  graphShapeFor,
  nodeSelection,
  selectGraphValues,
  selectionNodeKey,
  selectionUnit,
  selectPassProgress,
  selectStep,
  unitKey,
} from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import type { Selection } from '../../store/types';
import { ZoomButtons } from '../diagram/ZoomButtons';
import { ZoomController } from '../diagram/zoomController';
import { GraphDetails } from './GraphDetails';
import { GraphNodeBox } from './GraphNodeBox';
import { nodeIsCurrent } from './graphHighlight';
import '../diagram/diagram.css';
import './graph.css';

/** Label every edge of a path with its local derivative only up to this many edges. */
const LABELLED_PATH_EDGES = 40;

const LEAVES = new Set<GraphNode['kind']>(['input', 'target', 'weight', 'bias', 'otherSamples']);

/**
 * The pass as a computation graph: every product, sum, bias add, activation and loss term of the
 * shown sample a node with its value and, once the backward pass reaches it, ∂L/∂node. It reads
 * the same pass as the network diagram and steps with it; selecting a weight, bias or unit here
 * selects it there (the store's selection), and the reverse.
 */
export function GraphView() {
  const store = useAppStoreApi();
  const network = useApp((s) => s.network);
  const sampleCount = useApp((s) => s.samples.length);
  const sampleIndex = useApp((s) => s.sampleIndex);
  const selection = useApp((s) => s.selection);
  const digits = useApp((s) => s.view.digits);
  const notationId = useApp((s) => s.notation);
  const step = useApp(selectStep);
  const progress = useApp(selectPassProgress);
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(() => new Set());
  const [allLocals, setAllLocals] = useState(false);
  // A node with no selection of its own in the network view (a product, a loss term), kept while
  // the store's selection is the one it set.
  const [picked, setPicked] = useState<{ key: string; selection: Selection | null } | null>(null);

  const whole = graphIsWhole(network, sampleCount);
  const selectedUnit = selectionUnit(selection);
  const open = useMemo(
    () =>
      selectedUnit && !expanded.has(selectedUnit) ? new Set([...expanded, selectedUnit]) : expanded,
    [expanded, selectedUnit],
  );
  const shape = graphShapeFor(network, sampleCount, open);
  const values = useApp((s) => selectGraphValues(s, shape));
  const reached = graphReached(shape, progress);
  const index = useMemo(() => nodeIndex(shape), [shape]);
  const keys = useMemo(
    () => shape.nodes.map((n) => nodeKey(n.kind, n.layer, n.unit, n.from)),
    [shape],
  );
  const notation = notationFor(notationId, network);
  const wording: GraphWording = { network, notation, samples: sampleCount, sampleIndex };
  const labels = shape.nodes.map((node) => graphNodeLabel(node, wording));
  const nameWidth = Math.max(
    ...labels.map((l) => textWidth(`${graphNodeTitle(l)} ⊕`, GRAPH_METRICS.fontSize)),
  );
  const layout = graphLayout(shape, digits, nameWidth);

  const pickedKey = picked && picked.selection === selection ? picked.key : null;
  const selectedKey = pickedKey ?? selectionNodeKey(shape, selection);
  const selected = selectedKey === null ? -1 : (index.get(selectedKey) ?? -1);
  const pathEdges = useMemo(
    () => (selected < 0 ? new Set<number>() : edgesToRoot(shape, selected)),
    [shape, selected],
  );

  const select = useCallback(
    (key: string) => {
      const node = shape.nodes[index.get(key) ?? -1];
      if (!node) return;
      const next = nodeSelection(node);
      setPicked({ key, selection: next });
      store.getState().select(next);
    },
    [shape, index, store],
  );
  const expand = useCallback((key: string) => {
    const [, layer, unit] = key.split(':');
    setExpanded((set) => new Set([...set, unitKey(Number(layer), Number(unit))]));
  }, []);

  // Pan and zoom, as in the network diagram.
  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const layerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomController | null>(null);
  useEffect(() => {
    if (!svgRef.current || !layerRef.current || !frameRef.current) return;
    const controller = new ZoomController(svgRef.current, layerRef.current, frameRef.current);
    zoomRef.current = controller;
    return () => {
      controller.destroy();
      zoomRef.current = null;
    };
  }, []);
  useEffect(() => {
    zoomRef.current?.update({ width: layout.width, height: layout.height });
  }, [layout.width, layout.height]);

  const reveal = useCallback(
    (key: string) => {
      const box = layout.nodes[index.get(key) ?? -1];
      if (box) zoomRef.current?.reveal(box.x, box.x + box.width);
    },
    [layout, index],
  );

  const L = network.layers.length;
  const current = shape.nodes.map((node) => nodeIsCurrent(node, step, L));
  const currentKey = current.map(Number).join('');
  // The view follows the pass to the nodes the step computes.
  useEffect(() => {
    const xs = layout.nodes.filter((_, k) => currentKey[k] === '1');
    if (xs.length === 0) return;
    const x0 = Math.min(...xs.map((b) => b.x));
    const x1 = Math.max(...xs.map((b) => b.x + b.width));
    zoomRef.current?.reveal(x0, x1);
  }, [currentKey, layout]);

  const backward =
    step.kind === 'outputDelta' || step.kind === 'hiddenDelta' || step.kind === 'gradients';
  const labelled = (e: number) => {
    const edge = shape.edges[e];
    if (!edge || !reached[edge.to]?.value) return false;
    if (allLocals) return true;
    if (edge.from === selected || edge.to === selected) return true;
    return pathEdges.has(e) && pathEdges.size <= LABELLED_PATH_EDGES;
  };
  const large = layout.width > 700 || layout.height > 700;

  return (
    <div className="graph" ref={frameRef}>
      <div className="diagram-toolbar" role="toolbar" aria-label="Graph view">
        <ZoomButtons zoom={zoomRef} fitTitle="Show the whole graph" />
        <label className="inline-label">
          <input
            type="checkbox"
            checked={allLocals}
            onChange={(event) => setAllLocals(event.target.checked)}
          />
          Local derivatives on every edge
        </label>
        {!whole && expanded.size > 0 && (
          <button type="button" onClick={() => setExpanded(new Set())}>
            Collapse units
          </button>
        )}
      </div>
      <p className="hint graph-hint">
        {whole
          ? 'Each node: what it computes, its value, and ∂ its gradient once the backward pass reaches it. Select a node to see its gate and its paths to the loss.'
          : 'Each unit is one node: double-click it (or press E) to see its products, sum and bias. Select a node to see its gate and its paths to the loss.'}
      </p>
      <svg
        ref={svgRef}
        className="diagram-svg graph-svg"
        role="group"
        aria-label="Computation graph"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        // Top left: a graph wider than the panel opens at a readable scale at its start.
        preserveAspectRatio="xMinYMin meet"
        style={
          large
            ? { height: `min(72vh, ${layout.height}px)` }
            : { aspectRatio: `${layout.width} / ${layout.height}` }
        }
        tabIndex={-1}
        onClick={() => {
          setPicked(null);
          store.getState().select(null);
        }}
      >
        <g data-zoom-layer ref={layerRef}>
          <g className="graph-edges">
            {layout.edges.map((edge, e) => {
              const { from, to } = shape.edges[e] as { from: number; to: number };
              const className = [
                'graph-edge',
                pathEdges.has(e) ? 'on-path' : '',
                (backward ? current[from] : current[to]) ? 'current' : '',
              ].join(' ');
              return <path key={e} className={className} d={edge.d} />;
            })}
          </g>
          {shape.nodes.map((node, k) => {
            const key = keys[k] as string;
            const got = reached[k];
            return (
              <GraphNodeBox
                key={key}
                id={key}
                box={layout.nodes[k] as (typeof layout.nodes)[number]}
                label={labels[k] as (typeof labels)[number]}
                value={got?.value ? formatNumber(values.value[k] as number, digits) : null}
                grad={got?.grad ? formatNumber(values.grad[k] as number, digits) : null}
                gradName={gradientOf(notation, labels[k]?.name || labels[k]?.op || '')}
                leaf={LEAVES.has(node.kind)}
                current={current[k] ?? false}
                selected={k === selected}
                onPath={k !== selected && selected >= 0 && isOnPath(shape.nodes[k], pathEdges)}
                expandable={node.kind === 'unit'}
                onSelect={select}
                onExpand={expand}
                onFocus={reveal}
              />
            );
          })}
          {/* Over the nodes: an edge's middle can fall behind a node it passes. */}
          <g className="graph-locals">
            {layout.edges.map((edge, e) =>
              labelled(e) ? (
                <text key={e} className="graph-local" x={edge.mid.x} y={edge.mid.y} dy="0.35em">
                  {formatNumber(values.local[e] as number, Math.min(digits, 4))}
                </text>
              ) : null,
            )}
          </g>
        </g>
      </svg>
      <GraphLegend />
      {selected >= 0 && (
        <GraphDetails
          shape={shape}
          values={values}
          labels={labels}
          reached={reached}
          node={selected}
          wording={wording}
          digits={digits}
        />
      )}
    </div>
  );
}

function isOnPath(node: GraphNode | undefined, pathEdges: ReadonlySet<number>): boolean {
  return node?.inputs.some((e) => pathEdges.has(e)) ?? false;
}

function GraphLegend() {
  const loss = useApp((s) => notationFor(s.notation, s.network).loss.text);
  return (
    <ul className="diagram-legend" aria-label="Graph legend">
      <li>
        <span className="graph-legend-leaf" /> leaf: input, target, weight, bias
      </li>
      <li>
        <span className="graph-legend-op" /> operation
      </li>
      <li>∂ = ∂{loss}/∂(the node)</li>
      <li>
        <span className="graph-legend-current" /> computed by this step
      </li>
      <li>
        <span className="graph-legend-path" /> paths from the selected node to the loss
      </li>
    </ul>
  );
}
