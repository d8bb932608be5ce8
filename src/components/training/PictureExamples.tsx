import { useMemo } from 'react';
import { rawPoint } from '../../data';
import { sampleAt } from '../../engine';
import { formatNumber } from '../../math/format';
import { classNamesOf, classOf, exampleIndices } from '../../training/pictures';
import { preparedOf, tableReadingOf } from '../../training/selectors';
import { useChoices } from './kit';
import { PixelPicture } from './PixelPicture';

/** Training points shown: two of each class, at most this many. */
const PER_CLASS = 2;
const MAX_SHOWN = 20;
const THUMB = 34;

/** For data whose inputs are a picture: a few training points as pictures, with their class. */
export function PictureExamples() {
  const data = useChoices(preparedOf);
  const read = useChoices(tableReadingOf);
  const picture = data.picture;
  // Each shown point: its index, its pixels (a view of its row of trainRaw) and its target.
  const shown = useMemo(
    () =>
      picture
        ? exampleIndices(data, PER_CLASS, MAX_SHOWN).map((i) => ({
            i,
            pixels: rawPoint(data.trainRaw, data.rawInputs, i),
            y: sampleAt(data.train, i).y,
          }))
        : [],
    [data, picture],
  );
  if (!picture) return null;
  const names = classNamesOf(data, read?.ok ? read.classes : null);
  const colors = { kind: 'ink', range: picture.range } as const;
  const [lo, hi] = picture.range;
  const labelOf = (y: number[]) =>
    data.task === 'regression'
      ? formatNumber(y[0] as number, 4)
      : (names[classOf(y, data.task)] ?? '');

  return (
    <figure className="picture-examples" data-testid="picture-examples">
      <figcaption className="hint">
        Each point is a picture of {picture.width}×{picture.height} pixels ({picture.why}), the
        inputs row by row: {formatNumber(lo, 4)} white, {formatNumber(hi, 4)} black.{' '}
        {data.task === 'regression'
          ? 'The first training points, with their targets:'
          : `The first ${PER_CLASS} training points of each class:`}
      </figcaption>
      <ul className="picture-grid">
        {shown.map(({ i, pixels, y }) => (
          <li key={i}>
            <PixelPicture
              pixels={pixels}
              width={picture.width}
              height={picture.height}
              colors={colors}
              size={THUMB}
              label={`Training point ${i + 1}: ${data.task === 'regression' ? 'target' : 'class'} ${labelOf(y)}`}
            />
            <span aria-hidden="true">{labelOf(y)}</span>
          </li>
        ))}
      </ul>
    </figure>
  );
}
