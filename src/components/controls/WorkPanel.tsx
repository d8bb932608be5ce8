import { useRef, useState, type ChangeEvent } from 'react';
import { useApp, useAppStoreApi } from '../../store/context';
import { parseSavedText, toSaved } from '../../store/persist';
import { LINK_LIMITS } from '../../store/linkText';
import { SHORTCUTS, withKeys } from '../../hooks/shortcuts';
import { trainThisNetwork } from '../../training/moves';
import { useTrainingKit } from '../training/kit';
import { useWorkSession, useWorksView } from '../works/context';
import { exportOpenWork } from '../works/exportWork';
import { SavedWork } from '../works/SavedWork';
import { ExportButtons } from './ExportButtons';
import { LessonOptions } from './LessonOptions';
import { ShareLink } from './ShareLink';

/** The training settings a file carries beside the stepper's work (as "Export JSON" writes them). */
function trainingIn(text: string): string | null {
  try {
    const training = (JSON.parse(text) as { training?: unknown }).training;
    return training !== null && typeof training === 'object' ? JSON.stringify(training) : null;
  } catch {
    return null;
  }
}

/**
 * Undo and redo; "Train this network"; share link; export and import of the whole work; the saved
 * works; the teacher's hiding options.
 */
export function WorkPanel() {
  const store = useAppStoreApi();
  const kit = useTrainingKit();
  const session = useWorkSession();
  const workName = useWorksView((v) => v.workName);
  const canUndo = useApp((s) => s.past.length > 0);
  const canRedo = useApp((s) => s.future.length > 0);
  const [status, setStatus] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const fileInput = useRef<HTMLInputElement>(null);

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    event.target.value = '';
    if (!file) return;
    if (file.size > LINK_LIMITS.maxFileChars) {
      setStatus({
        kind: 'error',
        text: `${file.name} is too large (${file.size} bytes) to be a Backstep file. Nothing was changed.`,
      });
      return;
    }
    const text = await file.text();
    const loaded = parseSavedText(text);
    if (!loaded.ok) {
      setStatus({
        kind: 'error',
        text: `${file.name} could not be imported: ${loaded.error} Nothing was changed.`,
      });
      return;
    }
    if (!session) {
      store.getState().replaceWork(loaded.work);
      setStatus({ kind: 'ok', text: `Imported ${file.name}. Undo brings back what you had.` });
      return;
    }
    // A new work beside the learner's: an import never overwrites a saved work.
    const name = file.name.replace(/\.json$/i, '') || 'Imported work';
    await session.openAsNew(
      name,
      { stepper: JSON.stringify(toSaved(loaded.work)), training: trainingIn(text) },
      `Imported ${file.name} as a new work, “${name}”, beside your own. Both are in “Saved work”.`,
    );
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
        <button
          type="button"
          onClick={() => void trainThisNetwork(store, kit)}
          title="Open this network in the Train tab (your work here stays as it is; Undo there brings back the network it had)"
        >
          Train this network
        </button>
        <button type="button" onClick={() => session && exportOpenWork(session, workName)}>
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
      <div className="row-buttons">
        <ShareLink />
      </div>
      <ExportButtons />
      {status && (
        <p
          className={status.kind === 'error' ? 'field-error' : 'status-ok'}
          role={status.kind === 'error' ? 'alert' : 'status'}
        >
          {status.text}
        </p>
      )}
      <SavedWork />
      <LessonOptions />
    </div>
  );
}
