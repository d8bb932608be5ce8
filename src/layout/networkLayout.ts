import {
  boundingBox,
  centeredBox,
  placeOnSegments,
  textWidth,
  translateBox,
  type Box,
  type Point,
} from './boxes';
import {
  GRID_CELL,
  METRICS,
  SMALL_LAYER,
  inputGridShape,
  layerName,
  type BiasEdgeLayout,
  type BiasNodeLayout,
  type EdgeLayout,
  type LayoutOptions,
  type NetworkLayout,
  type UnitLayout,
} from './layoutTypes';

export * from './layoutTypes';

/**
 * A number as wide as most shown with `digits` significant digits, small gradients included:
 * −0.001234. Labels and values get room for it; a rarer wider one (−0.0001234) is drawn a little
 * narrower to fit its room (fitLength in the diagram), so it never runs into its neighbours.
 */
export function widestNumber(digits: number): string {
  return `−0.00${'8'.repeat(digits)}`;
}

/** Padding around an edge label's text, in px. */
export const LABEL_PADDING = 6;

/** Clear space around an edge label's frame, in px. */
export const LABEL_MARGIN = 1;

/**
 * Room for an edge label: two lines, the weight over ∂L/∂w (or, on the update step, "0.4 →" over
 * "0.3589"), sized for the widest numbers at `digits` significant digits.
 */
export function edgeLabelSize(digits: number): { width: number; height: number } {
  return {
    width: Math.ceil(
      textWidth(`∂L/∂w ${widestNumber(digits)}`, METRICS.labelFontSize) + LABEL_PADDING,
    ),
    height: 2 * METRICS.labelLineHeight + 4,
  };
}

/** Room for a unit's value line, its name and the widest number: "δ −0.0001234". */
export function valueWidth(digits: number): number {
  return Math.ceil(textWidth(`δ ${widestNumber(digits)}`, METRICS.fontSize));
}

/** Fractions along an edge to try for its label, nearest the target first. */
export const LABEL_POSITIONS = Array.from({ length: 34 }, (_, k) => 0.82 - k * 0.02);

function round(v: number): number {
  return Math.round(v * 100) / 100;
}

/** A straight line between two circles, from rim to rim. */
function rimToRim(a: Point, ra: number, b: Point, rb: number): string {
  const dx = b.x - a.x;
  const dy = b.y - a.y;
  const length = Math.hypot(dx, dy) || 1;
  const ux = dx / length;
  const uy = dy / length;
  return `M${round(a.x + ux * ra)},${round(a.y + uy * ra)}L${round(b.x - ux * rb)},${round(b.y - uy * rb)}`;
}

function checkSizes(sizes: readonly number[]): void {
  if (sizes.length < 2) throw new Error('A network needs an input layer and at least one more.');
  for (const n of sizes) {
    if (!Number.isInteger(n) || n < 1)
      throw new Error(`A layer needs at least one unit, not ${n}.`);
  }
}

/**
 * Where everything in the network diagram goes, from the layer sizes alone: a pure function, so
 * the diagram memoizes it on the shape and a weight edit never moves anything.
 *
 * Layers are numbered as in the notes: column 0 holds the inputs, columns 1…L the weighted layers.
 * The bias of layer l is drawn as a "+1" node above column l−1 with an edge to each unit of layer
 * l, so the output layer's biases have a node too (above the last hidden column). The diagram keeps
 * its natural size — spacing grows with the number of units — and the view pans and zooms over it.
 */
export function networkLayout(
  sizes: readonly number[],
  options: LayoutOptions = {},
): NetworkLayout {
  checkSizes(sizes);
  const digits = Math.max(1, Math.round(options.digits ?? 4));
  // A grid's edges are a bundle: no label of their own.
  const edgeLabels =
    options.edgeLabels ??
    (sizes.every((n) => n <= SMALL_LAYER) && !inputGridShape(sizes[0] as number, options.picture));
  // Wider columns until every label sits on its edge; at the widest, labels with no room there
  // move off it, with a leader line back.
  for (let columnGap: number = METRICS.columnGap; ; columnGap += METRICS.columnGapStep) {
    const widest = columnGap >= METRICS.maxColumnGap;
    const attempt = layoutWithGap(sizes, digits, edgeLabels, columnGap, widest, options.picture);
    if (attempt.clean || widest) return attempt.layout;
  }
}

function layoutWithGap(
  sizes: readonly number[],
  digits: number,
  edgeLabels: boolean,
  columnGap: number,
  offEdge: boolean,
  picture: LayoutOptions['picture'],
): { layout: NetworkLayout; clean: boolean } {
  const { unitRadius: r, unitGap, lineHeight, biasSize, biasRise } = METRICS;
  const L = sizes.length - 1;
  const valueW = valueWidth(digits);
  // A wide input layer is a grid of cells (row-major); the columns after it move right by half
  // its width, so the gap from its right side to the first layer is the usual one.
  const grid = inputGridShape(sizes[0] as number, picture);
  const cell = GRID_CELL;
  const gridW = grid ? grid.columns * cell : 0;
  const gridH = grid ? grid.rows * cell : 0;
  const colX = (l: number) => l * columnGap + (grid && l > 0 ? gridW / 2 : 0);
  // Each column is centered on the tallest: span is from its first unit's center to its last's.
  const span = (l: number) =>
    grid && l === 0 ? gridH - cell : ((sizes[l] as number) - 1) * unitGap;
  const tallestSpan = Math.max(...sizes.map((_, l) => span(l)));
  const top = (l: number) => (tallestSpan - span(l)) / 2;

  const units: UnitLayout[][] = sizes.map((n, l) =>
    Array.from({ length: n }, (_, j) => {
      if (grid && l === 0) {
        const x = colX(0) - gridW / 2 + ((j % grid.columns) + 0.5) * cell;
        const y = top(0) + Math.floor(j / grid.columns) * cell;
        // A cell shows its value by its shade; the box is the cell itself.
        return {
          layer: l,
          unit: j,
          x,
          y,
          valueBox: centeredBox({ x, y }, cell, cell),
          firstBaseline: y,
        };
      }
      const x = colX(l);
      const y = top(l) + j * unitGap;
      const lines = l === 0 ? 1 : 3;
      return {
        layer: l,
        unit: j,
        x,
        y,
        valueBox: {
          x: x - valueW / 2,
          y: y + r + 3,
          width: valueW,
          height: lines * lineHeight + 3,
        },
        firstBaseline: y + r + 3 + lineHeight - 2,
      };
    }),
  );
  const biasNodes: BiasNodeLayout[] = Array.from({ length: L }, (_, k) => ({
    layer: k + 1,
    x: colX(k),
    y: top(k) - (grid && k === 0 ? cell / 2 : 0) - biasRise,
    size: biasSize,
  }));

  // The output column has no bias node above it: the loss goes there, centered on the column.
  const xL = colX(L);
  const lossW = Math.ceil(textWidth(`L₁₀ = ${widestNumber(digits)}`, 13));
  const loss: Point = { x: xL, y: top(L) - biasRise };
  const lossBox = centeredBox(loss, lossW, 20);

  const outputs = units[L] as UnitLayout[];
  const targetX = xL + r + 10;
  const targetW = Math.ceil(textWidth(`y₁₀ ${widestNumber(digits)}`, METRICS.fontSize));
  const targetBoxes = outputs.map((u) => ({ x: targetX, y: u.y - 8, width: targetW, height: 16 }));

  const gridBox: Box | null = grid
    ? { x: colX(0) - gridW / 2, y: top(0) - cell / 2, width: gridW, height: gridH }
    : null;
  const fixed: Box[] = [
    ...(gridBox ? [gridBox] : []),
    ...units
      .slice(grid ? 1 : 0)
      .flat()
      .flatMap((u) => [centeredBox(u, 2 * r + 4, 2 * r + 4), u.valueBox]),
    ...biasNodes.map((b) => centeredBox(b, b.size + 6, b.size + 6)),
    lossBox,
    ...targetBoxes,
  ];
  const obstacles = [...fixed];

  const labelSize = edgeLabelSize(digits);
  // Placed with a margin: a drawn frame's stroke and a glyph's overhang never touch a neighbour.
  const placedSize = {
    width: labelSize.width + 2 * LABEL_MARGIN,
    height: labelSize.height + 2 * LABEL_MARGIN,
  };
  let clean = true;
  const edgeCenters: Point[][] = [];
  const biasCenters: Point[][] = [];
  const edgeLeaders: (Point | null)[][] = [];
  const biasLeaders: (Point | null)[][] = [];
  for (let l = 1; l <= L; l++) {
    const sources = units[l - 1] as UnitLayout[];
    const targets = units[l] as UnitLayout[];
    const bias = biasNodes[l - 1] as BiasNodeLayout;
    // The bias edges first: they all leave one node, so their labels have the least room.
    const biasSegments = targets.map((t) => ({ from: bias as Point, to: t as Point }));
    const weightSegments = sources.flatMap((s) =>
      targets.map((t) => ({ from: s as Point, to: t as Point })),
    );
    const segments = [...weightSegments, ...biasSegments];
    let centers: Point[];
    let leaders: (Point | null)[];
    if (edgeLabels) {
      const placed = placeOnSegments(segments, placedSize, LABEL_POSITIONS, obstacles, { offEdge });
      obstacles.push(...placed.boxes);
      clean &&= placed.clean;
      centers = placed.centers;
      leaders = placed.anchors;
    } else {
      // Only the selected or hovered edge is labelled, drawn over everything: the midpoint will do.
      centers = segments.map(({ from, to }) => ({
        x: (from.x + to.x) / 2,
        y: (from.y + to.y) / 2,
      }));
      leaders = segments.map(() => null);
    }
    const w = weightSegments.length;
    edgeCenters.push(centers.slice(0, w));
    biasCenters.push(centers.slice(w));
    edgeLeaders.push(leaders.slice(0, w));
    biasLeaders.push(leaders.slice(w));
  }

  const bottom = Math.max(...units.flat().map((u) => u.valueBox.y + u.valueBox.height));
  const nameY = bottom + 24;

  const names = sizes.map((_, l) => centeredBox({ x: colX(l), y: nameY + 4 }, 110, 34));
  const extents: Box[] = [...obstacles, { ...lossBox, height: lossBox.height + 16 }, ...names];
  const bounds = boundingBox(extents);
  const dx = METRICS.padding - bounds.x;
  const dy = METRICS.padding - bounds.y;
  const at = (p: Point): Point => ({ x: round(p.x + dx), y: round(p.y + dy) });

  const placedUnits = units.map((column) =>
    column.map((u) => ({
      ...u,
      ...at(u),
      valueBox: translateBox(u.valueBox, dx, dy),
      firstBaseline: round(u.firstBaseline + dy),
    })),
  );
  const placedBias = biasNodes.map((b) => ({ ...b, ...at(b) }));
  const labelBox = (center: Point) => centeredBox(center, labelSize.width, labelSize.height);

  const edges: EdgeLayout[][] = [];
  const biasEdges: BiasEdgeLayout[][] = [];
  for (let l = 1; l <= L; l++) {
    const sources = placedUnits[l - 1] as UnitLayout[];
    const targets = placedUnits[l] as UnitLayout[];
    const bias = placedBias[l - 1] as BiasNodeLayout;
    const centers = edgeCenters[l - 1] as Point[];
    // From a grid cell, the edge starts at the cell's side (half a cell from its center).
    const sourceRadius = grid && l === 1 ? cell / 2 : r;
    edges.push(
      sources.flatMap((s, i) =>
        targets.map((t, j) => {
          const k = i * targets.length + j;
          const label = at(centers[k] as Point);
          const leader = edgeLeaders[l - 1]?.[k] ?? null;
          return {
            layer: l,
            from: i,
            to: j,
            path: rimToRim(s, sourceRadius, t, r),
            label,
            labelBox: labelBox(label),
            leader: leader && at(leader),
          };
        }),
      ),
    );
    biasEdges.push(
      targets.map((t, j) => {
        const label = at((biasCenters[l - 1] as Point[])[j] as Point);
        const path = rimToRim(bias, bias.size / 2, t, r);
        const leader = biasLeaders[l - 1]?.[j] ?? null;
        return {
          layer: l,
          unit: j,
          path,
          label,
          labelBox: labelBox(label),
          leader: leader && at(leader),
        };
      }),
    );
  }

  const placedGrid = grid && gridBox ? { ...grid, cell, box: translateBox(gridBox, dx, dy) } : null;
  const bundles = placedGrid
    ? (placedUnits[1] as UnitLayout[]).map((t) => {
        const { x, y, width, height } = placedGrid.box;
        const right = round(x + width);
        return `M${right},${round(y)}L${round(t.x - r)},${t.y}L${right},${round(y + height)}Z`;
      })
    : [];

  const layout: NetworkLayout = {
    sizes: [...sizes],
    width: Math.ceil(bounds.width + 2 * METRICS.padding),
    height: Math.ceil(bounds.height + 2 * METRICS.padding),
    columnGap,
    radius: r,
    edgeLabels,
    units: placedUnits,
    edges,
    biasNodes: placedBias,
    biasEdges,
    columns: sizes.map((_, l) => ({
      layer: l,
      x: round(colX(l) + dx),
      name: layerName(l, L),
      nameY: round(nameY + dy),
    })),
    inputGrid: placedGrid,
    bundles,
    targets: outputs.map((u) => at({ x: targetX, y: u.y })),
    loss: at(loss),
    obstacles: [...fixed, ...names].map((box) => translateBox(box, dx, dy)),
  };
  return { layout, clean };
}
