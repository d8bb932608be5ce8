import { useLayoutEffect, useMemo, useRef } from 'react';
import {
  chainRuleEquation,
  lazyFullChain,
  notationFor,
  type EquationBlock,
  type EquationContext,
  type LazyBlock,
  type Notation,
} from '../../math';
import { selectSelectionComputed, type Selection } from '../../store';
import { useApp } from '../../store/context';
import { parameterOf, ParameterEditor } from '../controls/Inspector';
import { EquationRows } from './EquationRows';

/** The selection's name in plain text: w₁₁⁽¹⁾, b₂⁽²⁾, a₁⁽¹⁾. */
function selectionName(selection: Selection, notation: Notation): string {
  switch (selection.kind) {
    case 'weight':
      return notation.text.weight(selection.layer, selection.from, selection.to);
    case 'bias':
      return notation.text.bias(selection.layer, selection.unit);
    case 'unit':
      return notation.text.unit('a', selection.layer, selection.unit);
  }
}

/** Before the pass has computed it: the general form only, and no number anywhere. */
function withoutNumbers(block: EquationBlock, name: string): EquationBlock {
  return {
    title: `${block.title.split(' — ')[0] ?? name}: its numbers appear once the pass has computed them`,
    general: block.general,
    substituted: '',
    result: '',
  };
}

/**
 * What the learner selected, at the top of the equations where the eye already is: the editor of a
 * weight or bias (its value, ∂L/∂θ, and ΔL against ∂L/∂θ·Δθ), its chain rule, and every path from
 * the loss to it. A new selection scrolls the equations panel (not the page) back to it.
 */
export function SelectedSection({ context }: { context: EquationContext }) {
  const selection = useApp((s) => s.selection);
  const computed = useApp((s) => selectSelectionComputed(s, s.selection));
  const editors = useApp((s) => !s.view.hidden.includes('editors'));
  const notation = notationFor(context.notation, context.network);
  const ref = useRef<HTMLElement>(null);
  // The chain rule, and every path (long, often below the fold) built when it is shown.
  const name = selection && selectionName(selection, notation);
  const shown = useMemo((): LazyBlock[] => {
    if (!selection || name === null) return [];
    const rule = chainRuleEquation(context, selection);
    const paths = lazyFullChain(context, selection);
    const chain = [...(rule ? [() => rule] : []), ...(paths ? [paths] : [])];
    return computed ? chain : chain.map((block) => () => withoutNumbers(block(), name));
  }, [context, selection, computed, name]);
  const key = selection ? JSON.stringify(selection) : null;

  useLayoutEffect(() => {
    const section = ref.current;
    // The equations panel scrolls on its own on a wide screen; the section is at its top.
    const panel = section?.closest('.equations-panel');
    if (!section || !panel || panel.scrollHeight <= panel.clientHeight) return;
    if (section.getBoundingClientRect().top < panel.getBoundingClientRect().top) {
      panel.scrollTop = 0;
    }
  }, [key]);

  if (!selection || name === null) return null;
  const parameter = parameterOf(selection);
  return (
    <section ref={ref} className="selected-section" aria-label={`Selected: ${name}`}>
      <h2>Selected: {name}</h2>
      {parameter && editors && <ParameterEditor parameter={parameter} />}
      {shown.length > 0 && (
        <>
          <h3>Chain rule for the selection</h3>
          <EquationRows blocks={shown} testId="chain-rule" />
        </>
      )}
    </section>
  );
}
