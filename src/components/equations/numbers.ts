import { NUMBER_MARK, TEX_NUMBERS, withoutBreakHints } from '../../math/lineBreaks';
import { renderSource } from './render';

/**
 * Where an equation's numbers are in KaTeX's markup. An equation's TeX is a skeleton with numbers
 * in it, and each number is one text node in the HTML rendering and one in the MathML, plus the
 * TeX annotation. Where they are is learned once per skeleton, by typesetting it with a distinct
 * placeholder for each number and finding each placeholder's text node; a skeleton where any
 * placeholder is not exactly one text node in each rendering is never patched. That typesetting
 * is also the markup of every source of the skeleton, with its numbers set (typeset).
 */

const MARK = NUMBER_MARK;

interface Split {
  skeleton: string;
  numbers: string[];
}

/** A TeX source as its skeleton (each number a NUMBER_MARK) and its numbers, in order. */
export function splitNumbers(source: string): Split {
  const numbers: string[] = [];
  const skeleton = source.replace(TEX_NUMBERS, (n) => {
    if (n.startsWith('\\')) return n;
    numbers.push(n);
    return MARK;
  });
  return { skeleton, numbers };
}

/** Child-index paths from the container to each number's text node, in each rendering. */
export interface Places {
  html: number[][];
  mathml: number[][];
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

export function follow(root: Node, path: number[]): Node | undefined {
  let n: Node | undefined = root;
  for (const i of path) n = n?.childNodes[i];
  return n;
}

/** The skeleton with a distinct placeholder for each number: KaTeX's markup of it shows where they land. */
function probeSource(skeleton: string): string {
  let k = 0;
  return skeleton.replace(new RegExp(MARK, 'g'), () => String(PLACEHOLDER_BASE + k++));
}

/** Where the numbers land in this markup of a skeleton's probe, or null if they cannot be patched. */
function findPlaces(root: Node, count: number, doc: Document): Places | null {
  const found = new Map<string, { html: number[][]; mathml: number[][] }>();
  let annotation: number[] | null = null;
  const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let text = walker.nextNode(); text; text = walker.nextNode()) {
    const parent = text.parentNode as Element;
    if (parent.localName === 'annotation') {
      annotation = pathTo(root, text);
      continue;
    }
    const value = text.nodeValue ?? '';
    let where = found.get(value);
    if (!where) found.set(value, (where = { html: [], mathml: [] }));
    where[parent.closest('.katex-mathml') ? 'mathml' : 'html'].push(pathTo(root, text));
  }
  const places: Places = { html: [], mathml: [], annotation };
  for (let i = 0; i < count; i++) {
    const where = found.get(String(PLACEHOLDER_BASE + i));
    // One text node in the MathML and one in the HTML; else (merged with a neighbour, split,
    // or dropped) this skeleton is always rendered whole.
    if (where?.html.length !== 1 || where.mathml.length !== 1) return null;
    places.html.push(where.html[0] as number[]);
    places.mathml.push(where.mathml[0] as number[]);
  }
  return places;
}

function remembered(skeleton: string, places: Places | null): Places | null {
  if (placesBySkeleton.size >= MAX_PLACES) placesBySkeleton.clear();
  placesBySkeleton.set(skeleton, places);
  return places;
}

/**
 * KaTeX's markup of `source`, parsed, and where its numbers are. Where its skeleton can be
 * patched, the markup is its probe's with the numbers set: KaTeX lays a number out as it does its
 * placeholder (the same digit heights, one text node), so that is the same markup as typesetting
 * `source` itself, and a skeleton is typeset once however many numbers it is shown with (a new
 * skeleton met while a weight is dragged costs one typesetting, not two).
 */
export function typeset(
  source: string,
  skeleton: string,
  numbers: string[],
  doc: Document,
): { content: DocumentFragment; places: Places | null } {
  const template = doc.createElement('template');
  let places = placesBySkeleton.get(skeleton);
  if (numbers.length > 0 && places !== null) {
    template.innerHTML = renderSource(probeSource(skeleton));
    const content = template.content;
    places ??= remembered(skeleton, findPlaces(content, numbers.length, doc));
    if (places?.annotation) {
      setNumbers(
        places.html.map((path) => follow(content, path) as Node),
        numbers,
      );
      setNumbers(
        places.mathml.map((path) => follow(content, path) as Node),
        numbers,
      );
      (follow(content, places.annotation) as Node).nodeValue = withoutBreakHints(source);
      return { content, places };
    }
  }
  template.innerHTML = renderSource(source);
  return { content: template.content, places: places ?? null };
}

/** Sets each number's text node that shows another value. */
export function setNumbers(nodes: Node[], numbers: string[]): void {
  nodes.forEach((node, i) => {
    const value = numbers[i] as string;
    if (node.nodeValue !== value) node.nodeValue = value;
  });
}
