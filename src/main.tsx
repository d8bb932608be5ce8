import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'katex/dist/katex.min.css';
import './styles.css';
import { App } from './components/App';
import { createAppStore } from './store';
import { AppStoreProvider } from './store/context';

const store = createAppStore();

createRoot(document.getElementById('root') as HTMLElement).render(
  <StrictMode>
    <AppStoreProvider store={store}>
      <App />
    </AppStoreProvider>
  </StrictMode>,
);
