import { useEffect, useId, useRef } from 'react';
import { keyTakenByFocus, SHORTCUT_GROUPS, SHORTCUTS, withKeys } from '../../hooks/shortcuts';

/**
 * The "Keyboard shortcuts" button, and the dialog it opens (also with "?") listing every shortcut
 * of the app from the one list the handlers use. A modal <dialog>: it keeps the focus inside,
 * Esc closes it, and the focus returns to where it was.
 */
export function ShortcutsDialog() {
  const dialog = useRef<HTMLDialogElement>(null);
  const headingId = useId();

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!SHORTCUTS.showShortcuts.matches(event) || keyTakenByFocus(event.target, event.key))
        return;
      const element = dialog.current;
      if (!element || element.open) return;
      event.preventDefault();
      element.showModal();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  return (
    <>
      <button
        type="button"
        className="shortcuts-button"
        onClick={() => dialog.current?.showModal()}
        title={withKeys(SHORTCUTS.showShortcuts, 'Keyboard shortcuts')}
        aria-keyshortcuts={SHORTCUTS.showShortcuts.aria}
        aria-haspopup="dialog"
      >
        Keyboard shortcuts
      </button>
      <dialog
        ref={dialog}
        className="shortcuts-dialog"
        aria-labelledby={headingId}
        // A click on the backdrop (outside the content) closes it too.
        onClick={(event) => {
          if (event.target === event.currentTarget) event.currentTarget.close();
        }}
      >
        <div className="shortcuts-content">
          <div className="shortcuts-head">
            <h2 id={headingId}>Keyboard shortcuts</h2>
            <button type="button" onClick={() => dialog.current?.close()}>
              Close
            </button>
          </div>
          {SHORTCUT_GROUPS.map((group) => (
            <section key={group.title} aria-label={group.title}>
              <h3>{group.title}</h3>
              <dl className="shortcut-list">
                {group.shortcuts.map((shortcut) => (
                  <div key={shortcut.does}>
                    <dt>
                      <kbd>{shortcut.keys}</kbd>
                    </dt>
                    <dd>{shortcut.does}</dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
        </div>
      </dialog>
    </>
  );
}
