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

/** Sample s of a packed set, as plain arrays. */
export function sampleAt(set: PackedSet, s: number): Sample {
  const { inputSize: nIn, outputSize: nOut } = set;
  return {
    x: Array.from(set.inputs.subarray(s * nIn, (s + 1) * nIn)),
    y: Array.from(set.targets.subarray(s * nOut, (s + 1) * nOut)),
  };
}

/** Samples from..to − 1 of a packed set (all of them by default), as plain arrays. */
export function samplesOf(set: PackedSet, from = 0, to = set.count): Sample[] {
  const samples: Sample[] = [];
  for (let s = Math.max(0, from); s < Math.min(to, set.count); s++) samples.push(sampleAt(set, s));
  return samples;
}
