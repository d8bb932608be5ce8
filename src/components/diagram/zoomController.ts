import { select, type Selection } from 'd3-selection';
import { zoom, zoomIdentity, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';

/**
 * Pan and zoom over the diagram, owned by D3: React renders the SVG and the zoom layer, and never
 * touches the layer's `transform`, which this controller sets.
 *
 * The SVG's viewBox is the whole network, so the identity transform is "fit". Dragging pans.
 * The mouse wheel zooms only while Ctrl/⌘ is held (also a trackpad pinch) or while the diagram has
 * focus (after a click in it, or Tab to a unit); otherwise it scrolls the page as usual, so
 * scrolling past the diagram never gets stuck in it.
 */

export interface ZoomSize {
  width: number;
  height: number;
}

const SCALE_EXTENT: [number, number] = [0.5, 8];

export class ZoomController {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;
  private size: ZoomSize | null = null;

  constructor(svgElement: SVGSVGElement, layer: SVGGElement, focusRoot: HTMLElement) {
    this.svg = select(svgElement);
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      .filter((event: MouseEvent | WheelEvent | TouchEvent) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          return wheel.ctrlKey || wheel.metaKey || focusRoot.contains(document.activeElement);
        }
        return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        layer.setAttribute('transform', event.transform.toString());
      });
    this.svg.call(this.behavior).on('dblclick.zoom', null);
  }

  /** A new network shape: keep the view within it, and fit it. */
  update(size: ZoomSize): void {
    if (this.size && this.size.width === size.width && this.size.height === size.height) return;
    this.size = size;
    const margin = 0.25;
    this.behavior.translateExtent([
      [-size.width * margin, -size.height * margin],
      [size.width * (1 + margin), size.height * (1 + margin)],
    ]);
    this.fit();
  }

  fit(): void {
    this.svg.call(this.behavior.transform, zoomIdentity);
  }

  zoomBy(factor: number): void {
    this.svg.call(this.behavior.scaleBy, factor);
  }

  destroy(): void {
    this.svg.on('.zoom', null);
  }
}
