import type { EquationBlock } from '../../math';
import { Tex } from './Tex';

/** A list of equations: each block's title, general form, numbers substituted, and result. */
export function EquationRows({ blocks, testId }: { blocks: EquationBlock[]; testId: string }) {
  return (
    <ol className="equation-list" data-testid={testId}>
      {blocks.map((block, index) => (
        <li key={index} className="equation">
          <div className="equation-title">{block.title}</div>
          {block.general && <Tex tex={block.general} display />}
          {block.substituted && <Tex tex={block.substituted} display />}
          {block.result && (
            <div className="equation-result">
              <Tex tex={block.result} display />
            </div>
          )}
        </li>
      ))}
    </ol>
  );
}
