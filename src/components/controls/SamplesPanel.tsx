import { notationFor, parameterLabel } from '../../math';
import { LIMITS, lockOf } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { NumberField } from './NumberField';

/** The batch: each sample's inputs x and targets y, which one the diagram shows, add and remove. */
export function SamplesPanel() {
  const store = useAppStoreApi();
  const locked = useApp((s) => lockOf(s, 'samples'));
  const samples = useApp((s) => s.samples);
  const sampleIndex = useApp((s) => s.sampleIndex);
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const many = samples.length > 1;
  // A large batch gets numbered buttons, so they take a few lines, not a whole column.
  const compact = samples.length > 4;

  return (
    <div className="samples">
      <h2>{many ? `Mini-batch of ${samples.length} samples` : 'Sample'}</h2>
      {many && (
        <p className="hint">
          The diagram shows one sample; the gradients are the mean over the batch (note 002: average
          over samples).
        </p>
      )}
      <div
        className="sample-tabs"
        role="radiogroup"
        aria-label="Sample shown in the diagram"
        onKeyDown={(event) => {
          // Arrow keys move between the samples (one tab stop for the group, as radios have).
          const move = { ArrowRight: 1, ArrowDown: 1, ArrowLeft: -1, ArrowUp: -1 }[event.key];
          if (move === undefined) return;
          event.preventDefault();
          const buttons = [...event.currentTarget.querySelectorAll('button')];
          const from = buttons.indexOf(event.target as HTMLButtonElement);
          const next = ((from < 0 ? sampleIndex : from) + move + samples.length) % samples.length;
          store.getState().setSampleIndex(next);
          buttons[next]?.focus();
        }}
      >
        {samples.map((_, s) => (
          <button
            key={s}
            type="button"
            role="radio"
            aria-checked={s === sampleIndex}
            aria-label={`Sample ${s + 1}`}
            tabIndex={s === sampleIndex ? 0 : -1}
            className={`tab${s === sampleIndex ? ' selected' : ''}${compact ? ' compact' : ''}`}
            onClick={() => store.getState().setSampleIndex(s)}
          >
            {compact ? s + 1 : `Sample ${s + 1}`}
          </button>
        ))}
      </div>
      {samples[sampleIndex] && (
        <div className="sample-fields">
          <div className="field-row">
            {samples[sampleIndex].x.map((x, i) => (
              <NumberField
                key={`x${sampleIndex}-${i}`}
                label={parameterLabel({ kind: 'input', sample: sampleIndex, index: i }, notation)}
                value={x}
                min={-LIMITS.maxAbsValue}
                max={LIMITS.maxAbsValue}
                step={0.01}
                locked={locked}
                onCommit={(v) =>
                  store.getState().setParameter({ kind: 'input', sample: sampleIndex, index: i }, v)
                }
              />
            ))}
          </div>
          <div className="field-row">
            {samples[sampleIndex].y.map((y, j) => (
              <NumberField
                key={`y${sampleIndex}-${j}`}
                label={parameterLabel({ kind: 'target', sample: sampleIndex, index: j }, notation)}
                value={y}
                min={-LIMITS.maxAbsValue}
                max={LIMITS.maxAbsValue}
                step={0.01}
                locked={locked}
                onCommit={(v) =>
                  store
                    .getState()
                    .setParameter({ kind: 'target', sample: sampleIndex, index: j }, v)
                }
              />
            ))}
          </div>
        </div>
      )}
      <div className="row-buttons">
        <button
          type="button"
          onClick={() => store.getState().addSample()}
          disabled={samples.length >= LIMITS.maxSamples}
        >
          Add sample
        </button>
        <button
          type="button"
          onClick={() => store.getState().removeSample(sampleIndex)}
          disabled={!many}
        >
          Remove sample {sampleIndex + 1}
        </button>
      </div>
    </div>
  );
}
