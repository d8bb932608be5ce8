import { memo, useDeferredValue, useMemo, useRef } from 'react';
import type { LazyBlock } from '../../math';
import { useOnScreen } from './onScreen';
import { Tex } from './Tex';

/** A list of equations: each block's title, general form, numbers substituted, and result. */
export function EquationRows({ blocks, testId }: { blocks: readonly LazyBlock[]; testId: string }) {
  return (
    <ol className="equation-list" data-testid={testId}>
      {blocks.map((block, index) => (
        <EquationRow key={index} block={block} />
      ))}
    </ol>
  );
}

/**
 * One equation, built when it is shown. While a weight is dragged, an equation on screen is built
 * with the edit's numbers in the frame that shows the edit; one out of view keeps its last numbers
 * in that frame and is built again in a deferred render, once the frame is painted (as the
 * diagram's units out of view are). Pass the same function for the same equation and numbers.
 */
const EquationRow = memo(function EquationRow({ block }: { block: LazyBlock }) {
  const ref = useRef<HTMLLIElement>(null);
  const onScreen = useOnScreen(ref);
  const later = useDeferredValue(block);
  const build = onScreen ? block : later;
  const { title, general, substituted, result } = useMemo(() => build(), [build]);
  return (
    <li ref={ref} className="equation">
      <div className="equation-title">{title}</div>
      {general && <Tex tex={general} display />}
      {substituted && <Tex tex={substituted} display />}
      {result && (
        <div className="equation-result">
          <Tex tex={result} display />
        </div>
      )}
    </li>
  );
});
