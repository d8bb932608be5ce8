import { lazy, Suspense, useMemo, useState } from 'react';
import { useUndoKeys } from '../hooks/useUndoKeys';
import { AppStoreProvider, useApp, useAppStoreApi } from '../store/context';
import { ArchitecturePanel } from './controls/ArchitecturePanel';
import { Inspector } from './controls/Inspector';
import { ShortcutsDialog } from './controls/ShortcutsDialog';
import { SamplesPanel } from './controls/SamplesPanel';
import { StepControls } from './controls/StepControls';
import { TopBar } from './controls/TopBar';
import { WorkPanel } from './controls/WorkPanel';
import { Diagram } from './diagram/Diagram';
import { EquationsPanel } from './equations/EquationsPanel';
import { GraphToggle } from './graph/GraphToggle';
import { GraphView } from './graph/GraphView';
import { LessonText } from './lesson/LessonText';
import { LossPanel } from './LossPanel';
import { StepperLandscape } from './landscape/StepperLandscape';
import { TourButton, TourPanel, useTour } from './tour/Tour';
import { PredictFirst } from './predict/PredictFirst';
import { useAppMode, useTrainingKit } from './training/kit';
import { ModeTabs } from './training/ModeTabs';
import { ViewBoundary } from './works/ViewBoundary';
import { WorkNotices } from './works/WorkNotices';

// Training (datasets, charts, the worker) loads only when its tab is opened.
const TrainingView = lazy(() =>
  import('./training/TrainingView').then((module) => ({ default: module.TrainingView })),
);

export function App({ startupNotice = null }: { startupNotice?: string | null }) {
  const store = useAppStoreApi();
  const kit = useTrainingKit();
  const hidden = useApp((s) => s.view.hidden);
  const graph = useApp((s) => s.view.graph);
  const [notice, setNotice] = useState(
    () => [startupNotice, kit.notice].filter(Boolean).join(' ') || null,
  );
  const mode = useAppMode();
  const tour = useTour();
  // Ctrl+Z undoes in the tab the learner is in: the stepper's work, or the Train tab's.
  const undoTarget = useMemo(
    () =>
      mode === 'train'
        ? { undo: () => void kit.undo(), redo: () => void kit.redo() }
        : { undo: () => store.getState().undo(), redo: () => store.getState().redo() },
    [mode, kit, store],
  );
  useUndoKeys(undoTarget);

  return (
    <div className="app">
      <header className="app-header">
        <h1>Backstep</h1>
        <p className="tagline">Step through backpropagation, one number at a time.</p>
        <ModeTabs />
        {mode === 'step' && <TourButton tour={tour} />}
        <ShortcutsDialog />
        {mode === 'step' && <TopBar />}
      </header>
      {notice && (
        <div className="notice" role="alert">
          <span>{notice}</span>
          <button type="button" onClick={() => setNotice(null)}>
            Dismiss
          </button>
        </div>
      )}
      <WorkNotices />
      {mode === 'train' ? (
        <ViewBoundary what="The training view">
          <Suspense fallback={<p className="hint loading">Loading the training view…</p>}>
            {/* The Train tab's views see its own network (the bench), never the stepper's. */}
            <AppStoreProvider store={kit.bench}>
              <TrainingView />
            </AppStoreProvider>
          </Suspense>
        </ViewBoundary>
      ) : (
        <main className="app-main">
          <section className="stage" aria-label="Network and current step">
            <ViewBoundary what="The network and current step">
              <LessonText />
              <StepControls />
              <PredictFirst />
              <LossPanel />
              <GraphToggle />
              <div className="diagram-panel">{graph ? <GraphView /> : <Diagram />}</div>
              <StepperLandscape />
            </ViewBoundary>
          </section>
          {/* Focusable: on a wide screen the panel scrolls on its own, and keyboard users must
              be able to scroll it too. */}
          <section className="equations-panel" aria-label="Equations" tabIndex={0}>
            <ViewBoundary what="The equations">
              {tour.stop !== null && <TourPanel tour={tour} />}
              <EquationsPanel />
            </ViewBoundary>
          </section>
          <aside className="side-panel" aria-label="Edit and save">
            <ViewBoundary what="The side panel">
              {!hidden.includes('editors') && <Inspector />}
              {!hidden.includes('samples') && <SamplesPanel />}
              {!hidden.includes('architecture') && <ArchitecturePanel />}
              <WorkPanel />
            </ViewBoundary>
          </aside>
        </main>
      )}
    </div>
  );
}
