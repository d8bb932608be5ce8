import type { RefObject } from 'react';
import type { ZoomController } from './zoomController';

/** How much one press of + or − zooms. */
const ZOOM_STEP = 1.4;

/** Fit, + and − for a zoomable view (the network diagram, the computation graph). */
export function ZoomButtons({
  zoom,
  fitTitle,
}: {
  zoom: RefObject<ZoomController | null>;
  /** What Fit does, as its tooltip: "Show the whole network". */
  fitTitle: string;
}) {
  return (
    <>
      <button type="button" onClick={() => zoom.current?.fit()} title={fitTitle}>
        Fit
      </button>
      <button type="button" onClick={() => zoom.current?.zoomBy(ZOOM_STEP)} aria-label="Zoom in">
        +
      </button>
      <button
        type="button"
        onClick={() => zoom.current?.zoomBy(1 / ZOOM_STEP)}
        aria-label="Zoom out"
      >
        −
      </button>
    </>
  );
}
