import { useEffect } from 'react';

/** Whose undo the keys work: the stepper's, or the Train tab's. */
export interface UndoTarget {
  undo(): void;
  redo(): void;
}

/** Ctrl/⌘+Z undoes, Ctrl/⌘+Shift+Z and Ctrl+Y redo — except while typing, where the field's own undo applies. */
export function useUndoKeys(target: UndoTarget): void {
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const typing = event.target;
      if (typing instanceof HTMLInputElement && typing.type === 'text') return;
      if (typing instanceof HTMLTextAreaElement) return;
      const key = event.key.toLowerCase();
      if (key === 'z' && !event.shiftKey) target.undo();
      else if ((key === 'z' && event.shiftKey) || key === 'y') target.redo();
      else return;
      event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [target]);
}
