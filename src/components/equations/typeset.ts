import { morphChildren } from './morph';
import { withoutBreakHints, layoutForm } from '../../math/lineBreaks';
import { follow, setNumbers, splitNumbers, typeset, type Places } from './numbers';
import { whenIdle } from './whenIdle';

/**
 * Showing a typeset equation and keeping it current while a weight is dragged.
 *
 * An equation's TeX is a fixed skeleton with numbers in it. While the skeleton stays the same
 * (a drag changes digits, not signs, exponents or shapes), KaTeX would produce the same markup
 * with only those numbers' text different: each number is one text node in the HTML rendering
 * and one in the MathML, plus the TeX annotation. So the first rendering is written whole, and
 * later ones only set those text nodes, found once per skeleton (numbers.ts). Whenever the
 * skeleton changes the new markup is morphed in (morphChildren).
 *
 * A number that changes sign or notation (0.001672, then (−0.00656)) changes the skeleton but not
 * the equation's form (layoutForm). A drag across such a point flips between the two skeletons on
 * every edit, so the pieces of the HTML rendering that differ are swapped, those of a skeleton shown
 * lately kept aside to be put back with its numbers patched in (`forms`, the README's Benchmarks).
 *
 * The HTML rendering is what is seen: its numbers are set at once, in the frame of the edit. The
 * MathML copy (what a screen reader reads) and its TeX annotation are set when the page is next
 * idle (updateMathml): the browser lays the MathML out too, and setting it in the same frame made
 * each edit's frame slower (the README's Benchmarks). An equation typeset whole has both at once.
 */

interface Bound {
  /** Each number's text node in the HTML rendering and in the MathML copy. */
  html: Node[];
  mathml: Node[];
  annotation: Node | null;
}

interface Shown {
  source: string;
  skeleton: string;
  /** The numbers the HTML rendering shows. */
  numbers: string[];
  /** Where to set them, when the skeleton can be patched. */
  nodes: Bound | null;
  /** The source the MathML copy and the annotation show (behind `source` until updateMathml). */
  mathmlSource: string;
}

const shown = new WeakMap<Element, Shown>();

/** The live text nodes of each number, checked against the numbers just rendered. */
function bind(element: Element, places: Places | null, numbers: string[]): Bound | null {
  if (!places) return null;
  const live = (paths: number[][]): Node[] | null => {
    const nodes = paths.map((path) => follow(element, path));
    const fits = nodes.every(
      (node, i) => node?.nodeType === Node.TEXT_NODE && node.nodeValue === numbers[i],
    );
    return fits ? (nodes as Node[]) : null;
  };
  const html = live(places.html);
  const mathml = live(places.mathml);
  if (!html || !mathml) return null;
  const annotation = places.annotation ? (follow(element, places.annotation) ?? null) : null;
  return { html, mathml, annotation };
}

/** Equations whose MathML copy is behind their HTML rendering. */
const mathmlBehind = new Set<Element>();

/**
 * Per equation, the rendering its MathML copy belongs to: after another skeleton of its form is
 * shown (see `forms`), the copy is still the one it replaced until the page is idle.
 */
const mathmlOf = new WeakMap<Element, Shown>();

/** Brings every MathML copy and TeX annotation up to date with what its equation shows. */
export function updateMathml(): void {
  for (const element of mathmlBehind) {
    const now = shown.get(element);
    if (!now?.nodes) continue;
    if (mathmlOf.get(element) !== now) {
      replaceMathml(element, now);
      continue;
    }
    if (now.mathmlSource === now.source) continue;
    setNumbers(now.nodes.mathml, now.numbers);
    if (now.nodes.annotation) now.nodes.annotation.nodeValue = withoutBreakHints(now.source);
    now.mathmlSource = now.source;
  }
  mathmlBehind.clear();
}

/** The MathML copy of what the equation shows, typeset afresh, in place of another form's. */
function replaceMathml(element: Element, now: Shown): void {
  const { content, places } = typeset(now.source, now.skeleton, now.numbers, element.ownerDocument);
  const live = element.querySelector(':scope > .katex > .katex-mathml');
  const fresh = content.firstElementChild?.querySelector(':scope > .katex-mathml');
  if (!places || !live || !fresh || !now.nodes) return;
  live.replaceWith(fresh);
  now.nodes.mathml = places.mathml.map((path) => follow(element, path) as Node);
  now.nodes.annotation = places.annotation ? (follow(element, places.annotation) ?? null) : null;
  now.mathmlSource = now.source;
  mathmlOf.set(element, now);
}

function queueMathml(element: Element): void {
  mathmlBehind.add(element);
  whenIdle(updateMathml);
}

/** Sets the numbers of a patchable rendering that changed; its MathML copy follows when idle. */
function patch(element: Element, now: Shown, source: string, numbers: string[]): void {
  setNumbers((now.nodes as Bound).html, numbers);
  now.source = source;
  now.numbers = numbers;
  queueMathml(element);
}

/**
 * One skeleton's rendering of an equation: the pieces of KaTeX's HTML (its `.base` runs, between
 * which a line may break) and the size it was set at. Skeletons of one form share the pieces they
 * have alike: a number that crosses zero changes one piece, (−0.00656) for 0.001672.
 */
interface Form {
  shown: Shown;
  pieces: Element[];
  fontSize: string;
  /**
   * Each piece's signature, when the pieces were compared as they went in: a piece's structure
   * does not change while it is shown (patching sets its numbers), so the next skeleton is
   * compared with these, not with the live pieces walked again.
   */
  signatures?: string[];
}

/**
 * Per equation, its skeletons of the form it shows (layoutForm), the one shown and the last
 * KEPT_FORMS others: a drag that moves a number across zero or into scientific notation and back
 * finds the pieces it had for it here, and swaps in only those that differ, with no KaTeX, morph
 * or measuring. A new skeleton of the form is typeset, and only its pieces that differ go in. The
 * MathML copy is typeset again when the page is idle (laying it out in the edit's frame cost
 * about 1.5 ms on the largest network). Cleared when the equation shows another form or is laid
 * out again (refit).
 */
const forms = new WeakMap<Element, Map<string, Form>>();
const KEPT_FORMS = 3;

/** KaTeX's wrapper and its HTML rendering in the equation, if it holds one. */
function katexParts(element: Element): { katex: HTMLElement; html: Element } | null {
  const katex = element.firstElementChild;
  const html = katex?.querySelector(':scope > .katex-html');
  return katex instanceof HTMLElement && html && element.childNodes.length === 1
    ? { katex, html }
    : null;
}

/**
 * A piece of markup as structure: elements with their classes and styles, and text, each number
 * (a node of `numbers`, which is patched) as #.
 */
function signature(node: Node, numbers: ReadonlySet<Node | undefined>): string {
  if (node.nodeType === Node.TEXT_NODE) return numbers.has(node) ? '#' : (node.nodeValue ?? '');
  if (node.nodeType !== Node.ELEMENT_NODE) return '';
  const element = node as Element;
  let out = `<${element.localName} ${element.getAttribute('class') ?? ''} ${element.getAttribute('style') ?? ''}>`;
  for (let child = node.firstChild; child; child = child.nextSibling)
    out += signature(child, numbers);
  return `${out}>`;
}

/** Makes `html`'s children the pieces given, moving only those that are not there yet. */
function showPieces(html: Element, pieces: Element[]): void {
  const live = html.children;
  if (live.length !== pieces.length) {
    html.replaceChildren(...pieces);
    return;
  }
  pieces.forEach((piece, i) => {
    const now = live[i] as Element;
    if (now !== piece) html.replaceChild(piece, now);
  });
}

/** Remembers the equation's form under its skeleton, the newest last, and forgets the oldest. */
function remember(element: Element, form: Form): Map<string, Form> {
  let byForm = forms.get(element);
  if (!byForm) forms.set(element, (byForm = new Map()));
  byForm.delete(form.shown.skeleton);
  byForm.set(form.shown.skeleton, form);
  for (const skeleton of byForm.keys()) {
    if (byForm.size <= KEPT_FORMS + 1) break;
    byForm.delete(skeleton);
  }
  return byForm;
}

/**
 * Shows another skeleton of the form the equation shows (see `forms`): 'restored' if it showed it
 * lately, 'rendered' if it is new; null if the markup does not allow it.
 */
function showSkeleton(
  element: Element,
  before: Shown,
  source: string,
  skeleton: string,
  numbers: string[],
): 'restored' | 'rendered' | null {
  const parts = katexParts(element);
  if (!parts) return null;
  const { katex, html } = parts;
  const live = Array.from(html.children);
  const last = forms.get(element)?.get(before.skeleton);
  const known =
    last?.shown === before &&
    last.pieces.length === live.length &&
    last.pieces.every((piece, i) => piece === live[i])
      ? last.signatures
      : undefined;
  const byForm = remember(element, {
    shown: before,
    pieces: live,
    fontSize: katex.style.fontSize,
    signatures: known,
  });
  const back = byForm.get(skeleton);
  if (back?.shown.nodes) {
    showPieces(html, back.pieces);
    katex.style.fontSize = back.fontSize;
    patch(element, back.shown, source, numbers);
    remember(element, back);
    shown.set(element, back.shown);
    return 'restored';
  }
  const { content, places } = typeset(source, skeleton, numbers, element.ownerDocument);
  const fresh = content.firstElementChild?.querySelector(':scope > .katex-html');
  if (!places || !fresh) return null;
  // A piece alike in both, numbers aside, stays; the others are the new rendering's.
  const liveNumbers = new Set(before.nodes?.html);
  const freshNumbers = new Set(places.html.map((path) => follow(content, path)));
  const signatures =
    live.length === fresh.children.length
      ? Array.from(fresh.children, (piece) => signature(piece, freshNumbers))
      : undefined;
  const pieces = Array.from(fresh.children).map((piece, i) => {
    const same = signatures && (live[i] as Element);
    const liveSignature = same && (known?.[i] ?? signature(same, liveNumbers));
    return same && liveSignature === signatures[i] ? same : piece;
  });
  showPieces(html, pieces);
  katex.style.removeProperty('font-size');
  const nodes = places.html.map((path) => follow(element, path));
  if (!nodes.every((node) => node?.nodeType === Node.TEXT_NODE)) return null;
  setNumbers(nodes as Node[], numbers);
  const now: Shown = {
    source,
    skeleton,
    numbers,
    // The MathML copy is the form's it replaced until the page is idle (updateMathml).
    nodes: { html: nodes as Node[], mathml: [], annotation: null },
    mathmlSource: '',
  };
  remember(element, { shown: now, pieces, fontSize: '', signatures });
  shown.set(element, now);
  queueMathml(element);
  return 'rendered';
}

/**
 * Show KaTeX's rendering of `source` (TeX our own templates built from numbers, never user text)
 * in `element`, touching as little of what is already there as it can: 'restored' is a skeleton
 * of the same form shown lately, put back with the new numbers (see `forms`).
 */
export function showTex(
  element: Element,
  source: string,
): 'unchanged' | 'patched' | 'restored' | 'rendered' {
  const before = shown.get(element);
  if (before?.source === source) return 'unchanged';
  const { skeleton, numbers } = splitNumbers(source);
  if (before && before.nodes && before.skeleton === skeleton) {
    patch(element, before, source, numbers);
    return 'patched';
  }
  if (before?.nodes && layoutForm(before.skeleton) === layoutForm(skeleton)) {
    const result = showSkeleton(element, before, source, skeleton, numbers);
    if (result) return result;
  }
  // Another form, or markup that cannot be pieced: typeset whole, morphed in.
  forms.delete(element);
  const { content, places } = typeset(source, skeleton, numbers, element.ownerDocument);
  if (!element.firstChild) element.replaceChildren(content);
  else morphChildren(element, content);
  const nodes = bind(element, places, numbers);
  const now = { source, skeleton, numbers, nodes, mathmlSource: source };
  shown.set(element, now);
  mathmlOf.set(element, now);
  return 'rendered';
}

/** Forgets the equation's other skeletons (`forms`): they were laid out for another width. */
export function forgetForms(element: Element): void {
  forms.delete(element);
}
