import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './components/App';
import { startTraining } from './components/training/kit';
import { WorksProvider } from './components/works/context';
import { createAppStore } from './store';
import { browserStorage, shareFragment } from './store/autosave';
import { AppStoreProvider } from './store/context';
import { trainingSideOf } from './works/trainingSide';
import { idbBackend } from './works/backend';
import { browserChannel } from './works/channel';
import { createWorksDatabase } from './works/database';
import { storageJournal } from './works/journal';
import { startSession, type PendingNotice } from './works/session';
import { TEXT_SWEEP_AFTER_MS } from './works/texts';
import { openStartup } from './works/startup';
import { readPendingNotice, tabMemory } from './works/tab';

/**
 * The app, started by main.tsx. Startup waits for the works database (IndexedDB is asynchronous);
 * the page stays empty until the work is loaded, so the default example never flashes before the
 * learner's own work.
 */
export async function start() {
  const tab = tabMemory();
  const db = createWorksDatabase(idbBackend());
  const legacy = browserStorage();
  const journal = storageJournal(legacy);
  const startup = await openStartup({
    db,
    legacy,
    hash: window.location.hash,
    currentId: tab.currentId(),
    journal,
  });
  const store = createAppStore(startup.stepper ?? {});
  const kit = startTraining(store, startup.training);
  tab.setCurrentId(startup.record.id);
  const session = startSession({
    db,
    app: store,
    training: trainingSideOf(kit, db),
    record: startup.record,
    base: startup.base,
    channel: browserChannel(),
    journal,
    onCurrent: tab.setCurrentId,
    openWork(id, notice) {
      tab.setCurrentId(id);
      tab.setPendingNotice(notice ?? null);
      window.location.reload();
    },
  });
  const notices: PendingNotice[] = [...readPendingNotice(tab), ...startup.notices];
  for (const { text, tone, backTo } of notices) {
    const back = backTo;
    session.notify(
      text,
      tone,
      back ? { label: 'Back to your work', run: () => void session.open(back) } : undefined,
    );
  }
  if (startup.saveProblem) session.view.setState({ saveProblem: startup.saveProblem });
  void session.flush(); // A new work (a fresh start) is stored at once; a stored one is unchanged.
  // Texts no work names any more, deleted once the page has settled (it reads every work).
  setTimeout(() => void session.sweepTexts(), TEXT_SWEEP_AFTER_MS);
  window.addEventListener('pagehide', () => session.hide());
  // A share link pasted into a tab already showing the app changes only the fragment, which
  // loads nothing: load again, so it opens the way any link does (as a new work).
  window.addEventListener('hashchange', () => {
    if (!shareFragment(window.location.hash)) return;
    void session.open(session.view.getState().workId).then((opened) => {
      if (!opened)
        session.notify('The link was not opened: your changes could not be saved first.', 'alert');
    });
  });

  createRoot(document.getElementById('root') as HTMLElement).render(
    <StrictMode>
      <AppStoreProvider store={store}>
        <WorksProvider session={session}>
          <App />
        </WorksProvider>
      </AppStoreProvider>
    </StrictMode>,
  );
  // The link has been read and its notice shown: a reload must not open it again.
  if (shareFragment(window.location.hash)) {
    window.history.replaceState(null, '', window.location.pathname + window.location.search);
  }
}
