import { createStore, type StoreApi } from 'zustand/vanilla';
import {
  ACTIVATIONS,
  LOSSES,
  validateBatch,
  validateNetwork,
  type Activation,
  type Granularity,
  type Loss,
  type Network,
  type PassStep,
  type Sample,
} from '../engine';
import { isNotationId } from '../math/notations';
import { DEFAULT_EXAMPLE, findExample, type WorkedExample } from './examples';
import { LIMITS, checkValue } from './limits';
import { stepsOf, updateOf } from './selectors';
import {
  compatibilityProblem,
  fitSamples,
  layerSizes,
  withActivation,
  withHiddenLayer,
  withUnits,
  withoutHiddenLayer,
} from './shape';
import type { LearnerState, NotationId, Parameter, Selection, ViewOptions } from './types';
import { editOf, recorded, type UndoState } from './undo';

/** An action that can refuse returns the reason, in words for the learner; null when it took. */
export type Outcome = string | null;

export interface Actions {
  stepForward(): void;
  stepBack(): void;
  resetPass(): void;
  goToEnd(): void;
  goToStep(index: number): void;
  setGranularity(granularity: Granularity): void;
  select(selection: Selection | null): void;
  setNotation(notation: NotationId): void;
  setView(view: Partial<ViewOptions>): void;
  setSampleIndex(index: number): void;
  loadExample(id: string): Outcome;
  setParameter(parameter: Parameter, value: number): Outcome;
  setLearningRate(value: number): Outcome;
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
   * A network from elsewhere (training), and optionally the batch to step through with it: checked
   * like any edit, undoable, and the pass starts again at step 0.
   */
  setNetwork(network: Network, samples?: Sample[]): Outcome;
  undo(): void;
  redo(): void;
  /** A drag begins: every change until endGesture is one undo step. */
  beginGesture(): void;
  endGesture(): void;
}

export type AppState = LearnerState & UndoState & Actions;
export type AppStore = StoreApi<AppState>;

export const DEFAULT_VIEW: ViewOptions = {
  digits: 4,
  edgeMode: 'weights',
  matrixView: false,
  hidden: [],
};

/** Does the network have the unit, weight or bias the selection names? */
export function selectionFits(selection: Selection | null, network: Network): boolean {
  if (!selection) return true;
  const sizes = layerSizes(network);
  const units = sizes[selection.layer];
  if (units === undefined) return false;
  if (selection.kind === 'weight') {
    return (
      selection.layer >= 1 &&
      selection.from < (sizes[selection.layer - 1] ?? 0) &&
      selection.to < units
    );
  }
  if (selection.kind === 'bias') return selection.layer >= 1 && selection.unit < units;
  return selection.unit < units;
}

export function stateFromExample(example: WorkedExample): LearnerState {
  return {
    network: example.network,
    samples: example.samples,
    sampleIndex: 0,
    learningRate: example.learningRate,
    stepIndex: 0,
    granularity: 'layer',
    selection: null,
    notation: example.notation,
    view: DEFAULT_VIEW,
    exampleId: example.id,
    history: [],
  };
}

/** Steps of the same kind and layer in another granularity: the last one, so progress is kept. */
function equivalentStep(steps: PassStep[], step: PassStep): number {
  let found = 0;
  steps.forEach((candidate, index) => {
    const sameLayer =
      !('layer' in step) || ('layer' in candidate && candidate.layer === step.layer);
    const sameUnit =
      !('unit' in step) ||
      step.unit === undefined ||
      !('unit' in candidate) ||
      candidate.unit === step.unit;
    if (candidate.kind === step.kind && sameLayer && sameUnit) found = index;
  });
  return found;
}

const MAX_HISTORY = 100;
let freshSeed = 1;

export function createAppStore(init: Partial<LearnerState> = {}): AppStore {
  return createStore<AppState>()((set, get) => {
    /**
     * The one gate for every change of network or samples: the candidate must pass the engine's
     * checks, or the learner keeps what they had and hears why.
     */
    const commit = (
      network: Network,
      samples: Sample[],
      extra: Partial<LearnerState> = {},
    ): Outcome => {
      const problem = compatibilityProblem(network);
      if (problem) return problem;
      try {
        validateNetwork(network);
        validateBatch(network, samples);
      } catch (error) {
        return (error as Error).message;
      }
      const shapeChanged =
        layerSizes(network).join() !== layerSizes(get().network).join() ||
        network.layers.length !== get().network.layers.length;
      set({
        ...recorded(get()),
        network,
        samples,
        sampleIndex: Math.min(get().sampleIndex, samples.length - 1),
        // A new shape is the learner's own network: the example's title and notes no longer fit.
        ...(shapeChanged ? { stepIndex: 0, selection: null, history: [], exampleId: null } : {}),
        ...extra,
      });
      return null;
    };

    const lastStep = () => stepsOf(get().network, get().granularity).length - 1;

    /** Restore an undo entry, keeping the step within the pass. */
    const restore = (edit: ReturnType<typeof editOf>) => {
      // The selection stays where the restored network still has it (undoing a weight edit
      // keeps the weight selected).
      const { selection } = get();
      set({ ...edit, selection: selectionFits(selection, edit.network) ? selection : null });
      set({ stepIndex: Math.min(edit.stepIndex, lastStep()) });
    };

    return {
      ...stateFromExample(DEFAULT_EXAMPLE),
      ...init,
      past: [],
      future: [],
      inGesture: false,
      gestureRecorded: false,

      stepForward() {
        const { stepIndex, network, samples, learningRate, history } = get();
        if (stepIndex < lastStep()) {
          set({ stepIndex: stepIndex + 1 });
          return;
        }
        // Past the update: the updated network becomes the one the next pass runs on.
        const updated = updateOf(network, samples, learningRate).network;
        set({ network: updated, stepIndex: 0, history: [...history, network].slice(-MAX_HISTORY) });
      },
      stepBack() {
        const { stepIndex, history } = get();
        if (stepIndex > 0) {
          set({ stepIndex: stepIndex - 1 });
          return;
        }
        const previous = history[history.length - 1];
        if (!previous) return;
        // Undo the last update: back to the end of the pass that made it.
        set({ network: previous, history: history.slice(0, -1) });
        set({ stepIndex: lastStep() });
      },
      resetPass() {
        set({ stepIndex: 0 });
      },
      goToEnd() {
        set({ stepIndex: lastStep() });
      },
      goToStep(index) {
        set({ stepIndex: Math.max(0, Math.min(lastStep(), Math.round(index))) });
      },
      setGranularity(granularity) {
        const { network, granularity: current, stepIndex } = get();
        if (granularity === current) return;
        const step = stepsOf(network, current)[stepIndex] ?? { kind: 'start' };
        set({ granularity, stepIndex: equivalentStep(stepsOf(network, granularity), step) });
      },
      select(selection) {
        set({ selection });
      },
      setNotation(notation) {
        if (isNotationId(notation)) set({ notation });
      },
      setView(view) {
        const digits =
          view.digits === undefined
            ? get().view.digits
            : Math.max(4, Math.min(12, Math.round(view.digits)));
        set({ view: { ...get().view, ...view, digits } });
      },
      setSampleIndex(index) {
        if (Number.isInteger(index) && index >= 0 && index < get().samples.length)
          set({ sampleIndex: index });
      },
      loadExample(id) {
        const example = findExample(id);
        if (!example) return `There is no example "${id}".`;
        set({
          ...recorded(get()),
          ...stateFromExample(example),
          view: { ...get().view, hidden: get().view.hidden },
        });
        return null;
      },
      setParameter(parameter, value) {
        const { network, samples } = get();
        const problem = checkValue(value, -LIMITS.maxAbsValue, LIMITS.maxAbsValue);
        if (problem) return problem;
        switch (parameter.kind) {
          case 'weight':
          case 'bias': {
            const target = network.layers[parameter.layer - 1];
            if (!target) return `There is no layer ${parameter.layer}.`;
            const layer =
              parameter.kind === 'weight'
                ? {
                    ...target,
                    weights: target.weights.map((row, i) =>
                      i === parameter.from
                        ? row.map((w, j) => (j === parameter.to ? value : w))
                        : row,
                    ),
                  }
                : {
                    ...target,
                    biases: target.biases.map((b, j) => (j === parameter.unit ? value : b)),
                  };
            const layers = network.layers.map((l, index) =>
              index === parameter.layer - 1 ? layer : l,
            );
            return commit({ ...network, layers }, samples);
          }
          case 'input':
          case 'target': {
            const key = parameter.kind === 'input' ? 'x' : 'y';
            const next = samples.map((sample, s) =>
              s === parameter.sample
                ? {
                    ...sample,
                    [key]: sample[key].map((v, i) => (i === parameter.index ? value : v)),
                  }
                : sample,
            );
            return commit(network, next);
          }
        }
      },
      setLearningRate(value) {
        const problem = checkValue(value, 0, LIMITS.maxLearningRate);
        if (problem) return problem;
        if (value !== get().learningRate) set({ ...recorded(get()), learningRate: value });
        return null;
      },
      setActivation(layer, activation) {
        const { network, samples } = get();
        if (!ACTIVATIONS.includes(activation)) return `Unknown activation "${String(activation)}".`;
        if (layer < 1 || layer > network.layers.length) return `There is no layer ${layer}.`;
        return commit(withActivation(network, layer, activation), samples);
      },
      setLoss(loss) {
        const { network, samples } = get();
        if (!LOSSES.includes(loss)) return `Unknown loss "${String(loss)}".`;
        return commit({ ...network, loss }, samples);
      },
      setUnits(layer, units) {
        const { network, samples } = get();
        const L = network.layers.length;
        if (!Number.isInteger(layer) || layer < 0 || layer > L)
          return `There is no layer ${layer}.`;
        const max =
          layer === 0 ? LIMITS.maxInputs : layer === L ? LIMITS.maxOutputs : LIMITS.maxUnits;
        if (!Number.isInteger(units) || units < 1 || units > max) {
          return `A ${layer === 0 ? 'input' : layer === L ? 'output' : 'hidden'} layer has 1 to ${max} units.`;
        }
        const next = withUnits(network, layer, units, freshSeed++);
        return commit(next, fitSamples(next, samples));
      },
      addHiddenLayer(position) {
        const { network, samples } = get();
        const L = network.layers.length;
        if (L - 1 >= LIMITS.maxHiddenLayers)
          return `At most ${LIMITS.maxHiddenLayers} hidden layers.`;
        if (!Number.isInteger(position) || position < 1 || position > L)
          return `There is no layer ${position}.`;
        const units = layerSizes(network)[position - 1] ?? 2;
        const activation =
          network.layers[position - 2]?.activation ??
          (L > 1 ? network.layers[0]?.activation : 'sigmoid');
        const hidden =
          activation === 'softmax' || activation === undefined ? 'sigmoid' : activation;
        return commit(
          withHiddenLayer(network, position, Math.min(units, LIMITS.maxUnits), hidden, freshSeed++),
          samples,
        );
      },
      removeHiddenLayer(layer) {
        const { network, samples } = get();
        const L = network.layers.length;
        if (!Number.isInteger(layer) || layer < 1 || layer >= L)
          return `Layer ${layer} is not a hidden layer.`;
        return commit(withoutHiddenLayer(network, layer, freshSeed++), samples);
      },
      addSample() {
        const { network, samples, sampleIndex } = get();
        if (samples.length >= LIMITS.maxSamples)
          return `At most ${LIMITS.maxSamples} samples in a batch.`;
        const copy = samples[sampleIndex] ?? samples[0];
        if (!copy) return 'There is no sample to copy.';
        const next = [...samples, { x: copy.x.slice(), y: copy.y.slice() }];
        return commit(network, next, { sampleIndex: next.length - 1 });
      },
      removeSample(index) {
        const { network, samples } = get();
        if (samples.length <= 1) return 'A batch needs at least one sample.';
        if (!Number.isInteger(index) || index < 0 || index >= samples.length)
          return `There is no sample ${index + 1}.`;
        const next = samples.filter((_, s) => s !== index);
        return commit(network, next, { sampleIndex: Math.min(get().sampleIndex, next.length - 1) });
      },
      replaceWork(state) {
        set({ ...recorded(get()), ...state });
      },
      setNetwork(network, samples) {
        if (samples && samples.length > LIMITS.maxSamples)
          return `At most ${LIMITS.maxSamples} samples in a batch.`;
        return commit(network, samples ?? get().samples, {
          stepIndex: 0,
          selection: null,
          history: [],
          exampleId: null,
          ...(samples ? { sampleIndex: 0 } : {}),
        });
      },
      undo() {
        const { past, future } = get();
        const previous = past[past.length - 1];
        if (!previous) return;
        set({ past: past.slice(0, -1), future: [editOf(get()), ...future], inGesture: false });
        restore(previous);
      },
      redo() {
        const { past, future } = get();
        const next = future[0];
        if (!next) return;
        set({ past: [...past, editOf(get())], future: future.slice(1), inGesture: false });
        restore(next);
      },
      beginGesture() {
        set({ inGesture: true, gestureRecorded: false });
      },
      endGesture() {
        set({ inGesture: false, gestureRecorded: false });
      },
    };
  });
}
