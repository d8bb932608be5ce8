import { layoutForm } from '../../math/lineBreaks';
import { splitNumbers } from './numbers';
import { forgetForms, showTex } from './typeset';

/**
 * Fitting a typeset display equation to its box: wrapped at its top-level operators if that fits,
 * else its fallback (which may also break inside long runs), set a little smaller if even that is
 * too wide; laid out again when the box changes width or a font arrives.
 */

/** Per equation: the form of the first layout that was wider than its box (see showFitting). */
const tooWide = new WeakMap<Element, string>();

/** Per equation with a fallback: what it was last asked to show, and the width it was fitted to. */
const fitted = new WeakMap<Element, { source: string; fallback: () => string; width: number }>();

/**
 * Show `source`, wrapped only at its top-level operators; if that layout is wider than the
 * element's box (a bracketed run wider than the box by itself), show `fallback()` instead, which
 * may also break inside long runs. Measured only when the form changes, or the box's width
 * (refit): while a weight is dragged the numbers are patched into whichever layout the skeleton
 * took, with no layout read. A form once too wide is taken to be too wide with any signs
 * (layoutForm: a sign is a few characters of a line too wide by whole terms), so a drag that
 * crosses zero re-typesets only the fallback, measured only if it had to be set smaller.
 */
export function showFitting(element: Element, source: string, fallback?: () => string): void {
  if (!fallback) {
    fitted.delete(element);
    showTex(element, source);
    return;
  }
  const skeleton = layoutForm(splitNumbers(source).skeleton);
  const last = fitted.get(element);
  fitted.set(element, { source, fallback, width: last?.width ?? -1 });
  if (tooWide.get(element) === skeleton) {
    // Typeset whole, the fallback has lost any smaller size it was set at: measured again, unless
    // this form's fallback fitted at its own size (another sign changes no line's length much). A
    // kept rendering is back at the size it was set at.
    if (showTex(element, fallback()) === 'rendered' && shrunk.get(element) !== false)
      shrinkToFit(element);
    return;
  }
  tooWide.delete(element);
  if (showTex(element, source) !== 'rendered') return;
  fit(element, skeleton, fallback);
}

/** The fallback if the source just shown is wider than the box; remembers the width fitted to. */
function fit(element: Element, skeleton: string, fallback: () => string): void {
  const now = fitted.get(element);
  if (now) now.width = element.clientWidth;
  if (element.scrollWidth > element.clientWidth) {
    tooWide.set(element, skeleton);
    showTex(element, fallback());
    shrinkToFit(element);
  }
}

/**
 * Lays the equation out again for its box's new width (a window resized, a phone turned): the
 * plain layout if it fits now, else the fallback. Nothing is done when the width is the one it
 * was fitted to, or the box is not laid out (width 0).
 */
export function refit(element: Element, always = false): void {
  const last = fitted.get(element);
  const width = element.clientWidth;
  if (!last || width === 0 || (width === last.width && !always)) return;
  tooWide.delete(element);
  forgetForms(element); // laid out for the old width
  // Back to the plain layout at its own size (showTex morphs a fallback's markup away).
  element.querySelector<HTMLElement>('.katex')?.style.removeProperty('font-size');
  showTex(element, last.source);
  fit(element, layoutForm(splitNumbers(last.source).skeleton), last.fallback);
}

let resizes: ResizeObserver | null | undefined;
/** The equations followed, for a refit of all of them when a font arrives. */
const followed = new Set<Element>();

/**
 * Starts refitting the equation whenever its box changes width, and when a font has loaded (an
 * equation typeset before KaTeX's fonts arrived was measured in another font); returns how to
 * stop. A box's width does not follow its equation (display: block), so editing a number never
 * triggers it.
 */
export function followWidth(element: Element): () => void {
  if (resizes === undefined) {
    resizes =
      typeof ResizeObserver === 'undefined'
        ? null
        : new ResizeObserver((entries) => {
            // In the next frame: laying the equation out again inside the observer's callback
            // would change the size it observes there ("ResizeObserver loop" errors).
            const targets = entries.map((entry) => entry.target);
            requestAnimationFrame(() => targets.forEach((target) => refit(target)));
          });
    document.fonts?.addEventListener('loadingdone', () => {
      for (const target of followed) refit(target, true);
    });
  }
  resizes?.observe(element);
  followed.add(element);
  return () => {
    resizes?.unobserve(element);
    followed.delete(element);
  };
}

/** Per equation: whether its fallback, last measured, had to be set smaller to fit (shrinkToFit). */
const shrunk = new WeakMap<Element, boolean>();

/** An equation is never set smaller than this share of its size to fit its box. */
const SMALLEST = 0.8;

/**
 * What no line break can fit (a matrix wider than a phone's line) is set a little smaller, down to
 * SMALLEST of its size, rather than cut off. A new rendering resets it (the markup has no such
 * style), and is measured again.
 */
function shrinkToFit(element: Element): void {
  const katex = element.querySelector<HTMLElement>('.katex');
  const fits = !katex || element.scrollWidth <= element.clientWidth;
  shrunk.set(element, !fits);
  if (fits) return;
  const scale = Math.max(SMALLEST, (element.clientWidth / element.scrollWidth) * 0.99);
  const size = parseFloat(getComputedStyle(katex).fontSize);
  katex.style.fontSize = `${(size * scale).toFixed(2)}px`;
}
