import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { networkLayout, type BiasNodeLayout } from '../../layout/networkLayout';
import { layerSizes, selectStep } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { EdgeColumn } from './EdgeColumn';
import { FocusLabels } from './FocusLabels';
import { HoverContext, createHoverStore } from './hover';
import { HoverTrace } from './HoverTrace';
import { InputGrid } from './InputGrid';
import { LabelColumn } from './LabelColumn';
import { Legend } from './Legend';
import { ColumnNames, OutputExtras } from './OutputExtras';
import { UnitColumn } from './UnitColumn';
import { ZoomButtons } from './ZoomButtons';
import { ZoomController } from './zoomController';
import { ViewportContext, createViewportStore, sameView, roundedView } from './viewport';
import { stepColumns, stepDimsOthers } from './highlight';
import './diagram.css';

/**
 * Its own paint layer: a column drawn in an SVG of its own, the size of the diagram, inside a
 * foreignObject. Chromium paints an SVG's shapes as one list, so without this an edit that changes
 * one number repaints every edge and unit of a large network; with it, only the columns that
 * changed are painted again. The zoom's transform still applies to it, and it is invisible to the
 * pointer where it draws nothing. The exported SVG puts the columns back in one (exportDiagram).
 */
function PaintLayer(props: { width: number; height: number; children: ReactNode }) {
  const { width, height } = props;
  return (
    <foreignObject x={0} y={0} width={width} height={height} data-paint-layer="">
      <svg width={width} height={height} viewBox={`0 0 ${width} ${height}`}>
        {props.children}
      </svg>
    </foreignObject>
  );
}

/** Beyond this size (diagram units, about px at scale 1) the whole network is too small to read. */
const LARGE = { width: 1100, height: 800 };

/**
 * The network as the pass goes through it: every z, a, δ and gradient appears where it belongs
 * once the step that computes it is reached. The layout depends only on the layer sizes (and the
 * digits shown), so editing a number moves nothing; each column subscribes to its own numbers.
 */
export function Diagram() {
  const store = useAppStoreApi();
  const sizes = useApp(useShallow((s) => layerSizes(s.network)));
  const digits = useApp((s) => s.view.digits);
  const dim = useApp((s) => stepDimsOthers(selectStep(s)));
  const picture = useApp((s) => s.picture);
  const layout = useMemo(() => networkLayout(sizes, { digits, picture }), [sizes, digits, picture]);
  const [hover] = useState(createHoverStore);
  const [viewport] = useState(createViewportStore);

  const frameRef = useRef<HTMLDivElement>(null);
  const svgRef = useRef<SVGSVGElement>(null);
  const zoomLayerRef = useRef<SVGGElement>(null);
  const zoomRef = useRef<ZoomController | null>(null);
  useEffect(() => {
    if (!svgRef.current || !zoomLayerRef.current || !frameRef.current) return;
    const controller = new ZoomController(
      svgRef.current,
      zoomLayerRef.current,
      frameRef.current,
      (shown) => {
        const view = roundedView(shown);
        if (!sameView(view, viewport.getState().view)) viewport.setState({ view });
      },
    );
    zoomRef.current = controller;
    return () => {
      controller.destroy();
      zoomRef.current = null;
    };
  }, [viewport]);
  useEffect(() => {
    zoomRef.current?.update({ width: layout.width, height: layout.height });
  }, [layout.width, layout.height]);
  // In a network wider than the view, the view follows the pass to the column being computed.
  const columns = useApp(useShallow((s) => stepColumns(selectStep(s), sizes.length - 1)));
  useEffect(() => {
    const xs = columns.map((c) => layout.columns[c]?.x).filter((x) => x !== undefined);
    if (xs.length > 0) zoomRef.current?.reveal(Math.min(...xs), Math.max(...xs));
  }, [columns, layout]);

  const lastLayer = sizes.length - 1;
  const large = layout.width > LARGE.width || layout.height > LARGE.height;
  return (
    <div className="diagram" ref={frameRef}>
      <div className="diagram-toolbar" role="toolbar" aria-label="Diagram view">
        <ZoomButtons zoom={zoomRef} fitTitle="Show the whole network" />
        <span className="hint hint-mouse">
          Drag to pan. Ctrl + wheel zooms (or just the wheel once you have clicked the diagram).
        </span>
        <span className="hint hint-touch">Drag with one finger to pan; pinch to zoom.</span>
      </div>
      <svg
        ref={svgRef}
        className={`diagram-svg${dim ? ' dim' : ''}`}
        data-export="diagram"
        role="group"
        aria-label="Network diagram"
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        // A network too large to read whole gets the full height to pan in (it opens zoomed in).
        style={
          large
            ? { height: `min(72vh, ${layout.height}px)` }
            : { aspectRatio: `${layout.width} / ${layout.height}` }
        }
        tabIndex={-1}
        onClick={() => store.getState().select(null)}
      >
        <ViewportContext.Provider value={viewport}>
          <HoverContext.Provider value={hover}>
            <g data-zoom-layer ref={zoomLayerRef}>
              {layout.edges.map((edges, k) => (
                <PaintLayer key={k} width={layout.width} height={layout.height}>
                  <EdgeColumn
                    layer={k + 1}
                    edges={edges}
                    biasEdges={layout.biasEdges[k] ?? []}
                    biasNode={layout.biasNodes[k] as BiasNodeLayout}
                    edgeLabels={layout.edgeLabels}
                    bundles={k === 0 ? layout.bundles : undefined}
                  />
                </PaintLayer>
              ))}
              <HoverTrace layout={layout} />
              {layout.edgeLabels &&
                layout.edges.map((edges, k) => (
                  <PaintLayer key={k} width={layout.width} height={layout.height}>
                    <LabelColumn
                      layer={k + 1}
                      edges={edges}
                      biasEdges={layout.biasEdges[k] ?? []}
                    />
                  </PaintLayer>
                ))}
              {layout.units.map((units, l) => (
                <PaintLayer key={l} width={layout.width} height={layout.height}>
                  {l === 0 && layout.inputGrid ? (
                    <InputGrid grid={layout.inputGrid} units={units} lastLayer={lastLayer} />
                  ) : (
                    <UnitColumn layer={l} units={units} lastLayer={lastLayer} />
                  )}
                </PaintLayer>
              ))}
              <OutputExtras layout={layout} />
              <ColumnNames columns={layout.columns} />
              <FocusLabels layout={layout} />
            </g>
          </HoverContext.Provider>
        </ViewportContext.Provider>
      </svg>
      <Legend />
    </div>
  );
}
