import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './components/App';
import { createAppStore } from './store';
import { browserStorage, loadStartup, shareFragment, startAutosave } from './store/autosave';
import { AppStoreProvider } from './store/context';
import { registerSW } from 'virtual:pwa-register';

const storage = browserStorage();
const startup = loadStartup(storage, window.location.hash);
const store = createAppStore(startup.saved ?? {});
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

// Offline: the service worker keeps the whole build, so the next visit loads without a network.
registerSW({ immediate: true });
