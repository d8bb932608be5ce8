import { useEffect } from 'react';
import { AccuracyChart, GradientHealthChart, LossChart } from './Charts';
import { BoundaryView } from './BoundaryView';
import { DataPanel } from './DataPanel';
import { DrawPad } from './DrawPad';
import { FeaturesPanel } from './FeaturesPanel';
import { GradientCheckPanel } from './GradientCheckPanel';
import { useRun, useTrainingKit } from './kit';
import { NetworkDiagram } from './NetworkDiagram';
import { NetworkPanel } from './NetworkPanel';
import { OverflowWarning } from './OverflowWarning';
import { TrainControls } from './TrainControls';
import { WeightPictures } from './WeightPictures';
import './training.css';

/** Training mode: data and network on the left, the live pictures in the middle, curves right. */
export function TrainingView() {
  const { controller, run } = useTrainingKit();
  const notice = useRun((s) => s.notice);
  const error = useRun((s) => s.error);

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
            <DrawPad />
            <WeightPictures />
            <NetworkDiagram />
          </div>
          <div className="training-charts">
            <LossChart />
            <AccuracyChart />
            <GradientHealthChart />
          </div>
        </div>
        <GradientCheckPanel />
      </div>
    </main>
  );
}
