import { useMemo } from 'react';
import { useApp } from '../../store/context';
import { lessonParagraphs } from './lessonText';
import { LessonMath, lessonTexProblem } from './LessonMath';
import './lesson.css';

/**
 * The paragraphs of a lesson text, and (unless `quiet`: on paper) a note for each $…$ that could
 * not be typeset.
 */
export function LessonBody({ text, quiet = false }: { text: string; quiet?: boolean }) {
  const paragraphs = useMemo(() => lessonParagraphs(text), [text]);
  const problems = useMemo(
    () =>
      paragraphs.flatMap((pieces) =>
        pieces.flatMap((piece) => {
          if (piece.kind !== 'math') return [];
          const problem = lessonTexProblem(piece.tex);
          return problem ? [`$${piece.tex}$ is shown as written: ${problem}`] : [];
        }),
      ),
    [paragraphs],
  );
  return (
    <>
      {paragraphs.map((pieces, p) => (
        <p key={p}>
          {pieces.map((piece, i) =>
            piece.kind === 'text' ? (
              <span key={i}>{piece.text}</span>
            ) : (
              <LessonMath key={i} tex={piece.tex} />
            ),
          )}
        </p>
      ))}
      {!quiet &&
        problems.map((problem, i) => (
          <p key={`problem-${i}`} className="hint lesson-problem">
            {problem}
          </p>
        ))}
    </>
  );
}

/** The teacher's title and text, above the stepper, when the work has a lesson written. */
export function LessonText() {
  const title = useApp((s) => s.view.plan.title);
  const text = useApp((s) => s.view.plan.text);
  if (title === '' && text === '') return null;
  return (
    <section className="lesson-text" aria-label="Lesson">
      {title && <h2>{title}</h2>}
      <LessonBody text={text} />
    </section>
  );
}
