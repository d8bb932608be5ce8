import { useState } from 'react';
import { stepEquations, stepTitle } from '../../math';
import { equationsToLatex } from '../../math/latexExport';
import { selectEquationContext } from '../../store';
import { useAppStoreApi } from '../../store/context';
import { downloadBlob, downloadText } from './download';
import { findDiagramSvg, standaloneSvg, svgToPng } from './exportDiagram';

/** The diagram as SVG or PNG, and the current step's equations as LaTeX. */
export function ExportButtons() {
  const store = useAppStoreApi();
  const [error, setError] = useState<string | null>(null);

  const withSvg = async (
    exportIt: (svg: ReturnType<typeof standaloneSvg>) => Promise<void> | void,
  ) => {
    const svg = findDiagramSvg();
    if (!svg) {
      setError('The diagram is not on screen.');
      return;
    }
    try {
      await exportIt(standaloneSvg(svg));
      setError(null);
    } catch (problem) {
      setError(`Export failed: ${(problem as Error).message}`);
    }
  };

  const exportLatex = () => {
    const context = selectEquationContext(store.getState());
    const blocks = stepEquations(context);
    downloadText(
      'backstep-step.tex',
      equationsToLatex(stepTitle(context.step, context.network, context.notation), blocks),
      'application/x-tex',
    );
  };

  return (
    <div className="row-buttons">
      <button
        type="button"
        onClick={() =>
          withSvg((svg) => downloadText('backstep-diagram.svg', svg.text, 'image/svg+xml'))
        }
      >
        Diagram as SVG
      </button>
      <button
        type="button"
        onClick={() =>
          withSvg(async (svg) =>
            downloadBlob('backstep-diagram.png', await svgToPng(svg.text, svg.width, svg.height)),
          )
        }
      >
        Diagram as PNG
      </button>
      <button type="button" onClick={exportLatex}>
        Step as LaTeX
      </button>
      {error && (
        <span className="field-error" role="alert">
          {error}
        </span>
      )}
    </div>
  );
}
