import { rawPoint } from '../../data';
import { formatNumber } from '../../math/format';
import { datasetOf, pointPlace, preparedOf } from '../../training/selectors';
import type { ClassResults } from '../../training/runtime';
import { useChoices } from './kit';
import { PixelPicture } from './PixelPicture';

/**
 * The test examples the network gets wrong: where each is in the data, its true and predicted
 * class, and its inputs as they are in the file — a picture when the inputs are pixels.
 */
export function MisclassifiedList({ names, results }: { names: string[]; results: ClassResults }) {
  const dataset = useChoices(datasetOf);
  const data = useChoices(preparedOf);
  const picture = dataset.picture ?? null;
  const { wrong, wrongCount, testCount } = results;
  // In the data's order, so they read as the file does.
  const shown = wrong
    .filter((w) => w.index < data.test.count)
    .sort((a, b) => (data.testRows[a.index] ?? 0) - (data.testRows[b.index] ?? 0));
  const place = (index: number) => pointPlace(dataset, data.testRows[index] ?? index);
  const count = `${wrongCount.toLocaleString('en-US')} of ${testCount.toLocaleString('en-US')}`;
  return (
    <div className="misclassified">
      <h3 id="misclassified-heading">Misclassified examples</h3>
      <p className="hint" data-testid="misclassified-count">
        {wrongCount === 0
          ? 'None: every test example is classified right.'
          : `${count} test examples${wrongCount > shown.length ? `; the first ${shown.length} shown` : ''}.`}
      </p>
      {shown.length > 0 && (
        // Focusable: a keyboard can scroll a long list.
        <ul
          className={picture ? 'misclassified-pictures' : 'misclassified-rows'}
          aria-labelledby="misclassified-heading"
          tabIndex={0}
        >
          {shown.map(({ index, truth, predicted }) => {
            const inputs = rawPoint(data.testRaw, data.rawInputs, index);
            const where = place(index);
            const verdict = `true ${names[truth] ?? truth}, predicted ${names[predicted] ?? predicted}`;
            return picture ? (
              <li key={index}>
                <PixelPicture
                  pixels={inputs}
                  width={picture.width}
                  height={picture.height}
                  colors={{ kind: 'ink', range: picture.range }}
                  size={picture.width * 4}
                  label={`${where}: ${verdict}`}
                />
                <span aria-hidden="true" title={where}>
                  {names[truth]} → {names[predicted]}
                </span>
              </li>
            ) : (
              <li key={index}>
                <span className="where">{where}</span> {verdict}
                <span className="inputs">
                  {Array.from(
                    inputs,
                    (v, i) => `${data.rawNames[i] ?? `x${i + 1}`} ${formatNumber(v, 4)}`,
                  ).join(', ')}
                </span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
