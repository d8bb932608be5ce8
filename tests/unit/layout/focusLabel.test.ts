import { describe, expect, it } from 'vitest';
import { boxesOverlap, type Box } from '../../../src/layout/boxes';
import { focusLabelSpot } from '../../../src/layout/focusLabel';
import {
  edgeLabelSize,
  networkLayout,
  type BiasEdgeLayout,
  type EdgeLayout,
  type NetworkLayout,
} from '../../../src/layout/networkLayout';
import { FOCUS_DIGITS } from '../../../src/math/format';

const allEdges = (layout: NetworkLayout): (EdgeLayout | BiasEdgeLayout)[] => [
  ...layout.edges.flat(),
  ...layout.biasEdges.flat(),
];

const name = (e: EdgeLayout | BiasEdgeLayout) =>
  'from' in e ? `w ${e.layer}-${e.from}-${e.to}` : `b ${e.layer}-${e.unit}`;

/** What the raised label of `edge` at `size` covers: other labels (if drawn), units, values. */
function covered(layout: NetworkLayout, edge: EdgeLayout | BiasEdgeLayout, box: Box): string[] {
  const found: string[] = [];
  if (layout.edgeLabels) {
    for (const other of allEdges(layout)) {
      if (other !== edge && boxesOverlap(box, other.labelBox)) found.push(name(other));
    }
  }
  layout.obstacles.forEach((o, k) => {
    if (boxesOverlap(box, o)) found.push(`obstacle ${k}`);
  });
  const inside =
    box.x >= 0 &&
    box.y >= 0 &&
    box.x + box.width <= layout.width &&
    box.y + box.height <= layout.height;
  if (!inside) found.push('outside the diagram');
  return found;
}

describe('the raised label of a selected weight or bias', () => {
  it.each([
    [[2, 2, 2], 4],
    [[3, 4, 4, 2], 4],
    [[3, 4, 4, 2], 8],
    [[4, 4, 4, 4], 4],
    [[2, 3, 3], 6],
    [[4, 4, 4, 4, 4, 4, 4, 4, 4, 4], 4],
    [[8, 16, 16, 10], 4],
  ] as const)('%j at %i digits: its wider box covers nothing, for every edge', (sizes, digits) => {
    const layout = networkLayout(sizes, { digits });
    const size = edgeLabelSize(Math.max(FOCUS_DIGITS, digits));
    const bad: string[] = [];
    for (const edge of allEdges(layout)) {
      const spot = focusLabelSpot(layout, edge, size);
      expect(spot.labelBox.width).toBe(size.width);
      const hits = covered(layout, edge, spot.labelBox);
      if (hits.length > 0) bad.push(`${name(edge)}: ${hits.join(', ')}`);
    }
    expect(bad).toEqual([]);
  });

  it('stays where it is when it is no wider than its room', () => {
    const layout = networkLayout([3, 4, 4, 2]);
    for (const edge of allEdges(layout)) {
      const spot = focusLabelSpot(layout, edge, edgeLabelSize(4));
      expect(spot.label).toEqual(edge.label);
      expect(spot.leader).toEqual(edge.leader);
    }
  });

  it('points back to its edge with a leader line when it moves off it', () => {
    // w₂₁⁽¹⁾ of the classic network: eight digits do not fit between its neighbours.
    const layout = networkLayout([2, 2, 2]);
    const moved = allEdges(layout)
      .map((edge) => ({ edge, spot: focusLabelSpot(layout, edge, edgeLabelSize(8)) }))
      .filter(({ spot }) => spot.leader !== null);
    expect(moved.length).toBeGreaterThan(0);
    for (const { edge, spot } of moved) {
      const leader = spot.leader as { x: number; y: number };
      const [a, b] =
        'from' in edge
          ? [layout.units[edge.layer - 1]?.[edge.from], layout.units[edge.layer]?.[edge.to]]
          : [layout.biasNodes[edge.layer - 1], layout.units[edge.layer]?.[edge.unit]];
      if (!a || !b) throw new Error('no edge');
      // The leader's end lies on the edge, between its two ends.
      const cross = (b.x - a.x) * (leader.y - a.y) - (b.y - a.y) * (leader.x - a.x);
      expect(Math.abs(cross) / Math.hypot(b.x - a.x, b.y - a.y)).toBeLessThan(0.01);
      expect(leader.x).toBeGreaterThanOrEqual(Math.min(a.x, b.x));
      expect(leader.x).toBeLessThanOrEqual(Math.max(a.x, b.x));
    }
  });

  it('is worked out once per layout, edge and size', () => {
    const layout = networkLayout([3, 4, 4, 2]);
    const edge = layout.edges[1]?.[5] as EdgeLayout;
    expect(focusLabelSpot(layout, edge, edgeLabelSize(8))).toBe(
      focusLabelSpot(layout, edge, edgeLabelSize(8)),
    );
  });
});
