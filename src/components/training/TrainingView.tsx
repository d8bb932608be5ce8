import { useEffect } from 'react';
import { AccuracyChart, GradientHealthChart, LossChart } from './Charts';
import { BoundaryView } from './BoundaryView';
import { ConfusionPanel } from './ConfusionPanel';
import { DataPanel } from './DataPanel';
import { DrawPad } from './DrawPad';
import { FeaturesPanel } from './FeaturesPanel';
import { GradientCheckPanel } from './GradientCheckPanel';
import { useChoices, useRun, useTrainingKit } from './kit';
import { NetworkDiagram } from './NetworkDiagram';
import { NetworkPanel } from './NetworkPanel';
import { OverflowWarning } from './OverflowWarning';
import { preparedOf } from '../../training/selectors';
import { TrainControls } from './TrainControls';
import { WeightPictures } from './WeightPictures';
import { TrainLandscape } from '../landscape/TrainLandscape';
import './training.css';

/** Training mode: data and network on the left, the live pictures in the middle, curves right. */
export function TrainingView() {
  const { controller, run } = useTrainingKit();
  const notice = useRun((s) => s.notice);
  const error = useRun((s) => s.error);
  // With a plane or a line to draw the output on, the diagram comes first; without, the matrix.
  const plotted = useChoices((c) => preparedOf(c).rawInputs <= 2);

  useEffect(() => {
    controller.refresh();
  }, [controller]);

  return (
    <main>
      <div className="training" role="tabpanel" id="train-panel" aria-labelledby="train-tab">
        <TrainControls />
        <OverflowWarning />
        {error && (
          <div className="notice training-error" role="alert">
            <span>{error}</span>
            <button type="button" onClick={() => run.setState({ error: null })}>
              Dismiss
            </button>
          </div>
        )}
        {notice && (
          <div className="notice" role="status">
            <span>{notice}</span>
            <button type="button" onClick={() => run.setState({ notice: null })}>
              Dismiss
            </button>
          </div>
        )}
        <div className="training-grid">
          <div className="training-setup">
            <DataPanel />
            <FeaturesPanel />
            <NetworkPanel />
          </div>
          <div className="training-pictures">
            <BoundaryView />
            {!plotted && <ConfusionPanel />}
            <DrawPad />
            <WeightPictures />
            <NetworkDiagram />
            {plotted && <ConfusionPanel />}
          </div>
          <div className="training-charts">
            <LossChart />
            <AccuracyChart />
            <GradientHealthChart />
          </div>
        </div>
        <TrainLandscape />
        <GradientCheckPanel />
      </div>
    </main>
  );
}
