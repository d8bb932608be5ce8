import { lazy, Suspense, useState } from 'react';
import { useUndoKeys } from '../hooks/useUndoKeys';
import { useApp, useAppStoreApi } from '../store/context';
import { ArchitecturePanel } from './controls/ArchitecturePanel';
import { Inspector } from './controls/Inspector';
import { ShortcutsDialog } from './controls/ShortcutsDialog';
import { SamplesPanel } from './controls/SamplesPanel';
import { StepControls } from './controls/StepControls';
import { TopBar } from './controls/TopBar';
import { WorkPanel } from './controls/WorkPanel';
import { Diagram } from './diagram/Diagram';
import { EquationsPanel } from './equations/EquationsPanel';
import { LossPanel } from './LossPanel';
import { useAppMode } from './training/kit';
import { ModeTabs } from './training/ModeTabs';

// Training (datasets, charts, the worker) loads only when its tab is opened.
const TrainingView = lazy(() =>
  import('./training/TrainingView').then((module) => ({ default: module.TrainingView })),
);

export function App({ startupNotice = null }: { startupNotice?: string | null }) {
  const store = useAppStoreApi();
  useUndoKeys(store);
  const hidden = useApp((s) => s.view.hidden);
  const [notice, setNotice] = useState(startupNotice);
  const mode = useAppMode();

  return (
    <div className="app">
      <header className="app-header">
        <h1>Backstep</h1>
        <p className="tagline">Step through backpropagation, one number at a time.</p>
        <ModeTabs />
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
      {mode === 'train' ? (
        <Suspense fallback={<p className="hint loading">Loading the training view…</p>}>
          <TrainingView />
        </Suspense>
      ) : (
        <main className="app-main">
          <section className="stage" aria-label="Network and current step">
            <StepControls />
            <LossPanel />
            <div className="diagram-panel">
              <Diagram />
            </div>
          </section>
          {/* Focusable: on a wide screen the panel scrolls on its own, and keyboard users must
              be able to scroll it too. */}
          <section className="equations-panel" aria-label="Equations" tabIndex={0}>
            <EquationsPanel />
          </section>
          <aside className="side-panel" aria-label="Edit and save">
            {!hidden.includes('editors') && <Inspector />}
            {!hidden.includes('samples') && <SamplesPanel />}
            {!hidden.includes('architecture') && <ArchitecturePanel />}
            <WorkPanel />
          </aside>
        </main>
      )}
    </div>
  );
}
