import { createRng, normal, packSamples, type Sample } from '../engine';
import type { Dataset, GeneratorOptions, Range, Task } from './types';

/**
 * Seeded generators in the spirit of TensorFlow Playground's datasets: 2-D points in [−6, 6]²,
 * labels 1 (blue) and 0 (orange) for two classes, one-hot for three, real targets for regression.
 * Noise moves the point a label is read from (classification) or perturbs the target (regression).
 */

export type DatasetKind =
  'circle' | 'xor' | 'gaussians' | 'spiral' | 'threeSpirals' | 'plane' | 'multiGaussian' | 'curve';

export const DATASETS: readonly { kind: DatasetKind; name: string; task: Task }[] = [
  { kind: 'circle', name: 'Circle (two classes)', task: 'binary' },
  { kind: 'xor', name: 'XOR (two classes)', task: 'binary' },
  { kind: 'gaussians', name: 'Two Gaussians (two classes)', task: 'binary' },
  { kind: 'spiral', name: 'Spiral (two classes)', task: 'binary' },
  { kind: 'threeSpirals', name: 'Three spirals (3 classes)', task: 'multiclass' },
  { kind: 'plane', name: 'Plane (regression)', task: 'regression' },
  { kind: 'multiGaussian', name: 'Gaussian bumps (regression)', task: 'regression' },
  { kind: 'curve', name: 'Curve y = sin x (1-D)', task: 'regression' },
];

export const DATASET_KINDS: readonly DatasetKind[] = DATASETS.map((d) => d.kind);

/** The plane every 2-D dataset lives in. */
export const PLANE: Range = [-6, 6];
const RADIUS = 5;

type Rng = () => number;
const uniform = (rng: Rng, min: number, max: number) => min + (max - min) * rng();

/** The points, packed as the rest of the app reads them. */
const packed = (points: Sample[]) =>
  packSamples(points, points[0]?.x.length ?? 0, points[0]?.y.length ?? 0);

function plane(task: Task, points: Sample[], targetNames: string[]): Dataset {
  return {
    task,
    points: packed(points),
    inputNames: ['x₁', 'x₂'],
    targetNames,
    domain: [PLANE, PLANE],
  };
}

/** Class k of n points split as evenly as possible among `classes`. */
function classSizes(count: number, classes: number): number[] {
  return Array.from({ length: classes }, (_, k) => Math.floor((count + classes - 1 - k) / classes));
}

function circle({ count, noise }: GeneratorOptions, rng: Rng): Dataset {
  const points: Sample[] = [];
  const [inside, outside] = classSizes(count, 2) as [number, number];
  const add = (n: number, rMin: number, rMax: number) => {
    for (let i = 0; i < n; i++) {
      const r = uniform(rng, rMin, rMax);
      const angle = uniform(rng, 0, 2 * Math.PI);
      const x = r * Math.sin(angle);
      const y = r * Math.cos(angle);
      const nx = uniform(rng, -RADIUS, RADIUS) * noise;
      const ny = uniform(rng, -RADIUS, RADIUS) * noise;
      const label = Math.hypot(x + nx, y + ny) < RADIUS * 0.5 ? 1 : 0;
      points.push({ x: [x, y], y: [label] });
    }
  };
  add(inside, 0, RADIUS * 0.5);
  add(outside, RADIUS * 0.7, RADIUS);
  return plane('binary', points, ['class']);
}

function xor({ count, noise }: GeneratorOptions, rng: Rng): Dataset {
  const padding = 0.3;
  const points: Sample[] = [];
  for (let i = 0; i < count; i++) {
    let x = uniform(rng, -RADIUS, RADIUS);
    x += x > 0 ? padding : -padding;
    let y = uniform(rng, -RADIUS, RADIUS);
    y += y > 0 ? padding : -padding;
    const nx = uniform(rng, -RADIUS, RADIUS) * noise;
    const ny = uniform(rng, -RADIUS, RADIUS) * noise;
    points.push({ x: [x, y], y: [(x + nx) * (y + ny) >= 0 ? 1 : 0] });
  }
  return plane('binary', points, ['class']);
}

function gaussians({ count, noise }: GeneratorOptions, rng: Rng): Dataset {
  const std = Math.sqrt(0.5 + 7 * noise);
  const points: Sample[] = [];
  const [blue, orange] = classSizes(count, 2) as [number, number];
  for (const [n, c, label] of [
    [blue, 2, 1],
    [orange, -2, 0],
  ] as const) {
    for (let i = 0; i < n; i++) {
      points.push({ x: [c + std * normal(rng), c + std * normal(rng)], y: [label] });
    }
  }
  return plane('binary', points, ['class']);
}

/** Arms that wind 1.75 turns out to radius 5, each turned by its own angle. */
function spirals(count: number, noise: number, rng: Rng, arms: number): Sample[] {
  const points: Sample[] = [];
  classSizes(count, arms).forEach((n, k) => {
    const turn = (2 * Math.PI * k) / arms;
    for (let i = 0; i < n; i++) {
      const r = (i / n) * RADIUS;
      const t = 1.75 * (i / n) * 2 * Math.PI + turn;
      const x = r * Math.sin(t) + uniform(rng, -1, 1) * noise;
      const y = r * Math.cos(t) + uniform(rng, -1, 1) * noise;
      const target =
        arms === 2 ? [k === 0 ? 1 : 0] : Array.from({ length: arms }, (_, j) => (j === k ? 1 : 0));
      points.push({ x: [x, y], y: target });
    }
  });
  return points;
}

function regressPlane({ count, noise }: GeneratorOptions, rng: Rng): Dataset {
  const points: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const x = uniform(rng, PLANE[0], PLANE[1]);
    const y = uniform(rng, PLANE[0], PLANE[1]);
    const nx = uniform(rng, -RADIUS, RADIUS) * noise;
    const ny = uniform(rng, -RADIUS, RADIUS) * noise;
    points.push({ x: [x, y], y: [(x + nx + y + ny) / 10] });
  }
  return plane('regression', points, ['y']);
}

/** Six bumps of height ±1; a point takes the value of the bump it is most under. */
const BUMPS: readonly [number, number, number][] = [
  [-4, 2.5, 1],
  [0, 2.5, -1],
  [4, 2.5, 1],
  [-4, -2.5, -1],
  [0, -2.5, 1],
  [4, -2.5, -1],
];

function multiGaussian({ count, noise }: GeneratorOptions, rng: Rng): Dataset {
  const points: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const x = uniform(rng, PLANE[0], PLANE[1]);
    const y = uniform(rng, PLANE[0], PLANE[1]);
    const px = x + uniform(rng, -RADIUS, RADIUS) * noise;
    const py = y + uniform(rng, -RADIUS, RADIUS) * noise;
    let label = 0;
    for (const [cx, cy, sign] of BUMPS) {
      const value = sign * Math.max(0, 1 - Math.hypot(px - cx, py - cy) / 2);
      if (Math.abs(value) > Math.abs(label)) label = value;
    }
    points.push({ x: [x, y], y: [label] });
  }
  return plane('regression', points, ['y']);
}

function curve({ count, noise }: GeneratorOptions, rng: Rng): Dataset {
  const points: Sample[] = [];
  for (let i = 0; i < count; i++) {
    const x = uniform(rng, PLANE[0], PLANE[1]);
    points.push({ x: [x], y: [Math.sin(x) + noise * normal(rng)] });
  }
  return {
    task: 'regression',
    points: packed(points),
    inputNames: ['x₁'],
    targetNames: ['y'],
    domain: [PLANE],
  };
}

export function generateDataset(kind: DatasetKind, options: GeneratorOptions): Dataset {
  const { count, noise, seed } = options;
  if (!Number.isInteger(count) || count < 2) throw new Error(`${count} points: at least 2.`);
  if (!(noise >= 0 && noise <= 1)) throw new Error(`Noise ${noise}: between 0 and 1.`);
  const rng = createRng(seed);
  switch (kind) {
    case 'circle':
      return circle(options, rng);
    case 'xor':
      return xor(options, rng);
    case 'gaussians':
      return gaussians(options, rng);
    case 'spiral':
      return plane('binary', spirals(count, noise, rng, 2), ['class']);
    case 'threeSpirals':
      return plane('multiclass', spirals(count, noise, rng, 3), ['class 1', 'class 2', 'class 3']);
    case 'plane':
      return regressPlane(options, rng);
    case 'multiGaussian':
      return multiGaussian(options, rng);
    case 'curve':
      return curve(options, rng);
  }
}
