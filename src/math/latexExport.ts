/** A step's equations as a LaTeX document fragment a teacher can paste into notes or slides. */
export interface LatexBlock {
  title: string;
  general: string;
  substituted: string;
  result: string;
}

function comment(text: string): string {
  return text
    .split('\n')
    .map((line) => `% ${line}`)
    .join('\n');
}

export function equationsToLatex(heading: string, blocks: LatexBlock[]): string {
  const body = blocks.map((block) => {
    const lines = [block.general, block.substituted, block.result].filter(
      (line) => line.trim() !== '',
    );
    return `${comment(block.title)}\n${lines.map((line) => `\\[ ${line} \\]`).join('\n')}`;
  });
  return `${comment(`Backstep — ${heading}`)}\n% Needs amsmath (\\tfrac, \\operatorname) in the preamble.\n\n${body.join('\n\n')}\n`;
}
