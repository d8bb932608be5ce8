import { useRef, type KeyboardEvent } from 'react';
import type { AppMode } from '../../training/choices';
import { useChoices, useTrainingKit } from './kit';

const TABS: { mode: AppMode; label: string }[] = [
  { mode: 'step', label: 'Step through a pass' },
  { mode: 'train', label: 'Train' },
];

/** Stepping through one pass, or training: two tabs, arrow keys move between them. */
export function ModeTabs() {
  const { choices } = useTrainingKit();
  const mode = useChoices((s) => s.mode);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    event.preventDefault();
    const index = TABS.findIndex((t) => t.mode === mode);
    const next = TABS[(index + (event.key === 'ArrowRight' ? 1 : TABS.length - 1)) % TABS.length];
    if (!next) return;
    choices.getState().setMode(next.mode);
    refs.current[TABS.indexOf(next)]?.focus();
  };

  return (
    <div className="mode-tabs" role="tablist" aria-label="What to do" onKeyDown={onKeyDown}>
      {TABS.map((tab, i) => (
        <button
          key={tab.mode}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${tab.mode}-tab`}
          aria-selected={mode === tab.mode}
          aria-controls={tab.mode === 'train' ? 'train-panel' : undefined}
          tabIndex={mode === tab.mode ? 0 : -1}
          className={mode === tab.mode ? 'mode-tab selected' : 'mode-tab'}
          onClick={() => choices.getState().setMode(tab.mode)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
