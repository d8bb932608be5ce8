import {
  createTrainer,
  type AccuracyRule,
  type Optimizer,
  type Overflow,
  type PackedSet,
  type Trainer,
} from '../engine';
import type { RaceReply, RaceSpec } from './protocol';
import type { EpochRecord } from './runtime';

/**
 * A point of a run's curves: its trainer's loss and accuracy on both sets, and the gradient norms
 * and penalty since the last point. `predictions` receives each test point's predicted class.
 */
export function epochRecord(
  trainer: Trainer,
  epoch: number,
  sets: { train: PackedSet; test: PackedSet; accuracy: AccuracyRule },
  predictions?: Int32Array,
): EpochRecord {
  const train = trainer.evaluate(sets.train, sets.accuracy);
  const test = trainer.evaluate(sets.test, sets.accuracy, predictions);
  return {
    epoch,
    trainLoss: train.loss,
    testLoss: test.loss,
    trainAccuracy: train.accuracy,
    testAccuracy: test.accuracy,
    gradientNorms: trainer.takeGradientNorms() ?? [],
    penalty: trainer.penalty(),
  };
}

/**
 * The race's second run, inside a session (pure TypeScript, in the worker): a trainer of its own on
 * the same training set with the same seed, so its mini-batches come in the same order, stepped
 * right after the first run's each time that one steps. Both have seen the same examples at every
 * point of the curves. One that overflows leaves the race where it was (its curve ends there); the
 * first goes on.
 */
export interface Rival {
  readonly trainer: Trainer;
  /** Why it left the race, or null while it is in it. */
  readonly out: Overflow | null;
  /** One step, after the first run's (nothing once it is out). */
  step(): void;
  /** Its point for the curves at the first run's epoch (null once it is out). */
  record(epoch: number): EpochRecord | null;
  setOptimizer(optimizer: Optimizer): void;
  /** What a frame tells the page (the session adds the times); `network`: its network and state too. */
  reply(record: EpochRecord | null, network: boolean): Omit<RaceReply, 'ms'>;
}

export function createRival(
  spec: RaceSpec,
  first: Trainer,
  sets: { train: PackedSet; test: PackedSet; accuracy: AccuracyRule },
  seed: number,
): Rival {
  const trainer = createTrainer(
    spec.network ?? first.network(),
    sets.train,
    { ...first.options, optimizer: spec.optimizer },
    seed,
  );
  trainer.skipTo(first.examplesSeen);
  if (spec.optimizerState) trainer.setOptimizerState(spec.optimizerState);
  let out = spec.out;
  /** Said once, in the reply of the frame it happened in. */
  let news: Overflow | null = null;
  return {
    trainer,
    get out() {
      return out;
    },
    step() {
      if (out) return;
      const problem = trainer.step();
      if (problem) out = news = problem;
    },
    record(epoch) {
      if (out) return null;
      return epochRecord(trainer, epoch, sets);
    },
    setOptimizer(optimizer) {
      trainer.setOptions({ optimizer });
    },
    reply(record, network) {
      const said = news;
      news = null;
      return {
        record,
        network: network || said ? trainer.network() : null,
        optimizerState: network || said ? trainer.optimizerState() : null,
        out: said,
      };
    },
  };
}
