import { useMemo, useState } from 'react';
import {
  ABSOLUTE_NOISE,
  gradientCheck,
  RELATIVE_TOLERANCE,
  type GradientCheck,
  type GradientCheckRow,
} from '../../engine';
import { notationFor, parameterLabel } from '../../math';
import { formatNumber } from '../../math/format';
import { useAppStoreApi } from '../../store/context';
import { penaltyOfChoices } from '../../training/selectors';
import { useTrainingKit } from './kit';

type Column = 'parameter' | 'backprop' | 'numerical' | 'absoluteError' | 'relativeError';

const COLUMNS: { id: Column; name: string }[] = [
  { id: 'parameter', name: 'Parameter' },
  { id: 'backprop', name: 'Backprop ∂L/∂θ' },
  { id: 'numerical', name: 'Central difference' },
  { id: 'absoluteError', name: 'Absolute error' },
  { id: 'relativeError', name: 'Relative error' },
];

const SHOWN = 100;

/** Parameter order: layer, then weights before biases, then unit indices. */
const order = (r: GradientCheckRow) => [r.layer, r.kind === 'bias' ? 1 : 0, r.from ?? 0, r.to];

function compare(column: Column) {
  return (a: GradientCheckRow, b: GradientCheckRow): number => {
    if (column !== 'parameter') return a[column] - b[column];
    const x = order(a);
    const y = order(b);
    for (let i = 0; i < x.length; i++)
      if (x[i] !== y[i]) return (x[i] as number) - (y[i] as number);
    return 0;
  };
}

/**
 * The gradient check: for the training network and the first mini-batch of its data, backprop's ∂L/∂θ beside the
 * central difference (L(θ + h) − L(θ − h)) / 2h for every weight and bias — no calculus needed on
 * the right, so agreement shows backprop is right.
 */
export function GradientCheckPanel() {
  const app = useAppStoreApi();
  const { choices, controller } = useTrainingKit();
  const [check, setCheck] = useState<GradientCheck | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [sort, setSort] = useState<{ column: Column; descending: boolean }>({
    column: 'relativeError',
    descending: true,
  });
  const [all, setAll] = useState(false);

  const run = async () => {
    setBusy(true);
    // The network being trained reaches its store when training pauses.
    await controller.pause();
    // Let "Checking…" paint before the (synchronous) differences run.
    setTimeout(() => {
      try {
        const { network, samples } = app.getState();
        setCheck(gradientCheck(network, samples, penaltyOfChoices(choices.getState())));
        setError(null);
      } catch (e) {
        setError((e as Error).message);
      }
      setBusy(false);
    }, 20);
  };

  const rows = useMemo(() => {
    if (!check) return [];
    const sorted = check.rows.slice().sort(compare(sort.column));
    return sort.descending ? sorted.reverse() : sorted;
  }, [check, sort]);
  const notation = notationFor(app.getState().notation, app.getState().network);
  const shown = all ? rows : rows.slice(0, SHOWN);

  return (
    <section className="panel gradient-check" aria-labelledby="check-heading">
      <h2 id="check-heading">Gradient check</h2>
      <p className="hint">
        For the training network and the first mini-batch of the training data (
        {app.getState().samples.length} samples): backprop beside (L(θ + h) − L(θ − h)) / 2h for
        every weight and bias, with the regularization term when there is one. Relative error = |a −
        b| / max(|a|, |b|): near 10⁻⁸ or below for smooth activations; a kink (ReLU at 0) can make a
        few larger.
      </p>
      <button type="button" onClick={() => void run()} disabled={busy}>
        {busy ? 'Checking…' : 'Check the gradients'}
      </button>
      {error && (
        <p className="field-error" role="alert">
          {error}
        </p>
      )}
      {check && (
        <>
          <p className="check-summary" role="status" data-testid="check-summary">
            {check.rows.length} parameters, h = {check.h}: largest relative error{' '}
            <strong>{formatNumber(check.maxRelativeError, 2)}</strong>, median{' '}
            <strong>{formatNumber(check.medianRelativeError, 2)}</strong>.{' '}
            {check.disagreements === 0
              ? 'Backprop and the differences agree on every parameter.'
              : `${check.disagreements} of ${check.rows.length} disagree (marked ✗).`}
          </p>
          <LayerSummary check={check} />
          <p className="hint">
            They agree (✓) when the relative error is below {formatNumber(RELATIVE_TOLERANCE, 1)} or
            the absolute error is below {formatNumber(ABSOLUTE_NOISE, 1)}·max(1, L): the rounding
            noise of the difference quotient, which makes tiny (vanishing) gradients show large
            relative errors although backprop is exact.
          </p>
          <div className="check-table-wrap">
            <table className="check-table">
              <thead>
                <tr>
                  {COLUMNS.map((c) => (
                    <th
                      key={c.id}
                      scope="col"
                      aria-sort={
                        sort.column === c.id
                          ? sort.descending
                            ? 'descending'
                            : 'ascending'
                          : 'none'
                      }
                    >
                      <button
                        type="button"
                        className="link"
                        onClick={() =>
                          setSort((s) => ({
                            column: c.id,
                            descending: s.column === c.id ? !s.descending : c.id !== 'parameter',
                          }))
                        }
                      >
                        {c.name}
                        {sort.column === c.id ? (sort.descending ? ' ▼' : ' ▲') : ''}
                      </button>
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr
                    key={`${r.layer}-${r.kind}-${r.from}-${r.to}`}
                    className={r.agrees ? undefined : 'suspect'}
                  >
                    <th scope="row">
                      {parameterLabel(
                        r.kind === 'weight'
                          ? { kind: 'weight', layer: r.layer, from: r.from ?? 0, to: r.to }
                          : { kind: 'bias', layer: r.layer, unit: r.to },
                        notation,
                      )}
                    </th>
                    <td>{formatNumber(r.backprop, 8)}</td>
                    <td>{formatNumber(r.numerical, 8)}</td>
                    <td>{formatNumber(r.absoluteError, 2)}</td>
                    <td>
                      {formatNumber(r.relativeError, 2)}{' '}
                      <span aria-label={r.agrees ? 'agrees' : 'disagrees'}>
                        {r.agrees ? '✓' : '✗'}
                      </span>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {rows.length > SHOWN && (
            <button type="button" onClick={() => setAll((a) => !a)}>
              {all ? `Show the first ${SHOWN}` : `Show all ${rows.length} rows`}
            </button>
          )}
        </>
      )}
    </section>
  );
}

/** One line per weight matrix: where, if anywhere, backprop and the differences part ways. */
function LayerSummary({ check }: { check: GradientCheck }) {
  return (
    <table className="check-layers" data-testid="check-layers">
      <caption className="visually-hidden">Gradient check by layer</caption>
      <thead>
        <tr>
          <th scope="col">Layer</th>
          <th scope="col">Parameters</th>
          <th scope="col">Largest relative error</th>
          <th scope="col">Median relative error</th>
          <th scope="col">Largest absolute error</th>
          <th scope="col">Agree</th>
        </tr>
      </thead>
      <tbody>
        {check.layers.map((l) => (
          <tr key={l.layer} className={l.disagreements ? 'suspect' : undefined}>
            <th scope="row">
              W⁽{superscript(l.layer)}⁾, b⁽{superscript(l.layer)}⁾
            </th>
            <td>{l.parameters}</td>
            <td>{formatNumber(l.maxRelativeError, 2)}</td>
            <td>{formatNumber(l.medianRelativeError, 2)}</td>
            <td>{formatNumber(l.maxAbsoluteError, 2)}</td>
            <td>
              {l.parameters - l.disagreements} / {l.parameters}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const SUPERSCRIPTS = '⁰¹²³⁴⁵⁶⁷⁸⁹';
const superscript = (n: number) =>
  String(n).replace(/\d/g, (d) => SUPERSCRIPTS[Number(d)] as string);
