import type { PreparedData, Range } from '../../data';
import { formatNumber } from '../../math/format';
import { classColor, DIVERGING, toCss } from '../../training/palette';

const lut = (i: number) =>
  `rgb(${DIVERGING[i * 3]}, ${DIVERGING[i * 3 + 1]}, ${DIVERGING[i * 3 + 2]})`;
const BAR = `linear-gradient(to right, ${lut(0)}, ${lut(128)}, ${lut(256)})`;

/** What the heatmap's colors mean for this task. */
export function ColorKey({ data, range }: { data: PreparedData; range: Range }) {
  if (data.task === 'multiclass') {
    return (
      <div>
        <p className="hint">The class the network picks; paler where it is less sure.</p>
        {data.targetNames.map((name, k) => (
          <div key={name}>
            <span
              className="class-swatch"
              style={{ background: toCss(classColor(k, data.targetNames.length)) }}
            />
            {name}
          </div>
        ))}
      </div>
    );
  }
  const [lo, hi] = data.task === 'binary' ? [0, 1] : range;
  return (
    <div>
      <p className="hint">
        {data.task === 'binary'
          ? 'The network’s output a: the probability of class 1. The boundary is where a = ½.'
          : 'The network’s output ŷ; the dots are colored by their target y.'}
      </p>
      <div className="color-bar" style={{ background: BAR }} aria-hidden="true" />
      <div className="color-bar-labels" aria-hidden="true">
        <span>{formatNumber(lo, 3)}</span>
        <span>{formatNumber((lo + hi) / 2, 3)}</span>
        <span>{formatNumber(hi, 3)}</span>
      </div>
      {data.task === 'binary' && (
        <div className="hint">
          <span className="class-swatch" style={{ background: toCss(classColor(1, 2)) }} />
          class 1 <span className="class-swatch" style={{ background: toCss(classColor(0, 2)) }} />
          class 0
        </div>
      )}
    </div>
  );
}
