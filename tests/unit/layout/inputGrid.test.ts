import { describe, expect, it } from 'vitest';
import { boxesOverlap, centeredBox } from '../../../src/layout/boxes';
import {
  GRID_CELL,
  METRICS,
  WIDE_INPUTS,
  inputGridShape,
  networkLayout,
} from '../../../src/layout/networkLayout';

describe('inputGridShape', () => {
  it('keeps a narrow input layer a column', () => {
    expect(inputGridShape(1)).toBeNull();
    expect(inputGridShape(8)).toBeNull();
    expect(inputGridShape(WIDE_INPUTS)).toBeNull();
  });
  it('makes a wide one as square as it gets, row by row', () => {
    expect(inputGridShape(64)).toEqual({ columns: 8, rows: 8 });
    expect(inputGridShape(17)).toEqual({ columns: 5, rows: 4 });
    expect(inputGridShape(20)).toEqual({ columns: 5, rows: 4 });
    expect(inputGridShape(30)).toEqual({ columns: 6, rows: 5 });
  });
});

describe('a 64-input network', () => {
  const layout = networkLayout([64, 16, 10]);
  const grid = layout.inputGrid;
  const inputs = layout.units[0] ?? [];

  it('draws its inputs as an 8×8 grid of cells, pixel i at row ⌊i/8⌋, column i mod 8', () => {
    if (!grid) throw new Error('no grid');
    expect(grid.columns).toBe(8);
    expect(grid.rows).toBe(8);
    expect(grid.box.width).toBe(8 * GRID_CELL);
    expect(grid.box.height).toBe(8 * GRID_CELL);
    expect(inputs).toHaveLength(64);
    for (const u of inputs) {
      const col = u.unit % 8;
      const row = Math.floor(u.unit / 8);
      expect(u.x).toBeCloseTo(grid.box.x + (col + 0.5) * GRID_CELL, 6);
      expect(u.y).toBeCloseTo(grid.box.y + (row + 0.5) * GRID_CELL, 6);
      expect(u.valueBox).toEqual(centeredBox(u, GRID_CELL, GRID_CELL));
    }
    // The cells tile the grid without overlapping.
    for (let i = 0; i < 64; i++)
      for (let j = i + 1; j < 64; j++)
        expect(boxesOverlap(inputs[i]!.valueBox, inputs[j]!.valueBox)).toBe(false);
  });

  it('is far shorter than a column of 64 circles, its grid centered on the hidden column', () => {
    if (!grid) throw new Error('no grid');
    const column = networkLayout([16, 16, 10]);
    expect(layout.height).toBeLessThanOrEqual(column.height);
    const hidden = layout.units[1] ?? [];
    const middle = ((hidden[0]?.y ?? 0) + (hidden[15]?.y ?? 0)) / 2;
    expect(grid.box.y + grid.box.height / 2).toBeCloseTo(middle, 6);
  });

  it('leaves the usual gap from the grid to the first layer, and puts the bias above the grid', () => {
    if (!grid) throw new Error('no grid');
    const first = layout.units[1]?.[0];
    expect((first?.x ?? 0) - (grid.box.x + grid.box.width)).toBe(layout.columnGap);
    expect(layout.columns[0]?.x).toBeCloseTo(grid.box.x + grid.box.width / 2, 6);
    const bias = layout.biasNodes[0];
    expect(bias?.x).toBeCloseTo(grid.box.x + grid.box.width / 2, 6);
    expect((bias?.y ?? 0) + (bias?.size ?? 0) / 2).toBeLessThan(grid.box.y);
  });

  it('draws one bundle per first-layer unit, from the grid side to the unit', () => {
    if (!grid) throw new Error('no grid');
    expect(layout.bundles).toHaveLength(16);
    const right = grid.box.x + grid.box.width;
    layout.units[1]?.forEach((u, j) => {
      expect(layout.bundles[j]).toBe(
        `M${right},${grid.box.y}L${u.x - METRICS.unitRadius},${u.y}L${right},${grid.box.y + grid.box.height}Z`,
      );
    });
  });

  it('still lays out every weight edge, from the cell side, for the one selected', () => {
    expect(layout.edges[0]).toHaveLength(64 * 16);
    const edge = layout.edges[0]?.[5 * 16 + 3];
    const cell = inputs[5]!;
    const start = /^M(-?[\d.]+),(-?[\d.]+)L/.exec(edge?.path ?? '');
    expect(start).not.toBeNull();
    const [x, y] = [Number(start?.[1]), Number(start?.[2])];
    expect(Math.hypot(x - cell.x, y - cell.y)).toBeCloseTo(GRID_CELL / 2, 1);
  });

  it('keeps narrow networks as they were: no grid, no bundles', () => {
    const small = networkLayout([2, 2, 1]);
    expect(small.inputGrid).toBeNull();
    expect(small.bundles).toEqual([]);
  });
});
