import type { Network, Sample } from './types';
import { validateBatch } from './validate';

/** Samples packed row by row: inputs[s·inputSize + i] = x_i of sample s. */
export interface PackedSet {
  count: number;
  inputSize: number;
  outputSize: number;
  inputs: Float64Array;
  targets: Float64Array;
}

export function packSamples(samples: Sample[], inputSize: number, outputSize: number): PackedSet {
  const inputs = new Float64Array(samples.length * inputSize);
  const targets = new Float64Array(samples.length * outputSize);
  samples.forEach((sample, s) => {
    inputs.set(sample.x, s * inputSize);
    targets.set(sample.y, s * outputSize);
  });
  return { count: samples.length, inputSize, outputSize, inputs, targets };
}

/** The samples of the mini-batch with these indices, as the stepper takes them. */
export function batchSamples(samples: Sample[], indices: number[], network: Network): Sample[] {
  const batch = indices.map((i) => samples[i] as Sample);
  validateBatch(network, batch);
  return batch;
}
