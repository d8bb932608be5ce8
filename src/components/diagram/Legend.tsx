import { notationOf } from '../../math/notations';
import { gradientName } from './diagramText';
import { useApp } from '../../store/context';

function LineSwatch({ className, width = 3 }: { className: string; width?: number }) {
  return (
    <svg className="legend-swatch" width="28" height="12" aria-hidden="true">
      <line className={className} x1="2" y1="6" x2="26" y2="6" strokeWidth={width} />
    </svg>
  );
}

/** What the colors, widths, rings and dashes of the diagram mean. */
export function Legend() {
  const mode = useApp((s) => s.view.edgeMode);
  const notation = useApp((s) => s.notation);
  const what = mode === 'gradients' ? `|${gradientName(notationOf(notation), 'weight')}|` : '|w|';
  return (
    <ul className="diagram-legend" aria-label="Legend">
      <li>
        <LineSwatch className="legend-positive" /> positive
      </li>
      <li>
        <LineSwatch className="legend-negative" /> negative
      </li>
      <li>
        <LineSwatch className="legend-positive" width={1} />
        <LineSwatch className="legend-positive" width={6} /> width ∝ {what}
      </li>
      {mode === 'gradients' && (
        <li>
          <LineSwatch className="legend-pending" width={1} /> gradient not computed yet
        </li>
      )}
      <li>
        <svg className="legend-swatch" width="16" height="16" aria-hidden="true">
          <circle className="legend-empty" cx="8" cy="8" r="6" />
        </svg>
        — not computed yet
      </li>
      <li>
        <LineSwatch className="legend-current" width={6} /> used by this step
      </li>
      <li>
        <span className="legend-bias">+1</span> bias input
      </li>
    </ul>
  );
}
