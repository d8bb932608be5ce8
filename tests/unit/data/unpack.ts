import { samplesOf, type PackedSet, type Sample } from '../../../src/engine';

/** Packed data (engine/packed.ts) as plain arrays, for tests to compare. */
export const points = (set: PackedSet): Sample[] => samplesOf(set);

/** Rows of `width` numbers of a packed Float64Array. */
export const rows = (values: Float64Array, width: number): number[][] =>
  Array.from({ length: values.length / width }, (_, r) =>
    Array.from(values.subarray(r * width, (r + 1) * width)),
  );

/** A packed set of these rows (no targets), as scaleOf reads the training inputs. */
export const inputRows = (xs: number[][]) => ({
  count: xs.length,
  inputSize: xs[0]?.length ?? 0,
  inputs: Float64Array.from(xs.flat()),
});
