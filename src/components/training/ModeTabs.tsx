import { useRef, type KeyboardEvent } from 'react';
import { SHORTCUTS } from '../../hooks/shortcuts';
import { APP_MODES } from '../../training/choices';
import { useApp } from '../../store/context';
import { useChoices, useTrainingKit } from './kit';

/** Stepping through one pass, or training: two tabs, arrow keys move between them. */
export function ModeTabs() {
  const { choices } = useTrainingKit();
  const mode = useChoices((s) => s.mode);
  const refs = useRef<(HTMLButtonElement | null)[]>([]);
  // A teacher hid the Train tab: one tab is no choice, so there are none.
  const trainHidden = useApp((s) => s.view.hidden.includes('train'));
  if (trainHidden) return null;

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!SHORTCUTS.switchTab.matches(event)) return;
    event.preventDefault();
    const index = APP_MODES.findIndex((t) => t.id === mode);
    const next =
      APP_MODES[
        (index + (event.key === 'ArrowRight' ? 1 : APP_MODES.length - 1)) % APP_MODES.length
      ];
    if (!next) return;
    choices.getState().setMode(next.id);
    refs.current[APP_MODES.indexOf(next)]?.focus();
  };

  return (
    <div className="mode-tabs" role="tablist" aria-label="What to do" onKeyDown={onKeyDown}>
      {APP_MODES.map((tab, i) => (
        <button
          key={tab.id}
          ref={(el) => {
            refs.current[i] = el;
          }}
          type="button"
          role="tab"
          id={`${tab.id}-tab`}
          aria-selected={mode === tab.id}
          aria-controls={tab.id === 'train' ? 'train-panel' : undefined}
          tabIndex={mode === tab.id ? 0 : -1}
          className={mode === tab.id ? 'mode-tab selected' : 'mode-tab'}
          onClick={() => choices.getState().setMode(tab.id)}
        >
          {tab.label}
        </button>
      ))}
    </div>
  );
}
