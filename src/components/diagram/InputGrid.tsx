import { memo, useState, type CSSProperties, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import type { InputGrid as Grid, UnitLayout } from '../../layout/networkLayout';
import { formatNumber } from '../../math/format';
import { parameterLabel } from '../../math/labels';
import { notationFor, type Notation } from '../../math/notations';
import { selectStep } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import type { Selection } from '../../store/types';
import { digitsFor, shownAt } from './diagramText';
import { unitFocus } from './highlight';
import { hoverHandlers, useHoverStore, type Hovered } from './hover';

/** The first-layer unit whose incoming weights the grid shows: selected, or its weight is. */
function weightsInto(selection: Selection | null): number {
  if (!selection || selection.layer !== 1) return -1;
  if (selection.kind === 'unit') return selection.unit;
  return selection.kind === 'weight' ? selection.to : -1;
}

/** How dark a cell is, 0…1: its value within the sample's range (the lowest white). */
function ink(values: ArrayLike<number> | undefined, lo: number, hi: number, i: number): number {
  const v = values?.[i];
  if (v === undefined || !Number.isFinite(v)) return 0;
  return hi > lo ? (v - lo) / (hi - lo) : 0;
}

interface CellProps {
  unit: UnitLayout;
  size: number;
  /** The input's value as shown, for its name. */
  text: string;
  /** 0…1, the shade of the input (when no weights are shown). */
  shade: number;
  /** The weight from this input into the unit whose weights are shown, or null. */
  weight: { parameter: Hovered; value: number; text: string; strength: number } | null;
  selected: boolean;
  notation: Notation;
}

/**
 * One input as a cell of the grid: a button that selects the input unit, as its circle would; while
 * a first-layer unit's weights are shown, the cell is tinted by the weight from it to that unit
 * (blue positive, vermillion negative, stronger the larger |w|) and selects that weight.
 */
const Cell = memo(function Cell(props: CellProps) {
  const { unit, size, text, shade, weight, selected, notation } = props;
  const store = useAppStoreApi();
  const hover = useHoverStore();
  const name = notation.text.unit('a', 0, unit.unit);
  const select = () =>
    store
      .getState()
      .select(weight ? weight.parameter : { kind: 'unit', layer: 0, unit: unit.unit });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    select();
  };
  const half = size / 2;
  const sign = weight
    ? weight.value > 0
      ? 'positive'
      : weight.value < 0
        ? 'negative'
        : 'zero'
    : '';
  const style = {
    fillOpacity: weight ? 0.08 + 0.92 * weight.strength : shade,
  } as CSSProperties;
  return (
    <g
      className={`input-cell${weight ? ` weight ${sign}` : ''}${selected ? ' selected' : ''}`}
      data-testid={`unit-0-${unit.unit}`}
      role="button"
      tabIndex={0}
      aria-label={
        weight
          ? `${parameterLabel(weight.parameter, notation)} = ${weight.text}`
          : `Input ${name} = ${text}`
      }
      aria-pressed={selected}
      onClick={(event) => {
        event.stopPropagation();
        select();
      }}
      onKeyDown={onKeyDown}
      {...(weight ? hoverHandlers(hover, weight.parameter) : {})}
    >
      <rect
        className="input-cell-back"
        x={unit.x - half}
        y={unit.y - half}
        width={size}
        height={size}
      />
      <rect
        className="input-cell-fill"
        x={unit.x - half}
        y={unit.y - half}
        width={size}
        height={size}
        style={style}
      />
      {selected && (
        <rect
          className="input-cell-ring"
          x={unit.x - half + 1.5}
          y={unit.y - half + 1.5}
          width={size - 3}
          height={size - 3}
        />
      )}
    </g>
  );
});

/**
 * A wide input layer as a grid of cells, a picture of the sample: each cell an input unit, shaded by
 * its value. Selecting a first-layer unit (or one of its weights) shows that unit's incoming weights
 * on the grid instead; a cell then selects its weight, whose value and gradient its label shows.
 * Under the grid, the input or weight under the pointer or selected, with its number.
 */
export const InputGrid = memo(function InputGrid(props: {
  grid: Grid;
  units: UnitLayout[];
  lastLayer: number;
}) {
  const { grid, units, lastLayer } = props;
  const v = useApp(
    useShallow((s) => {
      const into = weightsInto(s.selection);
      return {
        inputs: s.samples[s.sampleIndex]?.x,
        weights: into >= 0 ? s.network.layers[0]?.weights : undefined,
        into,
        focus: unitFocus(selectStep(s), 0, 0, lastLayer),
        selected:
          s.selection?.kind === 'unit' && s.selection.layer === 0
            ? s.selection.unit
            : s.selection?.kind === 'weight' && s.selection.layer === 1
              ? s.selection.from
              : -1,
        digits: s.view.digits,
        notation: notationFor(s.notation, s.network),
        picture: s.picture,
      };
    }),
  );
  const { inputs, weights, into, focus, selected, digits, notation, picture } = v;
  // A picture's pixels (a drawing, a digit) are said to be one; other wide inputs are a grid.
  const shown = picture
    ? `Picture ${picture.width}×${picture.height}, darker is larger`
    : 'Inputs row by row, darker is larger';
  const [pointed, setPointed] = useState(-1);
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < units.length; i++) {
    const x = inputs?.[i];
    if (x === undefined || !Number.isFinite(x)) continue;
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  let largest = 0;
  if (weights) for (const row of weights) largest = Math.max(largest, Math.abs(row[into] ?? 0));
  const weightOf = (i: number) => {
    if (!weights) return null;
    const value = weights[i]?.[into] ?? 0;
    return {
      parameter: { kind: 'weight', layer: 1, from: i, to: into } as const,
      value,
      text: formatNumber(value, digitsFor(i === selected, digits)),
      strength: largest > 0 ? Math.abs(value) / largest : 0,
    };
  };
  const { box } = grid;
  // The cell under the pointer, else the selected one, said in words under the grid.
  const told = pointed >= 0 ? pointed : selected;
  const toldWeight = told >= 0 ? weightOf(told) : null;
  const caption =
    told < 0
      ? weights
        ? `Weights into ${notation.text.unit('a', 1, into)}: blue +, red −`
        : shown
      : toldWeight
        ? `${parameterLabel(toldWeight.parameter, notation)} = ${toldWeight.text}`
        : `${notation.text.unit('a', 0, told)} = ${shownAt(inputs, told, digitsFor(told === selected, digits))}`;

  return (
    <g
      className={`input-grid unit-column${focus ? ` ${focus}` : ''}`}
      data-layer={0}
      data-testid="input-grid"
      data-weights-into={into}
      data-picture={picture ? `${picture.width}×${picture.height}` : undefined}
      onPointerLeave={() => setPointed(-1)}
    >
      <rect
        className="input-grid-frame"
        x={box.x - 2}
        y={box.y - 2}
        width={box.width + 4}
        height={box.height + 4}
      />
      {units.map((unit) => (
        <g key={unit.unit} onPointerEnter={() => setPointed(unit.unit)}>
          <Cell
            unit={unit}
            size={grid.cell}
            text={shownAt(inputs, unit.unit, digitsFor(unit.unit === selected, digits))}
            shade={ink(inputs, lo, hi, unit.unit)}
            weight={weightOf(unit.unit)}
            selected={unit.unit === selected}
            notation={notation}
          />
        </g>
      ))}
      <text
        className="input-grid-caption"
        data-testid="input-grid-caption"
        x={box.x + box.width / 2}
        y={box.y + box.height + 18}
      >
        {caption}
      </text>
    </g>
  );
});
