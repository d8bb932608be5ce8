import type { StateCreator, StoreApi } from 'zustand/vanilla';
import type { Activation, Granularity, Loss, Network, Optimizer, Sample } from '../engine';
import type { ExerciseKind } from '../practice/exercises';
import type { NamedMistake, PredictHelp, QuantityKind } from '../practice/types';
import type { Carried } from './edits';
import type {
  HideablePanel,
  LearnerState,
  NotationId,
  NoticeState,
  Parameter,
  Selection,
  UndoState,
  ViewOptions,
} from './types';

/** An action that can refuse returns the reason, in words for the learner; null when it took. */
export type Outcome = string | null;

/** Stepping through the pass (slices/pass.ts). */
export interface PassActions {
  /** One step on; past the update, the updated network — or why it cannot be kept. */
  stepForward(): Outcome;
  stepBack(): void;
  resetPass(): void;
  goToEnd(): void;
  goToStep(index: number): void;
  setGranularity(granularity: Granularity): void;
}

/** Where the learner looks (slices/view.ts): not part of the work undo brings back. */
export interface ViewActions {
  select(selection: Selection | null): void;
  setNotation(notation: NotationId): void;
  setView(view: Partial<ViewOptions>): void;
  /** Hide a part of the app for class, or show it again. */
  setHidden(panel: HideablePanel, hide: boolean): void;
  setSampleIndex(index: number): void;
}

/** A prediction checked: right, or wrong with the tries so far and the mistake it matches, if any. */
export type Verdict =
  { right: true } | { right: false; wrong: number; mistake: NamedMistake | null };

/** Predict first (slices/predict.ts): its choices, answering the question asked now, the score. */
export interface PredictActions {
  setPredict(options: { on?: boolean; asked?: QuantityKind[]; help?: PredictHelp }): void;
  /** Check a prediction of the value asked now; null when nothing is asked. */
  checkPrediction(value: number): Verdict | null;
  /** "Show me": reveal the value asked now (counted as asked, not right). */
  showPrediction(): void;
  resetScore(): void;
}

/** Changes to the work (slices/edit.ts): each one undoable, each through the one gate. */
export interface EditActions {
  loadExample(id: string): Outcome;
  /**
   * An exercise to work by hand, at the start of its pass: of this kind, from this seed (a fresh
   * one when none is given; the same seed gives the same numbers).
   */
  newExercise(kind: ExerciseKind, batchOfTwo: boolean, seed?: number): Outcome;
  setParameter(parameter: Parameter, value: number): Outcome;
  setLearningRate(value: number): Outcome;
  /** Does the update step move the biases? */
  setTrainBiases(on: boolean): Outcome;
  /** Another optimizer or its hyper-parameters (another kind starts its state at zero). */
  setOptimizer(optimizer: Optimizer): Outcome;
  setActivation(layer: number, activation: Activation): Outcome;
  setLoss(loss: Loss): Outcome;
  /** Units of layer l: 0 is the input, L the output. */
  setUnits(layer: number, units: number): Outcome;
  /** A new hidden layer before weighted layer `position` (1…L). */
  addHiddenLayer(position: number): Outcome;
  removeHiddenLayer(layer: number): Outcome;
  addSample(): Outcome;
  removeSample(index: number): Outcome;
  /** Replace the whole work (an import, a share link); undoable. */
  replaceWork(state: LearnerState): void;
  /**
   * A network from elsewhere (the other tab), and optionally the batch to step through with it and
   * its η and "Train biases": checked like any edit, undoable, and the pass starts at step 0.
   */
  setNetwork(network: Network, samples?: Sample[], carried?: Carried): Outcome;
}

/** Undo and redo (slices/undo.ts). */
export interface UndoActions {
  undo(): void;
  redo(): void;
  /** A drag begins: every change until endGesture is one undo step. */
  beginGesture(): void;
  endGesture(): void;
}

export type Actions = PassActions & ViewActions & EditActions & UndoActions & PredictActions;
export type AppState = LearnerState & UndoState & NoticeState & Actions;
export type AppStore = StoreApi<AppState>;

/** One slice of the store: it sees (and sets) the whole state, and contributes part of it. */
export type Slice<T> = StateCreator<AppState, [], [], T>;
