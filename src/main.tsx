import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './components/App';
import { createAppStore } from './store';
import { browserStorage, loadStartup, shareFragment, startAutosave } from './store/autosave';
import { AppStoreProvider } from './store/context';
import { decodeShare } from './store/persist';
import { startTraining } from './components/training/kit';

const storage = browserStorage();
const startup = loadStartup(storage, window.location.hash);
const store = createAppStore(startup.saved ?? {});
// The Train tab's work a share link carries (it is checked where it is read), over the saved one.
const fragment = startup.linked ? shareFragment(window.location.hash) : null;
const linked = fragment ? decodeShare(fragment) : null;
startTraining(store, linked?.ok ? (linked.training ?? null) : null);
if (startup.linked) {
  // Opened over the saved work, which stays one undo away.
  store.getState().replaceWork(startup.linked);
  // The link has been read: drop it from the address so a reload shows the learner's latest work.
  window.history.replaceState(null, '', window.location.pathname + window.location.search);
}
if (storage) {
  const autosave = startAutosave(store, storage);
  autosave.flush();
  window.addEventListener('pagehide', autosave.flush);
}
// A share link pasted into a tab already showing the app changes only the fragment, which loads
// nothing: load again, so it opens the way any link does (checked, with the saved work one undo away).
window.addEventListener('hashchange', () => {
  if (shareFragment(window.location.hash)) window.location.reload();
});

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App startupNotice={startup.notice} />
    </AppStoreProvider>
  </StrictMode>,
);
