import { memo, useDeferredValue, type KeyboardEvent } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { METRICS, type UnitLayout } from '../../layout/networkLayout';
import { textWidth } from '../../layout/boxes';
import { selectProgress, selectShownPass, selectStep } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { HIDDEN_NUMBER } from '../../math/format';
import { notationFor, type Notation } from '../../math/notations';
import { digitsFor, fitLength, shownAt, valueName } from './diagramText';
import { unitFocus, type UnitFocus } from './highlight';
import { inView, useView } from './viewport';

interface UnitProps {
  unit: UnitLayout;
  /**
   * x for an input; z, a, δ for the others: the formatted number ("?" while the learner is asked
   * to predict it), or null before it is computed.
   */
  x?: string;
  z?: string | null;
  a?: string | null;
  delta?: string | null;
  focus: UnitFocus;
  selected: boolean;
  notation: Notation;
}

type Quantity = 'z' | 'a' | 'delta';

/** Room for a value's one-letter name and a space (z, a, δ, s, x, k), in px. */
const NAME_WIDTH = Math.ceil(textWidth('δ ', METRICS.fontSize));

const CURRENT_LINES: Record<UnitFocus, readonly Quantity[]> = {
  '': [],
  'computing-forward': ['z', 'a'],
  'computing-delta': ['delta'],
  'source-a': ['a'],
  'source-delta': ['delta'],
};

/** A value as the unit's accessible name says it. */
function spoken(text: string | null): string {
  if (text === null) return 'not computed yet';
  return text === HIDDEN_NUMBER ? 'waiting for your prediction' : text;
}

/** A unit: its name in the circle and, under it, its values as the pass computes them. */
const Unit = memo(function Unit(props: UnitProps) {
  const { unit, focus, selected, notation } = props;
  const store = useAppStoreApi();
  const { layer, x, y } = unit;
  const name = notation.text.unit('a', layer, unit.unit);
  const input = layer === 0;
  const lines: { quantity: Quantity; text: string | null }[] = input
    ? [{ quantity: 'a', text: props.x ?? null }]
    : [
        { quantity: 'z', text: props.z ?? null },
        { quantity: 'a', text: props.a ?? null },
        { quantity: 'delta', text: props.delta ?? null },
      ];
  const pending = !input && props.a === null;
  const select = () => store.getState().select({ kind: 'unit', layer, unit: unit.unit });
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    select();
  };
  const described = lines
    .map((l) => `${valueName(notation, l.quantity)} ${spoken(l.text)}`)
    .join(', ');
  const className = ['unit', pending ? 'pending' : '', focus, selected ? 'selected' : ''].join(' ');

  return (
    <g
      className={className}
      data-testid={`unit-${layer}-${unit.unit}`}
      role="button"
      tabIndex={0}
      aria-label={input ? `Input ${name} = ${props.x ?? ''}` : `Unit ${name}: ${described}`}
      aria-pressed={selected}
      onClick={(event) => {
        event.stopPropagation();
        select();
      }}
      onKeyDown={onKeyDown}
    >
      {selected && <circle className="unit-ring" cx={x} cy={y} r={METRICS.unitRadius + 5} />}
      <circle className="unit-circle" cx={x} cy={y} r={METRICS.unitRadius} />
      <text className="unit-name" x={x} y={y} dy="0.35em">
        {name}
      </text>
      {/* The numbers change on every edit: each is the only text node of its own <text>, which
          the browser lays out again far faster than a text with several parts. Names are static
          texts in a column of their own, the numbers left-aligned after them. */}
      {lines.map((line, k) => {
        const baseline = unit.firstBaseline + k * METRICS.lineHeight;
        const className = [
          'unit-values',
          line.text === null ? 'empty' : '',
          CURRENT_LINES[focus].includes(line.quantity) ? 'current' : '',
        ].join(' ');
        const testId = `value-${line.quantity}-${layer}-${unit.unit}`;
        const text = line.text ?? '—';
        const fontSize = METRICS.fontSize;
        if (input)
          return (
            <text
              key={line.quantity}
              x={x}
              y={baseline}
              className={className}
              data-testid={testId}
              textLength={fitLength(text, fontSize, unit.valueBox.width)}
              lengthAdjust="spacingAndGlyphs"
            >
              {text}
            </text>
          );
        return (
          <g key={line.quantity}>
            <text x={unit.valueBox.x} y={baseline} className={`${className} value-name`}>
              {valueName(notation, line.quantity)}
            </text>
            <text
              x={unit.valueBox.x + NAME_WIDTH}
              y={baseline}
              className={`${className} value-number`}
              data-testid={testId}
              textLength={fitLength(text, fontSize, unit.valueBox.width - NAME_WIDTH)}
              lengthAdjust="spacingAndGlyphs"
            >
              {text}
            </text>
          </g>
        );
      })}
    </g>
  );
});

/** One column of units. Subscribes once for the column; each unit gets its numbers as text. */
export const UnitColumn = memo(function UnitColumn(props: {
  layer: number;
  units: UnitLayout[];
  lastLayer: number;
}) {
  const { layer, units, lastLayer } = props;
  const v = useApp(
    useShallow((s) => {
      const progress = selectProgress(s);
      return {
        inputs: layer === 0 ? s.samples[s.sampleIndex]?.x : undefined,
        // The pass as shown: a value the learner is asked to predict is NaN, written "?".
        values:
          layer > 0
            ? selectShownPass(s).snapshot.samples[s.sampleIndex]?.layers[layer - 1]
            : undefined,
        forward: progress.forwardUnits[layer - 1] ?? 0,
        deltas: progress.deltaUnits[layer - 1] ?? 0,
        step: selectStep(s),
        selected:
          s.selection?.kind === 'unit' && s.selection.layer === layer ? s.selection.unit : -1,
        digits: s.view.digits,
        notation: notationFor(s.notation, s.network),
      };
    }),
  );
  const { step, selected, notation } = v;
  // Units out of view show numbers from a deferred render: an edit on a large network redraws
  // what is in view in its own frame, and the rest as soon as the page is free (ViewRect).
  const view = useView();
  // Only a column with units out of view renders twice (the deferred render costs a few ms).
  const shownNow = units.map((unit) => inView(view, unit.x, unit.y));
  const deferred = useDeferredValue(shownNow.includes(false) ? v : null);
  const later = deferred ?? v;

  return (
    <g className="unit-column" data-layer={layer}>
      {units.map((unit, k) => {
        const j = unit.unit;
        const { inputs, values, forward, deltas } = shownNow[k] ? v : later;
        const digits = digitsFor(j === selected, v.digits);
        const known = (computed: boolean, list: ArrayLike<number> | undefined) =>
          computed ? shownAt(list, j, digits) : null;
        return (
          <Unit
            key={j}
            unit={unit}
            {...(layer === 0
              ? { x: shownAt(inputs, j, digits) }
              : {
                  z: known(j < forward, values?.z),
                  a: known(j < forward, values?.a),
                  delta: known(j < deltas, values?.delta),
                })}
            focus={unitFocus(step, layer, j, lastLayer)}
            selected={j === selected}
            notation={notation}
          />
        );
      })}
    </g>
  );
});
