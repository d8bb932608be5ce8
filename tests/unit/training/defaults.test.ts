import { loadRealText } from '../../../src/data/realDatasets';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, type TrainingChoices } from '../../../src/training/choices';
import { sessionInitOf } from '../../../src/training/plan';
import { createSession } from '../../../src/training/session';
import { createWorkbench } from '../../../src/training/workbench';

/**
 * "The default network fits": the Train tab opened with every default (the network, η, the batch,
 * the split and its seed — as the workbench makes them), trained by the same session the worker
 * runs, one epoch per frame as the default speed does. 50 epochs take under a second at 60 frames
 * a second in the app.
 */
function testAccuracy(choices: TrainingChoices, epochs: number): number {
  const { bench } = createWorkbench(
    { choices, work: null },
    {
      makeClient: () => {
        throw new Error('not used');
      },
    },
  );
  const { network, learningRate, trainBiases } = bench.getState();
  const session = createSession(sessionInitOf(network, choices, learningRate, trainBiases));
  let accuracy = NaN;
  for (let epoch = 0; epoch < epochs; epoch++) {
    const reply = session.frame({
      work: 'epoch',
      budgetMs: 5,
      stop: { kind: 'none', epochs: 1, loss: 0 },
      images: false,
      network: false,
    });
    accuracy = reply.record?.testAccuracy ?? NaN;
  }
  return accuracy;
}

describe('the default network fits', () => {
  it('reaches at least 95 % test accuracy on the circle with every default', () => {
    expect(testAccuracy(DEFAULT_TRAINING, 50)).toBeGreaterThanOrEqual(0.95);
  });

  it.each(['iris', 'wine', 'digits'] as const)(
    'on %s, reaches at least 90 per cent test accuracy with the default choices',
    async (real) => {
      await loadRealText(real);
      expect(
        testAccuracy({ ...DEFAULT_TRAINING, source: 'real', real }, 50),
      ).toBeGreaterThanOrEqual(0.9);
    },
  );
});
