/**
 * A teacher's lesson text, read as plain text: paragraphs split by a blank line, and in each, $…$
 * math between plain runs. Nothing in it is ever HTML.
 */

export type LessonPiece = { kind: 'text'; text: string } | { kind: 'math'; tex: string };

/** The paragraphs of a lesson text, each its pieces in order; empty paragraphs dropped. */
export function lessonParagraphs(text: string): LessonPiece[][] {
  return text
    .split(/\r?\n[ \t]*\r?\n/)
    .map((paragraph) => paragraph.trim())
    .filter((paragraph) => paragraph !== '')
    .map(piecesOf);
}

/** Plain runs and $…$ math; a $ with no closing $ is plain text. */
function piecesOf(paragraph: string): LessonPiece[] {
  const pieces: LessonPiece[] = [];
  let plain = '';
  let at = 0;
  while (at < paragraph.length) {
    const open = paragraph.indexOf('$', at);
    const close = open < 0 ? -1 : paragraph.indexOf('$', open + 1);
    if (open < 0 || close < 0) {
      plain += paragraph.slice(at);
      break;
    }
    plain += paragraph.slice(at, open);
    const tex = paragraph.slice(open + 1, close);
    if (tex.trim() === '') {
      plain += paragraph.slice(open, close + 1);
    } else {
      if (plain) pieces.push({ kind: 'text', text: plain });
      plain = '';
      pieces.push({ kind: 'math', tex });
    }
    at = close + 1;
  }
  if (plain) pieces.push({ kind: 'text', text: plain });
  return pieces;
}
