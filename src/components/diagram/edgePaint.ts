import { PENDING, type ColumnLook, type EdgeLook } from './edgeScale';

/**
 * Draws a column's edge looks (sign and width) onto its edges' elements, without React: in gradient
 * mode a weight edit changes the look of dozens of edges (all those into a unit whose δ crosses
 * zero), and rendering them through React missed the edit frame budget on the largest network
 * (README, Benchmarks). React renders each edge once, with no look; this writes `data-look` and
 * the `--w` width that diagram.css draws the line, its outline and its glow with.
 */
export interface EdgePainter {
  /** An edge's element (weights: row `from`, index `to`; biases: row −1, index unit), or null. */
  attach(row: number, index: number, element: SVGGElement | null): void;
  /** Draws `look`, touching only the rows and edges that look different from the last one drawn. */
  show(look: ColumnLook | undefined): void;
}

const kindOf = (look: EdgeLook) => (look.pending ? 'pending' : look.sign);

/**
 * Writes what of `look` differs from `before` (all of it without `before`): when the widest
 * gradient moves, every edge's width changes but few signs do.
 */
function paint(element: SVGGElement, look: EdgeLook, before?: EdgeLook): void {
  if (!before || kindOf(look) !== kindOf(before)) element.setAttribute('data-look', kindOf(look));
  if (!before || look.width !== before.width) element.style.setProperty('--w', `${look.width}px`);
}

const lookAt = (look: ColumnLook | undefined, row: number, index: number): EdgeLook =>
  (row < 0 ? look?.biases[index] : look?.weights[row]?.[index]) ?? PENDING;

export function edgePainter(): EdgePainter {
  /** Elements by row + 1 (row 0 holds the biases), then index. */
  const elements: (SVGGElement | undefined)[][] = [];
  let shown: ColumnLook | undefined;
  let drawn = false;

  return {
    attach(row, index, element) {
      const cells = (elements[row + 1] ??= []);
      cells[index] = element ?? undefined;
      if (element && drawn) paint(element, lookAt(shown, row, index));
    },
    show(look) {
      if (drawn && look === shown) return;
      elements.forEach((cells, slot) => {
        const row = slot - 1;
        const now = row < 0 ? look?.biases : look?.weights[row];
        const last = row < 0 ? shown?.biases : shown?.weights[row];
        if (drawn && now === last) return;
        cells.forEach((element, index) => {
          if (!element) return;
          const next = now?.[index] ?? PENDING;
          const before = drawn ? (last?.[index] ?? PENDING) : undefined;
          if (next !== before) paint(element, next, before);
        });
      });
      shown = look;
      drawn = true;
    },
  };
}
