import { useState } from 'react';
import { HIDEABLE_PANELS, isLessonPlan, type HideablePanel } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import { LessonEditor } from '../lesson/LessonEditor';
import { useTrainingKit } from '../training/kit';

const PANEL_NAMES: Record<HideablePanel, string> = {
  editors: 'parameter editor',
  samples: 'samples',
  architecture: 'network editor',
  matrix: 'matrix form',
  examples: 'example picker',
  notation: 'notation switch',
  train: 'Train tab',
};

/**
 * Teacher mode: hide parts of the app for class, and write a lesson (LessonEditor). A link made with parts hidden opens as a lesson,
 * where a student does not see these options; "Edit this lesson" brings them back.
 */
export function LessonOptions() {
  const store = useAppStoreApi();
  const { choices } = useTrainingKit();
  const hidden = useApp((s) => s.view.hidden);
  const lesson = useApp((s) => s.view.lesson && isLessonPlan(s.view));
  // Opened by "Edit this lesson", the options show at once.
  const [editing, setEditing] = useState(false);

  if (lesson) {
    return (
      <div className="teacher">
        <p className="hint">A prepared lesson: some parts of the app may be hidden or locked.</p>
        <button
          type="button"
          className="small"
          onClick={() => {
            setEditing(true);
            store.getState().setView({ lesson: false });
          }}
        >
          Edit this lesson
        </button>
      </div>
    );
  }
  return (
    <details className="teacher" open={editing || undefined}>
      <summary>For class: hide parts of the app</summary>
      <p className="hint">
        Hidden parts stay hidden in share links, and a student opening the link does not see these
        options, so students open exactly what you prepared.
      </p>
      {HIDEABLE_PANELS.map((panel) => (
        <label key={panel} className="inline-label checkbox">
          <input
            type="checkbox"
            checked={hidden.includes(panel)}
            onChange={(event) => {
              // Showing the Train tab again leaves the teacher here, not on a tab left open before.
              if (panel === 'train') choices.getState().setMode('step');
              store.getState().setHidden(panel, event.target.checked);
            }}
          />
          Hide {PANEL_NAMES[panel]}
        </label>
      ))}
      <LessonEditor />
    </details>
  );
}
