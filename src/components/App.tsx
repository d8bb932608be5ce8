import { ArchitecturePanel } from './controls/ArchitecturePanel';
import { Inspector } from './controls/Inspector';
import { SamplesPanel } from './controls/SamplesPanel';
import { StepControls } from './controls/StepControls';
import { TopBar } from './controls/TopBar';
import { Diagram } from './diagram/Diagram';
import { EquationsPanel } from './equations/EquationsPanel';
import { LossPanel } from './LossPanel';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Backstep</h1>
        <p className="tagline">Step through backpropagation, one number at a time.</p>
        <TopBar />
      </header>
      <main className="app-main">
        <section className="stage" aria-label="Network and current step">
          <StepControls />
          <LossPanel />
          <div className="diagram-panel">
            <Diagram />
          </div>
        </section>
        <section className="equations-panel" aria-label="Equations">
          <EquationsPanel />
        </section>
        <aside className="side-panel" aria-label="Edit">
          <Inspector />
          <SamplesPanel />
          <ArchitecturePanel />
        </aside>
      </main>
    </div>
  );
}
