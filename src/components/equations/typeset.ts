import { morphChildren } from './morph';
import { renderSource } from './render';

/**
 * Showing a typeset equation and keeping it current while a weight is dragged.
 *
 * An equation's TeX is a fixed skeleton with numbers in it. While the skeleton stays the same
 * (a drag changes digits, not signs, exponents or shapes), KaTeX would produce the same markup
 * with only those numbers' text different: each number is one text node in the HTML rendering
 * and one in the MathML, plus the TeX annotation. So the first rendering is written whole, and
 * later ones only set those text nodes. Where the numbers are is learned once per skeleton, by
 * typesetting it with a distinct placeholder for each number and finding each placeholder's
 * text node; a skeleton where any placeholder is not exactly one text node in each rendering is
 * never patched. Whenever the skeleton changes the new markup is morphed in (morphChildren).
 */

/**
 * Plain numbers in the TeX: not an index (w_{12}), nor the base of a power (10^{-7}), nor inside
 * \text{…} (which KaTeX keeps as one run of text); those stay in the skeleton.
 */
const NUMBER = /\\text\{[^{}]*\}|(?<![\w\\{_^.])\d+(?:\.\d+)?(?![\d.^])/g;

/** Stands for a number in a skeleton (a private-use character, never in our TeX). */
const MARK = '\uE000';

interface Split {
  skeleton: string;
  numbers: string[];
}

export function splitNumbers(source: string): Split {
  const numbers: string[] = [];
  const skeleton = source.replace(NUMBER, (n) => {
    if (n.startsWith('\\')) return n;
    numbers.push(n);
    return MARK;
  });
  return { skeleton, numbers };
}

/** Child-index paths from the container to each number's text nodes, and to the annotation's. */
interface Places {
  numbers: number[][][];
  annotation: number[] | null;
}

const PLACEHOLDER_BASE = 1_000_001;
const placesBySkeleton = new Map<string, Places | null>();
const MAX_PLACES = 500;

function pathTo(root: Node, node: Node): number[] {
  const path: number[] = [];
  for (let n: Node = node; n !== root; n = n.parentNode as Node) {
    path.push(Array.prototype.indexOf.call((n.parentNode as Node).childNodes, n) as number);
  }
  return path.reverse();
}

function follow(root: Node, path: number[]): Node | undefined {
  let n: Node | undefined = root;
  for (const i of path) n = n?.childNodes[i];
  return n;
}

/** Where a skeleton's numbers land in KaTeX's markup, or null if they cannot be patched. */
function placesOf(skeleton: string, count: number, doc: Document): Places | null {
  if (placesBySkeleton.has(skeleton)) return placesBySkeleton.get(skeleton) ?? null;
  let k = 0;
  const probe = skeleton.replace(new RegExp(MARK, 'g'), () => String(PLACEHOLDER_BASE + k++));
  const template = doc.createElement('template');
  template.innerHTML = renderSource(probe);
  const root = template.content;
  const found = new Map<string, number[][]>();
  let annotation: number[] | null = null;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    if ((text.parentNode as Element).localName === 'annotation') {
      annotation = pathTo(root, text);
      continue;
    }
    const value = text.nodeValue ?? '';
    const list = found.get(value);
    if (list) list.push(pathTo(root, text));
    else found.set(value, [pathTo(root, text)]);
  }
  const numbers: number[][][] = [];
  let places: Places | null = { numbers, annotation };
  for (let i = 0; i < count; i++) {
    const paths = found.get(String(PLACEHOLDER_BASE + i));
    // One text node in the MathML and one in the HTML; else (merged with a neighbour, split,
    // or dropped) this skeleton is always rendered whole.
    if (!paths || paths.length !== 2) {
      places = null;
      break;
    }
    numbers.push(paths);
  }
  if (placesBySkeleton.size >= MAX_PLACES) placesBySkeleton.clear();
  placesBySkeleton.set(skeleton, places);
  return places;
}

interface Shown {
  source: string;
  skeleton: string;
  numbers: string[];
  /** The text nodes of each number (MathML, HTML), when the skeleton can be patched. */
  nodes: Node[][] | null;
  annotation: Node | null;
}

const shown = new WeakMap<Element, Shown>();

/** The live text nodes of each number, checked against the numbers just rendered. */
function bind(element: Element, places: Places | null, numbers: string[]): Shown['nodes'] {
  if (!places) return null;
  const nodes: Node[][] = [];
  for (const [i, paths] of places.numbers.entries()) {
    const pair = paths.map((path) => follow(element, path));
    if (pair.some((node) => node?.nodeType !== Node.TEXT_NODE || node.nodeValue !== numbers[i])) {
      return null;
    }
    nodes.push(pair as Node[]);
  }
  return nodes;
}

/**
 * Show KaTeX's rendering of `source` (TeX our own templates built from numbers, never user text)
 * in `element`, touching as little of what is already there as it can.
 */
export function showTex(element: Element, source: string): 'unchanged' | 'patched' | 'rendered' {
  const before = shown.get(element);
  if (before?.source === source) return 'unchanged';
  const { skeleton, numbers } = splitNumbers(source);
  if (before && before.nodes && before.skeleton === skeleton) {
    for (let i = 0; i < numbers.length; i++) {
      const value = numbers[i] as string;
      if (before.numbers[i] === value) continue;
      for (const node of before.nodes[i] as Node[]) node.nodeValue = value;
    }
    if (before.annotation) before.annotation.nodeValue = source;
    before.source = source;
    before.numbers = numbers;
    return 'patched';
  }
  const html = renderSource(source);
  if (!element.firstChild) {
    element.innerHTML = html;
  } else {
    const template = element.ownerDocument.createElement('template');
    template.innerHTML = html;
    morphChildren(element, template.content);
  }
  const places =
    numbers.length > 0 ? placesOf(skeleton, numbers.length, element.ownerDocument) : null;
  const nodes = bind(element, places, numbers);
  const annotation =
    nodes && places?.annotation ? (follow(element, places.annotation) ?? null) : null;
  shown.set(element, { source, skeleton, numbers, nodes, annotation });
  return 'rendered';
}

/** Per equation: the skeleton of the first layout that was wider than its box (see showFitting). */
const tooWide = new WeakMap<Element, string>();

/**
 * Show `source`, wrapped only at its top-level operators; if that layout is wider than the
 * element's box (a bracketed run wider than the box by itself), show `fallback()` instead, which
 * may also break inside long runs. Measured only when the skeleton changes: while a weight is
 * dragged the numbers are patched into whichever layout the skeleton took, with no layout read.
 */
export function showFitting(element: Element, source: string, fallback?: () => string): void {
  if (!fallback) {
    showTex(element, source);
    return;
  }
  const { skeleton } = splitNumbers(source);
  if (tooWide.get(element) === skeleton) {
    showTex(element, fallback());
    return;
  }
  tooWide.delete(element);
  if (showTex(element, source) !== 'rendered') return;
  if (element.scrollWidth > element.clientWidth) {
    tooWide.set(element, skeleton);
    showTex(element, fallback());
    shrinkToFit(element);
  }
}

/** An equation is never set smaller than this share of its size to fit its box. */
const SMALLEST = 0.8;

/**
 * What no line break can fit (a matrix wider than a phone's line) is set a little smaller, down to
 * SMALLEST of its size, rather than cut off. A new rendering resets it (the markup has no such
 * style), and is measured again.
 */
function shrinkToFit(element: Element): void {
  const katex = element.querySelector<HTMLElement>('.katex');
  if (!katex || element.scrollWidth <= element.clientWidth) return;
  const scale = Math.max(SMALLEST, (element.clientWidth / element.scrollWidth) * 0.99);
  const size = parseFloat(getComputedStyle(katex).fontSize);
  katex.style.fontSize = `${(size * scale).toFixed(2)}px`;
}
