import type { Network } from './types';

/**
 * One pass as an ordered list of steps, so a view can reveal it one step at a time. Layers are
 * numbered 1…L as in the notes (layer 0 is the input); `unit` is 0-based (unit j is shown as j + 1)
 * and present only at unit granularity.
 */
export type PassStep =
  | { kind: 'start' }
  | { kind: 'forward'; layer: number; unit?: number }
  | { kind: 'loss' }
  | { kind: 'outputDelta'; layer: number; unit?: number }
  | { kind: 'hiddenDelta'; layer: number; unit?: number }
  | { kind: 'gradients'; layer: number; unit?: number }
  | { kind: 'update' };

export type Granularity = 'layer' | 'unit';

export function passSteps(network: Network, granularity: Granularity = 'layer'): PassStep[] {
  if (!Array.isArray(network?.layers) || network.layers.length === 0) {
    throw new Error('The network has no layers.');
  }
  if (granularity !== 'layer' && granularity !== 'unit') {
    throw new Error(`Unknown granularity "${String(granularity)}"; expected layer or unit.`);
  }
  const L = network.layers.length;
  const units = (l: number) => network.layers[l - 1]?.biases.length ?? 0;
  const each = <K extends 'forward' | 'outputDelta' | 'hiddenDelta' | 'gradients'>(
    kind: K,
    layer: number,
  ): PassStep[] => {
    if (granularity === 'layer') return [{ kind, layer } as PassStep];
    return Array.from({ length: units(layer) }, (_, u) => ({ kind, layer, unit: u }) as PassStep);
  };
  const steps: PassStep[] = [{ kind: 'start' }];
  for (let l = 1; l <= L; l++) steps.push(...each('forward', l));
  steps.push({ kind: 'loss' });
  steps.push(...each('outputDelta', L));
  for (let l = L - 1; l >= 1; l--) steps.push(...each('hiddenDelta', l));
  for (let l = L; l >= 1; l--) steps.push(...each('gradients', l));
  steps.push({ kind: 'update' });
  return steps;
}

/** How far a pass has got: what a view may show after a given step. */
export interface Progress {
  /** Per layer 1…L (index l − 1): how many units have z and a. */
  forwardUnits: number[];
  lossShown: boolean;
  /** Per layer: how many units have δ (counted from the first). */
  deltaUnits: number[];
  /** Per layer: how many units have ∂L/∂w on their incoming edges and ∂L/∂b. */
  gradientUnits: number[];
  updated: boolean;
}

export function progressAt(network: Network, steps: PassStep[], index: number): Progress {
  const L = network.layers.length;
  const size = (l: number) => network.layers[l - 1]?.biases.length ?? 0;
  const progress: Progress = {
    forwardUnits: new Array<number>(L).fill(0),
    lossShown: false,
    deltaUnits: new Array<number>(L).fill(0),
    gradientUnits: new Array<number>(L).fill(0),
    updated: false,
  };
  const last = Math.min(index, steps.length - 1);
  for (let s = 0; s <= last; s++) {
    const step = steps[s] as PassStep;
    switch (step.kind) {
      case 'start':
        break;
      case 'forward':
        progress.forwardUnits[step.layer - 1] =
          step.unit === undefined ? size(step.layer) : step.unit + 1;
        break;
      case 'loss':
        progress.lossShown = true;
        break;
      case 'outputDelta':
      case 'hiddenDelta':
        progress.deltaUnits[step.layer - 1] =
          step.unit === undefined ? size(step.layer) : step.unit + 1;
        break;
      case 'gradients':
        progress.gradientUnits[step.layer - 1] =
          step.unit === undefined ? size(step.layer) : step.unit + 1;
        break;
      case 'update':
        progress.updated = true;
        break;
    }
  }
  return progress;
}
