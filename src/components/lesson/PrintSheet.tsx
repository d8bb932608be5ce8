import { createPortal } from 'react-dom';
import { activationName, notationFor, parameterLabel } from '../../math';
import { formatNumber } from '../../math/format';
import { lossName } from '../../math/loss';
import { stepTitle } from '../../math/titles';
import { quantityName } from '../../practice/names';
import {
  parameterValue,
  selectSteps,
  worksheetParameters,
  worksheetRows,
  type AppState,
} from '../../store';
import { useApp } from '../../store/context';
import { LessonBody } from './LessonText';

export type PrintKind = 'worksheet' | 'key';

/**
 * What "Print worksheet" and "Print answer key" print (only under @media print): the lesson, the
 * network with its numbers, and a table of every asked quantity of the pass in pass order, blank
 * or filled in to the learner's digits. Read once when printed: it is a copy of the moment.
 */
function Sheet({ kind, s }: { kind: PrintKind; s: AppState }) {
  const notation = notationFor(s.notation, s.network);
  const digits = s.view.digits;
  const steps = selectSteps(s);
  const rows = worksheetRows(s);
  const sizes = [s.network.inputSize, ...s.network.layers.map((l) => l.biases.length)];
  return (
    <div className="print-sheet" data-print={kind}>
      <h1>
        {s.view.plan.title || 'Backstep worksheet'}
        {kind === 'key' ? ' — answer key' : ''}
      </h1>
      {s.view.plan.text && <LessonBody text={s.view.plan.text} quiet />}
      <h2>The network</h2>
      <p>
        Layers {sizes.join('–')};{' '}
        {s.network.layers
          .map((layer, l) => `layer ${l + 1}: ${activationName(layer.activation)}`)
          .join(', ')}
        ; loss {lossName(s.network.loss)}; learning rate η = {formatNumber(s.learningRate, digits)}
        {s.trainBiases ? '' : ' (the update moves the weights only)'}.
        {s.samples.length > 1 ? ` The table asks about sample ${s.sampleIndex + 1}.` : ''}
      </p>
      <ul className="print-numbers">
        {worksheetParameters(s).map((p) => {
          const label = parameterLabel(p, notation, s.samples.length);
          return (
            <li key={label}>
              {label} = {formatNumber(parameterValue(s, p), digits)}
            </li>
          );
        })}
      </ul>
      <h2>{kind === 'key' ? 'Answers' : 'Work out, in order'}</h2>
      <table className="print-table">
        <thead>
          <tr>
            <th scope="col">#</th>
            <th scope="col">Step</th>
            <th scope="col">Quantity</th>
            <th scope="col">{kind === 'key' ? 'Value' : 'Your answer'}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row, i) => {
            const step = steps[row.step];
            return (
              <tr key={row.key}>
                <td>{i + 1}</td>
                <td>{step ? stepTitle(step, s.network, s.notation) : ''}</td>
                <td>{quantityName(row.quantity, notation)}</td>
                <td className={kind === 'key' ? 'print-value' : 'print-blank'}>
                  {kind === 'key' ? formatNumber(row.value, digits) : ''}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/** The sheet to print, outside the app's root so the print stylesheet can show it alone. */
export function PrintSheet({ kind }: { kind: PrintKind }) {
  const state = useApp((s) => s);
  return createPortal(<Sheet kind={kind} s={state} />, document.body);
}
