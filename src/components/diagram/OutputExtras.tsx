import { useShallow } from 'zustand/react/shallow';
import { activationName, subscript } from '../../math/labels';
import { notationFor } from '../../math/notations';
import type { ColumnLayout, NetworkLayout } from '../../layout/networkLayout';
import {
  selectProgress,
  selectShownPass,
  selectStep,
  selectUpdate,
  snapshotOf,
  updateShown,
  type AppState,
} from '../../store';
import { useApp } from '../../store/context';
import { shown } from './diagramText';

/**
 * This sample's loss under the updated network: the next pass's own, so it is computed once. NaN
 * ("?") while a new weight or bias is still to predict.
 */
function sampleLossAfterUpdate(s: AppState): number | null {
  if (!updateShown(selectProgress(s))) return NaN;
  const after = snapshotOf(selectUpdate(s).network, s.samples);
  return after.samples[s.sampleIndex]?.loss ?? null;
}

/** The targets y_j beside the output units, and the loss once the pass has computed it. */
export function OutputExtras({ layout }: { layout: NetworkLayout }) {
  const v = useApp(
    useShallow((s) => {
      const kind = selectStep(s).kind;
      const lossShown = selectProgress(s).lossShown;
      return {
        targets: s.samples[s.sampleIndex]?.y,
        loss: lossShown ? (selectShownPass(s).snapshot.samples[s.sampleIndex]?.loss ?? null) : null,
        // On the update step, this sample's loss with the updated weights, beside the old one.
        newLoss: kind === 'update' ? sampleLossAfterUpdate(s) : null,
        batch: s.samples.length,
        sampleIndex: s.sampleIndex,
        inUse: kind === 'loss' || kind === 'outputDelta',
        digits: s.view.digits,
        notation: notationFor(s.notation, s.network),
      };
    }),
  );
  const lossName =
    v.batch > 1
      ? `${v.notation.loss.text}${subscript(String(v.sampleIndex + 1))}`
      : v.notation.loss.text;

  return (
    <g className={`output-extras${v.inUse ? ' current' : ''}`}>
      {layout.targets.map((anchor, j) => (
        <text key={j} className="target" x={anchor.x} y={anchor.y} dy="0.35em">
          <tspan className="value-name">{v.notation.text.target(j)} </tspan>
          <tspan data-testid={`target-${j}`}>{shown(v.targets?.[j], v.digits)}</tspan>
        </text>
      ))}
      <g className={`loss${v.loss === null ? ' empty' : ''}`}>
        <text x={layout.loss.x} y={layout.loss.y} dy="0.35em">
          <tspan className="value-name">{lossName} = </tspan>
          <tspan data-testid="loss">{shown(v.loss, v.digits)}</tspan>
          {v.newLoss !== null && (
            <tspan className="loss-after" data-testid="loss-after">
              {' → '}
              {shown(v.newLoss, v.digits)}
            </tspan>
          )}
        </text>
        {v.batch > 1 && (
          <text className="loss-note" x={layout.loss.x} y={layout.loss.y + 16}>
            this sample&apos;s loss
          </text>
        )}
      </g>
    </g>
  );
}

/** 'input', 'hidden 1', …, 'output' under the columns, each with its activation. */
export function ColumnNames({ columns }: { columns: ColumnLayout[] }) {
  const activations = useApp(useShallow((s) => s.network.layers.map((l) => l.activation)));
  return (
    <g className="column-names">
      {columns.map((column) => {
        const activation = activations[column.layer - 1];
        return (
          <text key={column.layer} x={column.x} y={column.nameY}>
            <tspan className="column-name">{column.name}</tspan>
            {activation && (
              <tspan className="column-activation" x={column.x} dy="1.25em">
                {activationName(activation)}
              </tspan>
            )}
          </text>
        );
      })}
    </g>
  );
}
