import { select, type Selection } from 'd3-selection';
import { interpolate } from 'd3-interpolate';
import 'd3-transition';
import { zoom, zoomIdentity, zoomTransform, type D3ZoomEvent, type ZoomBehavior } from 'd3-zoom';
import { prefersReducedMotion } from '../../training/motion';
import { shownRect, type ScreenBox, type ViewRect } from './viewport';

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
/**
 * Shown whole, a network at less than this many screen pixels per diagram unit has numbers too
 * small to read (its 10–11 px text below 7 px): it opens at READABLE_SCALE at its left edge
 * instead, and Fit shows all of it.
 */
const MIN_FIT_SCALE = 0.65;
const READABLE_SCALE = 1;

/** Visibility steps at which the part of the SVG on screen is measured again (every 4 %). */
const VISIBLE_STEPS = Array.from({ length: 26 }, (_, k) => k / 25);

export class ZoomController {
  private readonly svg: Selection<SVGSVGElement, unknown, null, undefined>;
  private readonly behavior: ZoomBehavior<SVGSVGElement, unknown>;
  private readonly observers: (IntersectionObserver | ResizeObserver)[] = [];
  private size: ZoomSize | null = null;
  /** Where the SVG is on screen, as last measured (null before the first measure). */
  private screen: ScreenBox | null = null;

  /**
   * `onView` hears the part of the diagram on screen (diagram coordinates) after every pan or
   * zoom, and when the page scrolls the SVG partly out of the window.
   */
  constructor(
    svgElement: SVGSVGElement,
    layer: SVGGElement,
    focusRoot: HTMLElement,
    private readonly onView?: (shown: ViewRect) => void,
  ) {
    this.svg = select(svgElement);
    // The browser measures what is on screen, off the main path: no layout is forced here.
    if (onView && typeof IntersectionObserver !== 'undefined') {
      const visible = new IntersectionObserver(
        (entries) => {
          const entry = entries[entries.length - 1];
          if (!entry) return;
          const box = entry.boundingClientRect;
          const seen = entry.intersectionRect;
          this.screen = {
            width: box.width,
            height: box.height,
            clip:
              entry.intersectionRatio > 0.999
                ? null
                : {
                    left: seen.left - box.left,
                    top: seen.top - box.top,
                    right: seen.right - box.left,
                    bottom: seen.bottom - box.top,
                  },
          };
          this.report();
        },
        { threshold: VISIBLE_STEPS },
      );
      visible.observe(svgElement);
      this.observers.push(visible);
    }
    // A new size that leaves as much of the SVG on screen is not an intersection change.
    if (onView && typeof ResizeObserver !== 'undefined') {
      const resized = new ResizeObserver((entries) => {
        const box = entries[entries.length - 1]?.borderBoxSize[0];
        if (!box || !this.screen) return;
        this.screen = { ...this.screen, width: box.inlineSize, height: box.blockSize };
        this.report();
      });
      resized.observe(svgElement);
      this.observers.push(resized);
    }
    this.behavior = zoom<SVGSVGElement, unknown>()
      .scaleExtent(SCALE_EXTENT)
      // A straight pan when following the pass (the default arcs out and back, and a step taken
      // mid-pan would keep the zoomed-out scale).
      .interpolate(interpolate)
      .filter((event: MouseEvent | WheelEvent | TouchEvent) => {
        if (event.type === 'wheel') {
          const wheel = event as WheelEvent;
          return wheel.ctrlKey || wheel.metaKey || focusRoot.contains(document.activeElement);
        }
        return !(event as MouseEvent).ctrlKey && !(event as MouseEvent).button;
      })
      .on('zoom', (event: D3ZoomEvent<SVGSVGElement, unknown>) => {
        layer.setAttribute('transform', event.transform.toString());
        this.report();
      });
    this.svg.call(this.behavior).on('dblclick.zoom', null);
  }

  /**
   * A new network shape: keep the view within it, and show all of it if that is readable, else
   * its left edge at a readable scale.
   */
  update(size: ZoomSize): void {
    if (this.size && this.size.width === size.width && this.size.height === size.height) return;
    this.size = size;
    const margin = 0.25;
    this.behavior.translateExtent([
      [-size.width * margin, -size.height * margin],
      [size.width * (1 + margin), size.height * (1 + margin)],
    ]);
    const fitScale = this.fitScale();
    if (fitScale < MIN_FIT_SCALE) {
      this.svg.call(this.behavior.transform, zoomIdentity.scale(READABLE_SCALE / fitScale));
    } else this.fit();
  }

  /** Tells onView the part of the diagram on screen (all of it while that is not measured yet). */
  private report(): void {
    const element = this.svg.node();
    if (!this.onView || !this.size || !element) return;
    const t = zoomTransform(element);
    const screen = this.screen ?? { ...this.size, clip: null };
    this.onView(shownRect(screen, this.size, t));
  }

  /** Screen pixels per diagram unit when the whole network is shown. */
  private fitScale(): number {
    const element = this.svg.node();
    if (!element || !this.size) return 1;
    const { width, height } = element.getBoundingClientRect();
    if (width === 0 || height === 0) return 1;
    return Math.min(width / this.size.width, height / this.size.height);
  }

  fit(): void {
    this.svg.call(this.behavior.transform, zoomIdentity);
  }

  /**
   * Pan, without zooming, so that the columns between diagram x0 and x1 are in view: the view
   * follows the pass through a network larger than the screen. Nothing moves when they are.
   */
  reveal(x0: number, x1: number): void {
    const element = this.svg.node();
    if (!element || !this.size) return;
    const t = zoomTransform(element);
    const left = t.invertX(0);
    const right = t.invertX(this.size.width);
    const margin = Math.min(120, (right - left) * 0.15); // room for the values beside a unit
    const from = Math.max(0, x0 - margin);
    const to = Math.min(this.size.width, x1 + margin);
    if (from >= left && to <= right) return;
    const y = t.invertY(this.size.height / 2);
    const x = to - from <= right - left ? (from + to) / 2 : from + (right - left) / 2;
    this.svg
      .transition()
      .duration(prefersReducedMotion() ? 0 : 250)
      .call(this.behavior.translateTo, x, y);
  }

  zoomBy(factor: number): void {
    this.svg.call(this.behavior.scaleBy, factor);
  }

  destroy(): void {
    for (const observer of this.observers) observer.disconnect();
    this.svg.on('.zoom', null);
  }
}
