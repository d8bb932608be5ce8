import { useStore } from 'zustand';
import { ShareLink } from '../controls/ShareLink';
import { useTrainingKit } from './kit';

/** The Train tab's own Undo and Redo (its network, choices and run), and the share link. */
export function TrainWork() {
  const kit = useTrainingKit();
  const canUndo = useStore(kit.history.store, (s) => s.past.length > 0);
  const canRedo = useStore(kit.history.store, (s) => s.future.length > 0);
  return (
    <div className="train-work row-buttons" role="group" aria-label="Your training">
      <button
        type="button"
        onClick={() => void kit.undo()}
        disabled={!canUndo}
        title="Undo (Ctrl+Z)"
      >
        Undo
      </button>
      <button
        type="button"
        onClick={() => void kit.redo()}
        disabled={!canRedo}
        title="Redo (Ctrl+Shift+Z)"
      >
        Redo
      </button>
      <ShareLink />
    </div>
  );
}
