import { memo } from 'react';
import { notationFor } from '../../math/notations';
import { useShallow } from 'zustand/react/shallow';
import type { BiasEdgeLayout, EdgeLayout } from '../../layout/networkLayout';
import { selectProgress, selectShownPass } from '../../store';
import { useApp } from '../../store/context';
import { EdgeLabel } from './EdgeLabel';

interface LabelColumnProps {
  layer: number;
  edges: EdgeLayout[];
  biasEdges: BiasEdgeLayout[];
}

/**
 * Every weight and bias label of one layer, for networks small enough to show them all. The
 * selected one is left to FocusLabels, which draws it on top with more digits.
 */
export const LabelColumn = memo(function LabelColumn(props: LabelColumnProps) {
  const { layer, edges, biasEdges } = props;
  const v = useApp(
    useShallow((s) => {
      const progress = selectProgress(s);
      const gradCount = progress.gradientUnits[layer - 1] ?? 0;
      const selection = s.selection;
      return {
        parameters: s.network.layers[layer - 1],
        // The pass as shown: a value the learner is asked to predict is NaN, written "?".
        grads: gradCount > 0 ? selectShownPass(s).snapshot.grads[layer - 1] : undefined,
        gradCount,
        next: progress.updated ? selectShownPass(s).updated?.network.layers[layer - 1] : undefined,
        trainBiases: s.trainBiases,
        selection:
          selection && selection.kind !== 'unit' && selection.layer === layer ? selection : null,
        digits: s.view.digits,
        notation: notationFor(s.notation, s.network),
      };
    }),
  );
  const { parameters, grads, gradCount, next, trainBiases, selection, digits, notation } = v;
  if (!parameters) return null;

  return (
    <g className="label-column" data-layer={layer}>
      {edges.map((edge) => {
        if (
          selection?.kind === 'weight' &&
          selection.from === edge.from &&
          selection.to === edge.to
        )
          return null;
        const gradient = edge.to < gradCount ? grads?.dW[edge.from]?.[edge.to] : undefined;
        return (
          <EdgeLabel
            key={`${edge.from}-${edge.to}`}
            edge={edge}
            value={parameters.weights[edge.from]?.[edge.to] ?? 0}
            gradient={gradient ?? null}
            next={next?.weights[edge.from]?.[edge.to] ?? null}
            digits={digits}
            notation={notation}
          />
        );
      })}
      {biasEdges.map((edge) => {
        if (selection?.kind === 'bias' && selection.unit === edge.unit) return null;
        const gradient = edge.unit < gradCount ? grads?.db[edge.unit] : undefined;
        return (
          <EdgeLabel
            key={`b${edge.unit}`}
            edge={edge}
            value={parameters.biases[edge.unit] ?? 0}
            gradient={gradient ?? null}
            // A frozen bias keeps its value: no "old → new".
            next={trainBiases ? (next?.biases[edge.unit] ?? null) : null}
            digits={digits}
            notation={notation}
          />
        );
      })}
    </g>
  );
});
