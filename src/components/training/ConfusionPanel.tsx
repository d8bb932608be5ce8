import { classScores } from '../../engine';
import { classNamesOf, preparedOf } from '../../training/selectors';
import { cellShade, toCss } from '../../training/palette';
import type { ClassResults } from '../../training/runtime';
import { useChoices, useRun } from './kit';
import { MisclassifiedList } from './MisclassifiedList';
import { percent } from './TrainStatus';

/**
 * The test set's results for classes, as training runs: the confusion matrix (rows the true
 * class, columns the predicted one, each cell shaded by its share of its row), each class's
 * accuracy and precision, and the misclassified examples. The numbers come from the training
 * session with the run's other results, a few times a second at most.
 */
export function ConfusionPanel() {
  const data = useChoices(preparedOf);
  const names = useChoices(classNamesOf);
  const results = useRun((s) => s.results);
  // Results of the data before a change are not shown against the new data's classes.
  const current =
    names &&
    results &&
    results.counts.length === names.length &&
    results.testCount === data.test.count
      ? results
      : null;
  return (
    <section className="panel confusion-panel" aria-labelledby="confusion-heading">
      <h2 id="confusion-heading">Confusion matrix</h2>
      {!names ? (
        <p className="hint">Regression: no classes, so no confusion matrix.</p>
      ) : !current ? (
        <p className="hint">The matrix appears when the network has answered the test set.</p>
      ) : (
        <>
          <ConfusionTable names={names} results={current} />
          <MisclassifiedList names={names} results={current} />
        </>
      )}
    </section>
  );
}

function ConfusionTable({ names, results }: { names: string[]; results: ClassResults }) {
  const { counts } = results;
  const scores = classScores(counts);
  const rowTotals = counts.map((row) => row.reduce((a, b) => a + b, 0));
  return (
    <>
      {/* Focusable: a keyboard can scroll a matrix wider than a phone. */}
      <div
        className="confusion-scroll"
        tabIndex={0}
        role="group"
        aria-label="Confusion matrix table"
      >
        <table
          className="confusion-table"
          data-testid="confusion-table"
          aria-describedby="confusion-key"
        >
          <caption className="visually-hidden">
            The {results.testCount.toLocaleString('en-US')} test examples by true class (rows) and
            predicted class (columns)
          </caption>
          <thead>
            <tr>
              <td />
              <th scope="colgroup" colSpan={names.length} className="axis-name">
                predicted
              </th>
              <td />
            </tr>
            <tr>
              <th scope="col" className="axis-name">
                true
              </th>
              {names.map((name) => (
                <th key={name} scope="col" className="class-name">
                  {name}
                </th>
              ))}
              <th
                scope="col"
                className="score"
                title="Per-class accuracy (recall): right ÷ examples of the class"
              >
                accuracy
              </th>
            </tr>
          </thead>
          <tbody>
            {counts.map((row, t) => (
              <tr key={names[t]}>
                <th scope="row" className="class-name">
                  {names[t]}
                </th>
                {row.map((count, p) => {
                  const total = rowTotals[t] as number;
                  const shade = cellShade(total > 0 ? count / total : 0, p === t);
                  return (
                    <td
                      key={p}
                      className="count"
                      style={{ background: toCss(shade.background), color: toCss(shade.text) }}
                    >
                      {count}
                    </td>
                  );
                })}
                <td className="score">{percent(scores.recall[t])}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th
                scope="row"
                className="score"
                title="Per predicted class: right ÷ examples the network put in that class"
              >
                precision
              </th>
              {scores.precision.map((precision, p) => (
                <td key={p} className="score">
                  {percent(precision)}
                </td>
              ))}
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint" id="confusion-key">
        Each row a true class, each column the class the network picks, over the{' '}
        {results.testCount.toLocaleString('en-US')} test examples. Blue: right; orange: wrong;
        darker, a larger share of the row.
      </p>
      <p className="hint" data-testid="confusion-summary">
        {scores.correct.toLocaleString('en-US')} of {scores.total.toLocaleString('en-US')} right (
        {percent(scores.total > 0 ? scores.correct / scores.total : null)}).
      </p>
    </>
  );
}
