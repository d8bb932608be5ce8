import katex from 'katex';
import { breakableTex, keepGroupsTogether, withoutBreakHints } from '../../math/lineBreaks';

const cache = new Map<string, string>();
const MAX_CACHE = 2000;
const ANNOTATION = /(<annotation encoding="application\/x-tex">)([^<]*)(<\/annotation>)/;

/**
 * The TeX KaTeX is given. Display equations are typeset inline in \displaystyle: KaTeX then breaks
 * a long line before a top-level =, + or · (never inside a fraction, a matrix or a bracketed run),
 * so nothing is cut off in a narrow panel. `insideLongGroups`: the fallback for an equation whose
 * bracketed run is wider than its box by itself (breakableTex). A formula in a sentence wraps
 * where KaTeX breaks an inline line, after a top-level relation or operator, its bracketed runs
 * kept whole: (a − y)² never starts a line with "y)²".
 */
export function texSource(tex: string, displayMode: boolean, insideLongGroups = false): string {
  return displayMode
    ? `\\displaystyle ${breakableTex(tex, insideLongGroups)}`
    : keepGroupsTogether(tex);
}

/**
 * KaTeX's markup (HTML, and MathML for screen readers) of a TeX source: our own TeX only, never
 * user text, trust off; memoized on the source.
 */
export function renderSource(source: string): string {
  let html = cache.get(source);
  if (html === undefined) {
    html = katex.renderToString(source, {
      throwOnError: false,
      trust: false,
      displayMode: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
    });
    // The annotation (the TeX a screen reader or a copy gets) without the line-break hints.
    html = html.replace(ANNOTATION, (_, open: string, tex: string, close: string) => {
      return `${open}${withoutBreakHints(tex)}${close}`;
    });
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(source, html);
  }
  return html;
}
