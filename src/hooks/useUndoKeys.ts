import { useEffect } from 'react';
import { SHORTCUTS } from './shortcuts';

/** Whose undo the keys work: the stepper's, or the Train tab's. */
export interface UndoTarget {
  undo(): void;
  redo(): void;
}

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo — except while typing, where the field's own undo applies. */
export function useUndoKeys(target: UndoTarget): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const typing = event.target;
      if (typing instanceof HTMLInputElement && typing.type === 'text') return;
      if (typing instanceof HTMLTextAreaElement) return;
      if (SHORTCUTS.undo.matches(event)) target.undo();
      else if (SHORTCUTS.redo.matches(event)) target.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [target]);
}
