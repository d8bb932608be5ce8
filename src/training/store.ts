import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  DATA_LIMITS,
  DATASET_KINDS,
  DEFAULT_READING,
  FEATURE_IDS,
  featuresFor,
  SCALING_IDS,
  type DatasetKind,
  type FeatureId,
  type Reading,
  type ScalingId,
} from '../data';
import { REAL_DATASET_IDS, realText, type RealDatasetId } from '../data/realDatasets';
import { REGULARIZATIONS, validateOptimizer, type Optimizer, type Regularization } from '../engine';
import type { Outcome } from '../store/appStore';
import { LIMITS, TRAINING_SIZES, checkValue } from '../store/limits';
import type { LandscapeChoice } from '../store/types';
import { datasetOf, tableTextOf } from './selectors';
import { readingFor } from './tables';
import {
  APP_MODES,
  DEFAULT_TRAINING,
  idsOf,
  STOP_KINDS,
  TRAINING_SPEEDS,
  type AppMode,
  type StopCondition,
  type TrainingChoices,
  type TrainingSpeed,
} from './choices';

export interface TrainingActions {
  setMode(mode: AppMode): void;
  setDataset(kind: DatasetKind): Outcome;
  setNoise(noise: number): Outcome;
  setCount(count: number): Outcome;
  setDataSeed(seed: number): Outcome;
  /** New points: the next data seed. */
  regenerate(): void;
  setTrainFraction(fraction: number): Outcome;
  /** A dataset in the box, read as inferred. */
  setReal(id: RealDatasetId): Outcome;
  /** Read a CSV; on any problem the data stays as it was and the reason comes back. */
  loadCsv(text: string, name?: string, reading?: Reading): Outcome;
  /** Read the table in use otherwise (targets, task, missing rows); refused with the reason. */
  setReading(reading: Partial<Reading>): Outcome;
  setScaling(scaling: ScalingId): Outcome;
  useGenerated(): void;
  setFeature(id: FeatureId, on: boolean): Outcome;
  setBatchSize(size: number): Outcome;
  setRegularization(kind: Regularization): Outcome;
  setRegularizationRate(rate: number): Outcome;
  setStop(stop: Partial<StopCondition>): Outcome;
  setSpeed(speed: TrainingSpeed): void;
  newInitSeed(): void;
  /** A weight seed the learner typed. */
  setInitSeed(seed: number): Outcome;
  /** The race on or off (the controller's race() also starts both runs from one network). */
  setRace(on: boolean): void;
  /** The race's second optimizer; refused with the reason when its settings are out of range. */
  setRaceOptimizer(optimizer: Optimizer): Outcome;
  setLandscape(landscape: LandscapeChoice): void;
  replaceChoices(choices: TrainingChoices): void;
}

export type TrainingState = TrainingChoices & TrainingActions;
export type TrainingStore = StoreApi<TrainingState>;

export const TRAINING_LIMITS = {
  maxRegularizationRate: 10,
  maxEpochs: 1_000_000,
  maxSeed: 2 ** 31 - 1,
} as const;

const whole = (value: number, min: number, max: number): string | null =>
  checkValue(value, min, max) ?? (Number.isInteger(value) ? null : 'A whole number, please.');

/** Why a seed the learner typed cannot be used, or null. */
export const seedProblem = (seed: number): string | null => whole(seed, 0, TRAINING_LIMITS.maxSeed);

export function createTrainingStore(init: Partial<TrainingChoices> = {}): TrainingStore {
  return createStore<TrainingState>()((set, get) => {
    /** Apply a change only if it is acceptable; say why not otherwise. */
    const change = (problem: string | null, next: Partial<TrainingChoices>): Outcome => {
      if (problem) return problem;
      set(next);
      return null;
    };
    return {
      ...DEFAULT_TRAINING,
      ...init,
      setMode(mode) {
        if (idsOf(APP_MODES).includes(mode)) set({ mode });
      },
      setDataset(kind) {
        if (!DATASET_KINDS.includes(kind)) return `There is no dataset "${String(kind)}".`;
        set({ dataset: kind, source: 'generated' });
        return null;
      },
      setNoise(noise) {
        return change(checkValue(noise, 0, DATA_LIMITS.maxNoise), { noise });
      },
      setCount(count) {
        return change(whole(count, DATA_LIMITS.minPoints, DATA_LIMITS.maxPoints), { count });
      },
      setDataSeed(seed) {
        return change(seedProblem(seed), { dataSeed: seed });
      },
      regenerate() {
        set({ dataSeed: (get().dataSeed + 1) % TRAINING_LIMITS.maxSeed });
      },
      setTrainFraction(fraction) {
        const problem = checkValue(
          fraction,
          DATA_LIMITS.minTrainFraction,
          DATA_LIMITS.maxTrainFraction,
        );
        return change(problem, { trainFraction: fraction });
      },
      setReal(id) {
        if (!REAL_DATASET_IDS.includes(id)) return `There is no dataset "${String(id)}".`;
        const text = realText(id);
        if (text === null) return 'That dataset has not been loaded yet: choose it again.';
        const read = readingFor(text, DEFAULT_READING);
        if (!read.ok) return read.error;
        set({ source: 'real', real: id, reading: DEFAULT_READING });
        return null;
      },
      loadCsv(text, name = 'pasted', reading = DEFAULT_READING) {
        const read = readingFor(text, reading);
        if (!read.ok) return read.error;
        set({ source: 'csv', csv: { name: name.slice(0, 80), text }, reading });
        return null;
      },
      setReading(change) {
        const text = tableTextOf(get());
        if (text === null) return 'The generated points have no columns to choose from.';
        const reading = { ...get().reading, ...change };
        const read = readingFor(text, reading);
        if (!read.ok) return read.error;
        set({ reading });
        return null;
      },
      setScaling(scaling) {
        if (!SCALING_IDS.includes(scaling)) return `Unknown scaling "${String(scaling)}".`;
        set({ scaling });
        return null;
      },
      useGenerated() {
        set({ source: 'generated' });
      },
      setFeature(id, on) {
        if (!FEATURE_IDS.includes(id)) return `There is no feature "${String(id)}".`;
        const features = on
          ? [...new Set([...get().features, id])]
          : get().features.filter((f) => f !== id);
        const available = featuresFor(datasetOf(get()).inputNames.length, features);
        if (available && available.length === 0) return 'The network needs at least one input.';
        if (available && available.length > TRAINING_SIZES.maxInputs) {
          return `At most ${TRAINING_SIZES.maxInputs} inputs.`;
        }
        set({ features: FEATURE_IDS.filter((f) => features.includes(f)) });
        return null;
      },
      setBatchSize(size) {
        return change(whole(size, 1, LIMITS.maxSamples), { batchSize: size });
      },
      setRegularization(kind) {
        if (!REGULARIZATIONS.includes(kind)) return `Unknown regularization "${String(kind)}".`;
        set({ regularization: kind });
        return null;
      },
      setRegularizationRate(rate) {
        const problem = checkValue(rate, 0, TRAINING_LIMITS.maxRegularizationRate);
        return change(problem, { regularizationRate: rate });
      },
      setStop(stop) {
        const next = { ...get().stop, ...stop };
        if (!idsOf(STOP_KINDS).includes(next.kind)) return 'Unknown stop condition.';
        const problem =
          whole(next.epochs, 1, TRAINING_LIMITS.maxEpochs) ??
          checkValue(next.loss, 0, LIMITS.maxAbsValue);
        return change(problem, { stop: next });
      },
      setSpeed(speed) {
        if (idsOf(TRAINING_SPEEDS).includes(speed)) set({ speed });
      },
      newInitSeed() {
        set({ initSeed: (get().initSeed + 1) % TRAINING_LIMITS.maxSeed });
      },
      setInitSeed(seed) {
        return change(seedProblem(seed), { initSeed: seed });
      },
      setRace(on) {
        if (typeof on === 'boolean') set({ race: on });
      },
      setRaceOptimizer(optimizer) {
        try {
          validateOptimizer(optimizer);
        } catch (error) {
          return (error as Error).message;
        }
        if (JSON.stringify(optimizer) !== JSON.stringify(get().raceOptimizer)) {
          set({ raceOptimizer: optimizer });
        }
        return null;
      },
      setLandscape(landscape) {
        set({ landscape });
      },
      replaceChoices(choices) {
        set(choices);
      },
    };
  });
}

/** Just the learner's choices (no actions), for saving. */
export function choicesOf(state: TrainingChoices): TrainingChoices {
  const keys = Object.keys(DEFAULT_TRAINING) as (keyof TrainingChoices)[];
  return Object.fromEntries(keys.map((key) => [key, state[key]])) as unknown as TrainingChoices;
}
