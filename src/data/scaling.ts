/**
 * How a table's inputs go into the network: standardised (each minus its mean, over its standard
 * deviation), as they are, or stretched to [0, 1] — with the statistics of the training split only,
 * so the test points say nothing about them. Real columns differ by 1000× (Wine's proline and hue);
 * unscaled, the widest one drowns the others.
 */

export type ScalingId = 'standard' | 'raw' | 'unit';

export const SCALINGS: readonly { id: ScalingId; label: string }[] = [
  { id: 'standard', label: 'standardised' },
  { id: 'raw', label: 'as they are' },
  { id: 'unit', label: 'stretched to [0, 1]' },
];

export const SCALING_IDS: readonly ScalingId[] = SCALINGS.map((s) => s.id);

/** x′ = (x − offset) / factor for each raw input: offset the mean or the minimum, factor σ or the range. */
export interface InputScale {
  kind: Exclude<ScalingId, 'raw'>;
  offset: number[];
  factor: number[];
  /** Inputs with one value in the training split (divided by 1, not by their spread of 0). */
  constant: boolean[];
}

/** Rows of raw inputs, packed: inputs[r · inputSize + i] is input i of row r. */
export interface InputRows {
  count: number;
  inputSize: number;
  inputs: Float64Array;
}

/** The scale the training points give (null: inputs as they are). A constant input keeps factor 1. */
export function scaleOf(kind: ScalingId, train: InputRows): InputScale | null {
  const { count, inputSize: width, inputs } = train;
  if (kind === 'raw' || width === 0 || count === 0) return null;
  const offset: number[] = [];
  const factor: number[] = [];
  const constant: boolean[] = [];
  for (let i = 0; i < width; i++) {
    let sum = 0;
    let min = Infinity;
    let max = -Infinity;
    for (let r = 0; r < count; r++) {
      const v = inputs[r * width + i] as number;
      sum += v;
      if (v < min) min = v;
      if (v > max) max = v;
    }
    const mean = sum / count;
    let squares = 0;
    for (let r = 0; r < count; r++) squares += ((inputs[r * width + i] as number) - mean) ** 2;
    const deviation = Math.sqrt(squares / count);
    const spread = kind === 'standard' ? deviation : max - min;
    offset.push(kind === 'standard' ? mean : min);
    factor.push(spread > 0 ? spread : 1);
    constant.push(!(spread > 0));
  }
  return { kind, offset, factor, constant };
}

export function applyScale(scale: InputScale | null, x: readonly number[]): number[] {
  if (!scale) return x.slice();
  return x.map((v, i) => (v - (scale.offset[i] as number)) / (scale.factor[i] as number));
}
