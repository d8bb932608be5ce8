import { useRef, useState, type ChangeEvent } from 'react';
import type { LearnerState } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { encodeShare, learnerOf, parseSavedText, workToJson } from '../../store/persist';
import { SHARE_PARAM } from '../../store/autosave';
import { SHORTCUTS, withKeys } from '../../hooks/shortcuts';
import { downloadText } from './download';
import { ExportButtons } from './ExportButtons';
import { LessonOptions } from './LessonOptions';

const MAX_FILE_BYTES = 2_000_000;

/**
 * A link made with parts hidden is a lesson: it opens without the hiding options (LessonOptions).
 */
function shared(work: LearnerState): LearnerState {
  return { ...work, view: { ...work.view, lesson: work.view.hidden.length > 0 } };
}

/** Undo and redo; share link; export and import of the whole work; the teacher's hiding options. */
export function WorkPanel() {
  const store = useAppStoreApi();
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const [link, setLink] = useState<string | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const makeLink = async () => {
    const url = `${window.location.origin}${window.location.pathname}#${SHARE_PARAM}=${encodeShare(shared(learnerOf(store.getState())))}`;
    setLink(url);
    try {
      await navigator.clipboard.writeText(url);
      setStatus({ kind: 'ok', text: 'Share link copied to the clipboard.' });
    } catch {
      setStatus({ kind: 'ok', text: 'Share link ready below: copy it from the field.' });
    }
  };

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) {
      setStatus({
        kind: 'error',
        text: `${file.name} is too large (${file.size} bytes) to be a Backstep file. Nothing was changed.`,
      });
      return;
    }
    const loaded = parseSavedText(await file.text());
    if (!loaded.ok) {
      setStatus({
        kind: 'error',
        text: `${file.name} could not be imported: ${loaded.error} Nothing was changed.`,
      });
      return;
    }
    store.getState().replaceWork(loaded.work);
    setStatus({ kind: 'ok', text: `Imported ${file.name}. Undo brings back what you had.` });
  };

  return (
    <div className="work-panel">
      <h2>Your work</h2>
      <div className="row-buttons">
        <button
          type="button"
          onClick={() => store.getState().undo()}
          disabled={!canUndo}
          title={withKeys(SHORTCUTS.undo)}
          aria-keyshortcuts={SHORTCUTS.undo.aria}
        >
          Undo
        </button>
        <button
          type="button"
          onClick={() => store.getState().redo()}
          disabled={!canRedo}
          title={withKeys(SHORTCUTS.redo)}
          aria-keyshortcuts={SHORTCUTS.redo.aria}
        >
          Redo
        </button>
        <button type="button" onClick={makeLink}>
          Copy share link
        </button>
        <button
          type="button"
          onClick={() =>
            downloadText(
              'backstep-network.json',
              workToJson(learnerOf(store.getState())),
              'application/json',
            )
          }
        >
          Export JSON
        </button>
        <button type="button" onClick={() => fileInput.current?.click()}>
          Import JSON
        </button>
        <input
          ref={fileInput}
          type="file"
          accept="application/json,.json"
          aria-label="Import JSON file"
          // The "Import JSON" button opens it: a second, invisible tab stop would lose the focus.
          tabIndex={-1}
          className="visually-hidden"
          onChange={onFile}
        />
      </div>
      <ExportButtons />
      {link && (
        <label className="stacked">
          Share link
          <input type="text" readOnly value={link} onFocus={(event) => event.target.select()} />
        </label>
      )}
      {status && (
        <p
          className={status.kind === 'error' ? 'field-error' : 'status-ok'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      <LessonOptions />
    </div>
  );
}
