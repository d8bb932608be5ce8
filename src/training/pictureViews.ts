import type { ImageListener } from './controllerApi';
import type { HiddenLayout, Images, PlotView } from './protocol';

/**
 * What the Train tab's big picture shows (a view option, not saved) and who listens: the canvases
 * get each frame's images straight from the controller, the latest kept for one that mounts later.
 */
export function createPictureViews() {
  let latest: { images: Images; hidden: HiddenLayout } | null = null;
  const listeners = new Set<ImageListener>();
  let view: PlotView = { discretize: false, focus: null, hover: null };
  const viewListeners = new Set<() => void>();
  return {
    show(images: Images, hidden: HiddenLayout) {
      latest = { images, hidden };
      for (const listener of listeners) listener(images, hidden);
    },
    latest: () => latest,
    view: () => view,
    setView(next: Partial<PlotView>) {
      view = { ...view, ...next };
      for (const listener of viewListeners) listener();
    },
    onView(listener: () => void) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    onImages(listener: ImageListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
