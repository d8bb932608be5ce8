import katex from 'katex';
import { memo } from 'react';
import { keepGroupsTogether } from '../../math/tex';

const cache = new Map<string, string>();
const MAX_CACHE = 2000;

/** KaTeX HTML for our own TeX only (never user text), trust off, memoized on the TeX string. */
export function renderTex(tex: string, displayMode: boolean): string {
  const key = `${displayMode ? 'D' : 'I'}${tex}`;
  let html = cache.get(key);
  if (html === undefined) {
    // Display equations are typeset inline in \displaystyle: KaTeX then breaks a long line after a
    // top-level =, + or · (never inside a fraction, a matrix or a short parenthesized run), so
    // nothing is cut off in a narrow panel.
    html = katex.renderToString(displayMode ? `\\displaystyle ${keepGroupsTogether(tex)}` : tex, {
      throwOnError: false,
      trust: false,
      displayMode: false,
      strict: 'ignore',
      output: 'htmlAndMathml',
    });
    if (cache.size >= MAX_CACHE) cache.clear();
    cache.set(key, html);
  }
  return html;
}

export const Tex = memo(function Tex({ tex, display = false }: { tex: string; display?: boolean }) {
  return (
    <span
      className={display ? 'tex tex-display' : 'tex'}
      // Safe: the HTML is KaTeX's rendering of TeX our own templates built from numbers.
      dangerouslySetInnerHTML={{ __html: renderTex(tex, display) }}
    />
  );
});
