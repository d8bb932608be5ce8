import { useEffect } from 'react';
import type { AppStore } from '../store';
import { SHORTCUTS } from './shortcuts';

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo — except while typing, where the field's own undo applies. */
export function useUndoKeys(store: AppStore): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target;
      if (target instanceof HTMLInputElement && target.type === 'text') return;
      if (target instanceof HTMLTextAreaElement) return;
      if (SHORTCUTS.undo.matches(event)) store.getState().undo();
      else if (SHORTCUTS.redo.matches(event)) store.getState().redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [store]);
}
