import { useDeferredValue, useMemo, useState } from 'react';
import { matrixEquations, lazyStepEquations, type EquationContext } from '../../math';
import { OPTIMIZER_BLOCKS } from '../../math/update';
import { withHelp } from '../../practice/help';
import { selectEquationContext, selectHelp } from '../../store';
import { useApp } from '../../store/context';
import { EquationRows } from './EquationRows';
import { SelectedSection } from './SelectedSection';

const FIRST_BLOCKS = 6;

/** Blocks shown before "Show all": on the update step, two parameters' whole rule at least. */
function firstBlocks(context: EquationContext): number {
  if (context.step.kind !== 'update') return FIRST_BLOCKS;
  return Math.max(FIRST_BLOCKS, 2 + 2 * OPTIMIZER_BLOCKS[context.optimizer?.kind ?? 'sgd']);
}

/** The same equations, perhaps with other numbers: same step, sample, notation and shape. */
function sameEquations(a: EquationContext, b: EquationContext): boolean {
  return (
    a.notation === b.notation &&
    a.trainBiases === b.trainBiases &&
    a.sampleIndex === b.sampleIndex &&
    a.samples.length === b.samples.length &&
    JSON.stringify(a.step) === JSON.stringify(b.step) &&
    layerShape(a) === layerShape(b)
  );
}

function layerShape(context: EquationContext): string {
  return context.network.layers.map((l) => `${l.weights.length}×${l.biases.length}`).join(',');
}

/** The selection's editor and chain rule; the current step's equations: general form, numbers substituted, result; matrix form. */
export function EquationsPanel() {
  // An edit (same step, other numbers) is shown in the same render as the diagram, so both show it
  // in the same frame: the numbers are patched into the typeset equations (Tex), not typeset again.
  // A step, a sample or a notation brings new equations to typeset: those follow the diagram,
  // deferred, so that stepping stays instant.
  const live = useApp(selectEquationContext);
  const deferred = useDeferredValue(live);
  const context = sameEquations(live, deferred) ? live : deferred;
  const matrixView = useApp((s) => s.view.matrixView && !s.view.hidden.includes('matrix'));
  // An equation whose result the learner is asked to predict shows as much as the help allows.
  const help = useApp(selectHelp);
  const [showAll, setShowAll] = useState(false);
  // Blocks are built only when shown: the update step of a large network has thousands.
  const lazy = useMemo(() => lazyStepEquations(context), [context]);
  const first = firstBlocks(context);
  const shown = useMemo(
    () => (showAll ? lazy : lazy.slice(0, first)).map((block) => () => withHelp(block(), help)),
    [lazy, showAll, help, first],
  );
  const matrix = useMemo(
    () =>
      matrixView ? matrixEquations(context).map((block) => () => withHelp(block, help)) : null,
    [context, matrixView, help],
  );

  return (
    <div className="equations">
      <SelectedSection context={context} />
      <h2>This step</h2>
      <EquationRows blocks={shown} testId="step-equations" />
      {lazy.length > first && (
        <button type="button" className="link" onClick={() => setShowAll((v) => !v)}>
          {showAll ? 'Show fewer' : `Show all ${lazy.length} equations`}
        </button>
      )}
      {matrix && (
        <>
          <h2>Matrix form</h2>
          <EquationRows blocks={matrix} testId="matrix-equations" />
        </>
      )}
    </div>
  );
}
