import 'katex/dist/katex.min.css';
import './styles.css';
import 'react-dom/client';
import './store/zod';
import { registerSW } from 'virtual:pwa-register';

/**
 * The page's code in three module trees run one after the other: React and zod here, then KaTeX,
 * then the app itself (boot.tsx). On the second visit Chromium stores the compiled code of each
 * tree in a task of its own once the tree has run; with everything in one tree (a 1 MB chunk) that
 * was one 53–86 ms task. index.html preloads the other two (vite.config.ts): they still load side
 * by side with this one.
 */
void import('katex').then(() => import('./boot')).then(({ start }) => start());

// Offline: the service worker keeps the whole build, so the next visit loads without a network.
registerSW({ immediate: true });
