import type { Sample } from './types';

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
