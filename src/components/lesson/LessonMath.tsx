import katex, { type KatexOptions } from 'katex';
import { memo, useLayoutEffect, useMemo, useRef } from 'react';

/**
 * A teacher's TeX is untrusted: trust off (no \href, \url, \includegraphics, \htmlClass…), errors
 * thrown so they can be said, and macro expansion and sizes bounded.
 */
const OPTIONS: KatexOptions = {
  throwOnError: true,
  trust: false,
  strict: 'ignore',
  maxExpand: 200,
  maxSize: 10,
  output: 'htmlAndMathml',
};

/** Why KaTeX cannot typeset this TeX, or null. */
export function lessonTexProblem(tex: string): string | null {
  try {
    katex.renderToString(tex, OPTIONS);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message.replace(/^KaTeX parse error: /, '') : 'invalid';
  }
}

/**
 * One $…$ of a lesson, typeset by KaTeX into its own node; what KaTeX cannot parse is shown as the
 * plain text the teacher wrote (the lesson text says why).
 */
export const LessonMath = memo(function LessonMath({ tex }: { tex: string }) {
  const ref = useRef<HTMLSpanElement>(null);
  const problem = useMemo(() => lessonTexProblem(tex), [tex]);
  useLayoutEffect(() => {
    if (ref.current && problem === null) katex.render(tex, ref.current, OPTIONS);
  }, [tex, problem]);
  if (problem !== null) return <span className="lesson-math-error">${tex}$</span>;
  return <span ref={ref} className="tex lesson-math" />;
});
