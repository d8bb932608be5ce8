import { Diagram } from './diagram/Diagram';

export function App() {
  return (
    <div className="app">
      <header className="app-header">
        <h1>Backstep</h1>
        <p className="tagline">Step through backpropagation, one number at a time.</p>
      </header>
      <main className="app-main">
        <section className="diagram-panel" aria-label="Network">
          <Diagram />
        </section>
      </main>
    </div>
  );
}
