import { useId, useState } from 'react';
import { formatNumber } from '../../math/format';

/** A range the learner typed: both ends finite, the first the smaller; or why not. */
export function rangeProblem(loText: string, hiText: string): string | null {
  const lo = parseNumber(loText);
  const hi = parseNumber(hiText);
  if (!Number.isFinite(lo) || !Number.isFinite(hi)) return 'Type two finite numbers.';
  if (!(lo < hi)) return 'The first number must be smaller than the second.';
  return null;
}

/** Reads a typed number; a true minus sign (−) counts as a minus. */
function parseNumber(text: string): number {
  const t = text.trim().replace(/\u2212/g, '-');
  return t === '' ? NaN : Number(t);
}

interface RangeDraft {
  lo: string;
  hi: string;
}

export function RangeFields({
  name,
  range,
  onApply,
}: {
  name: string;
  range: [number, number];
  onApply: (range: [number, number]) => void;
}) {
  const [draft, setDraft] = useState<RangeDraft | null>(null);
  const id = useId();
  const shown: RangeDraft = draft ?? {
    lo: formatNumber(range[0], 6),
    hi: formatNumber(range[1], 6),
  };
  const problem = draft ? rangeProblem(draft.lo, draft.hi) : null;
  const apply = () => {
    if (!draft || problem) return;
    onApply([parseNumber(draft.lo), parseNumber(draft.hi)]);
    setDraft(null);
  };
  const field = (end: 'lo' | 'hi', label: string) => (
    <input
      type="text"
      inputMode="decimal"
      aria-label={`${name} ${label}`}
      aria-invalid={problem !== null}
      aria-describedby={problem ? `${id}-problem` : undefined}
      value={shown[end]}
      onChange={(event) => setDraft({ ...shown, [end]: event.target.value })}
      onBlur={apply}
      onKeyDown={(event) => {
        if (event.key === 'Enter') apply();
        if (event.key === 'Escape') setDraft(null);
      }}
    />
  );
  return (
    <div className="landscape-range">
      <span className="landscape-range-name">{name}</span>
      {field('lo', 'from')}
      <span aria-hidden="true">to</span>
      {field('hi', 'to')}
      {problem && (
        <span className="field-error" id={`${id}-problem`} role="alert">
          {problem}
        </span>
      )}
    </div>
  );
}
