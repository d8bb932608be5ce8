import {
  createRng,
  initializeLayer,
  lossProblem,
  type Activation,
  type Layer,
  type Network,
  type Sample,
} from '../engine';
import type { Selection } from './types';

/**
 * Architecture edits that keep every weight that still fits: a new unit or layer gets fresh
 * (seeded) weights, the others keep theirs, and the samples grow or shrink with the input and
 * output sizes. Pure functions: network in, network out.
 */

function freshLayer(nPrev: number, units: number, activation: Activation, seed: number): Layer {
  return initializeLayer(nPrev, { units, activation }, createRng(seed));
}

/** Copy `old` into a fresh nPrev × n layer wherever both have the entry. */
function overlay(fresh: Layer, old: Layer): Layer {
  return {
    activation: old.activation,
    weights: fresh.weights.map((row, i) => row.map((w, j) => old.weights[i]?.[j] ?? w)),
    biases: fresh.biases.map((b, j) => old.biases[j] ?? b),
  };
}

function reshape(network: Network, sizes: number[], seed: number): Network {
  const layers = network.layers.map((layer, l) =>
    overlay(
      freshLayer(sizes[l] as number, sizes[l + 1] as number, layer.activation, seed + l),
      layer,
    ),
  );
  return { ...network, inputSize: sizes[0] as number, layers };
}

export function layerSizes(network: Network): number[] {
  return [network.inputSize, ...network.layers.map((layer) => layer.biases.length)];
}

/** Set the number of units of layer l (0 = the inputs, L = the outputs). */
export function withUnits(network: Network, layer: number, units: number, seed: number): Network {
  const sizes = layerSizes(network);
  sizes[layer] = units;
  return reshape(network, sizes, seed);
}

/** Insert a hidden layer before weighted layer `position` (1-based), with `units` units. */
export function withHiddenLayer(
  network: Network,
  position: number,
  units: number,
  activation: Activation,
  seed: number,
): Network {
  const layers = network.layers.slice();
  const nPrev = layerSizes(network)[position - 1] as number;
  layers.splice(position - 1, 0, freshLayer(nPrev, units, activation, seed));
  const inserted: Network = { ...network, layers };
  // The layer after the new one now takes `units` inputs: keep its weights where rows still fit.
  return reshape(inserted, layerSizes(inserted), seed + 101);
}

/** Remove hidden layer `layer` (1-based, never the output layer). */
export function withoutHiddenLayer(network: Network, layer: number, seed: number): Network {
  const layers = network.layers.filter((_, l) => l !== layer - 1);
  const removed: Network = { ...network, layers };
  return reshape(removed, layerSizes(removed), seed);
}

export function withActivation(network: Network, layer: number, activation: Activation): Network {
  return {
    ...network,
    layers: network.layers.map((l, index) => (index === layer - 1 ? { ...l, activation } : l)),
  };
}

/** Pad with `fill` or cut a list to length n. */
export function resized(values: number[], n: number, fill = 0): number[] {
  return Array.from({ length: n }, (_, i) => values[i] ?? fill);
}

export function fitSamples(network: Network, samples: Sample[]): Sample[] {
  const nOut = network.layers[network.layers.length - 1]?.biases.length ?? 0;
  return samples.map((sample) => ({
    x: resized(sample.x, network.inputSize),
    y: resized(sample.y, nOut),
  }));
}

/** Why this loss and output activation cannot go together, or null. */
export function compatibilityProblem(network: Network): string | null {
  const output = network.layers[network.layers.length - 1];
  return output ? lossProblem(network.loss, output.activation) : 'The network has no layers.';
}

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
