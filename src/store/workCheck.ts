import {
  freshState,
  validateBatch,
  validateNetwork,
  validateOptimizerState,
  type Layer,
  type Network,
  type OptimizerState,
} from '../engine';
import { formatNumber, notationFor, parameterLabel } from '../math';
import type { Parameter } from '../math/vocabulary';
import { LIMITS, type NetworkSizes } from './limits';
import { learnerSchema, learnerSchemaFor } from './schema';
import { snapshotOf, stepsOf, updateOf } from './selectors';
import { compatibilityProblem, layerSizes, selectionFits } from './shape';
import type { LearnerState } from './types';

/**
 * The one check of a learner's work, used where it is loaded (persist.ts) and where it changes (an
 * edit through gate.ts, an update step): each part against its schema (schema.ts), then the parts
 * against each other. What passes can be saved, read back, and stepped through without a crash.
 */

type Part = keyof typeof learnerSchema.shape;
type Path = readonly PropertyKey[];

export function pathOf(path: Path): string {
  return path.reduce<string>(
    (text, key) =>
      typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key),
    '',
  );
}

/** The number a learner can name at this path of a part (a weight, bias, input or target). */
function parameterAt(part: Part, path: Path): Parameter | null {
  const [a, b, c, d, e] = path;
  if (part === 'network' && a === 'layers' && typeof b === 'number') {
    if (c === 'weights' && typeof d === 'number' && typeof e === 'number')
      return { kind: 'weight', layer: b + 1, from: d, to: e };
    if (c === 'biases' && typeof d === 'number') return { kind: 'bias', layer: b + 1, unit: d };
  }
  if (part === 'samples' && typeof a === 'number' && typeof c === 'number') {
    if (b === 'x') return { kind: 'input', sample: a, index: c };
    if (b === 'y') return { kind: 'target', sample: a, index: c };
  }
  return null;
}

function valueAt(root: unknown, path: Path): unknown {
  let at = root;
  for (const key of path) at = (at as Record<PropertyKey, unknown> | undefined)?.[key];
  return at;
}

/** A layer in its smallest form: all the schema needs to read of a layer that passed already. */
const passedLayer = (activation: Layer['activation']): Layer => ({
  activation,
  weights: [[0]],
  biases: [0],
});

/**
 * The network as the schema needs to read it: a layer it shares with `passed` (the same object, as
 * a weight edit leaves every layer but one) passed already, so it is read in its smallest form at
 * its own index, and only the new layers' numbers are parsed. The schema has no rule across layers
 * (workProblem fits them together). The whole parse was most of a weight edit's garbage on the
 * largest network (README, Benchmarks).
 */
function newLayersOf(network: Network, passed: Network): Network {
  const shared = new Set(passed.layers);
  if (!network.layers.some((layer) => shared.has(layer))) return network;
  const layers = network.layers.map((layer) =>
    shared.has(layer) ? passedLayer(layer.activation) : layer,
  );
  return { ...network, layers };
}

/**
 * Why this part, as an edit or an update would leave it, cannot be kept — a number too large to
 * save is named the way the diagram names it — or null. `passed`: a network that passed, whose
 * layers (the same objects) a new network need not have parsed again.
 */
export function partProblem<K extends Part>(
  work: LearnerState,
  part: K,
  value: LearnerState[K],
  sizes: NetworkSizes = LIMITS,
  passed?: Network,
): string | null {
  const read = part === 'network' && passed ? newLayersOf(value as Network, passed) : value;
  const parsed = learnerSchemaFor(sizes).shape[part].safeParse(read);
  if (parsed.success) return null;
  const issue = parsed.error.issues[0];
  const path = issue?.path ?? [];
  const parameter = parameterAt(part, path);
  const number = valueAt(value, path);
  if (parameter && typeof number === 'number') {
    const network = part === 'network' ? (value as Network) : work.network;
    const name = parameterLabel(
      parameter,
      notationFor(work.notation, network),
      work.samples.length,
    );
    const limit = LIMITS.maxSavedValue.toLocaleString('en-US');
    return Number.isFinite(number)
      ? `${name} would be ${formatNumber(number, 4)}, beyond ±${limit}, the largest number Backstep can save.`
      : `${name} would not be a finite number, and Backstep can only save finite ones.`;
  }
  const where = pathOf([part, ...path]);
  return `${where}: ${issue?.message ?? 'invalid'}.`;
}

const sizesText = (network: Network) => layerSizes(network).join('–');

const withinSaved = (values: readonly number[]) =>
  values.every((v) => Math.abs(v) <= LIMITS.maxSavedValue);

const savableNetworks = new WeakMap<Network, boolean>();

/**
 * Every weight and bias within what can be saved: then its pass computes on any samples that can
 * be saved, at any size either tab allows, whatever its activations and loss (the bound is tested
 * at its extremes: tests/unit/store/savedBound.test.ts).
 */
function savable(network: Network): boolean {
  // Asked of the history's networks again at every edit: answered once per network.
  let known = savableNetworks.get(network);
  if (known === undefined) {
    known = network.layers.every((l) => l.weights.every(withinSaved) && withinSaved(l.biases));
    savableNetworks.set(network, known);
  }
  return known;
}

/**
 * Why this network's pass, or the update that ends it (shown at its last step, with the loss and
 * outputs after it), cannot be computed on the work's samples — a value left the float64 range,
 * in the engine's words — or null. An updated network within what can be saved computes (above):
 * its pass is left to the update step that shows it, which was half this check's time on the
 * largest network (README, Benchmarks).
 */
function runProblem(
  work: LearnerState,
  network: Network,
  optimizerState: OptimizerState,
): string | null {
  try {
    snapshotOf(network, work.samples);
    const updated = updateOf(network, work.samples, { ...work, optimizerState }).network;
    if (!savable(updated)) snapshotOf(updated, work.samples);
  } catch (error) {
    return (error as Error).message;
  }
  return null;
}

/**
 * Why the work cannot go on with this network and optimizer state (those an update step makes), or
 * null: they must be ones the work can keep, and the next pass and update must compute.
 */
export function nextNetworkProblem(
  work: LearnerState,
  network: Network,
  optimizerState: OptimizerState,
  sizes: NetworkSizes = LIMITS,
): string | null {
  return (
    partProblem(work, 'network', network, sizes) ??
    optimizerStateProblem(optimizerState, sizes) ??
    runProblem(work, network, optimizerState)
  );
}

/** Why the optimizer's state after an update cannot be kept (a number beyond what saves hold). */
function optimizerStateProblem(state: OptimizerState, sizes: NetworkSizes): string | null {
  if (learnerSchemaFor(sizes).shape.optimizerState.safeParse(state).success) return null;
  const limit = LIMITS.maxSavedValue.toLocaleString('en-US');
  return `The optimizer's state (its m or v) would leave ±${limit}, the largest number Backstep can save.`;
}

/** The state before each update of the history, aligned with its end; fresh where none is kept. */
function historyStates(work: LearnerState): OptimizerState[] {
  const missing = work.history.length - work.optimizerHistory.length;
  return work.history.map((_, k) =>
    k < missing
      ? freshState(work.optimizer)
      : (work.optimizerHistory[k - missing] as OptimizerState),
  );
}

/**
 * Why the parts of a work do not fit together, or null: every network (the history's too) must be
 * one the engine can run on the samples — its pass and its update — and the indices must point at
 * something.
 */
export function workProblem(work: LearnerState): string | null {
  const shape = sizesText(work.network);
  try {
    for (const [index, network] of [work.network, ...work.history].entries()) {
      validateNetwork(network);
      const problem = compatibilityProblem(network);
      if (problem) return problem;
      if (index > 0 && sizesText(network) !== shape) {
        return `history[${index - 1}]: its network has layers of ${sizesText(network)} units but the work's has ${shape}, so stepping back to it could not run on the samples.`;
      }
    }
    validateBatch(work.network, work.samples);
    if (work.optimizerHistory.length > work.history.length) {
      return `optimizerHistory: ${work.optimizerHistory.length} states for ${work.history.length} updates in the history.`;
    }
    const states = [work.optimizerState, ...historyStates(work)];
    for (const [index, network] of [work.network, ...work.history].entries()) {
      validateOptimizerState(network, states[index] as OptimizerState);
    }
  } catch (error) {
    return (error as Error).message;
  }
  // Every network the learner can step to — the history's on stepping back — computes.
  const states = [work.optimizerState, ...historyStates(work)];
  for (const [index, network] of [work.network, ...work.history].entries()) {
    const problem = runProblem(work, network, states[index] as OptimizerState);
    if (problem) return index === 0 ? problem : `history[${index - 1}]: ${problem}`;
  }
  if (work.picture && work.picture.width * work.picture.height !== work.network.inputSize) {
    const { width, height } = work.picture;
    return `picture: ${width}×${height} is ${width * height} pixels, but the network has ${work.network.inputSize} inputs.`;
  }
  if (work.sampleIndex >= work.samples.length) return 'sampleIndex: no such sample.';
  if (work.stepIndex >= stepsOf(work.network, work.granularity).length)
    return 'stepIndex: the pass has no such step.';
  if (!selectionFits(work.selection, work.network))
    return 'selection: the network has no such unit, weight or bias.';
  return null;
}
