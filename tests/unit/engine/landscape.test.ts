/**
 * The loss landscape (issue 16): exact values at hand-worked points of the classic example, the
 * point at the current values is the pass's own loss, and the grid's central differences are the
 * pass's gradients, for every network of the fixtures (every activation and loss).
 */
import { describe, expect, it } from 'vitest';
import {
  lossOf,
  networkPenalty,
  packSamples,
  runPass,
  type Network,
  type Sample,
} from '../../../src/engine';
import {
  axisValues,
  defaultSpan,
  landscapeGradient,
  landscapeWorkPerPoint,
  lossLandscape,
  parameterValue,
  type LandscapeParameter,
} from '../../../src/engine/landscape';
import { classic, classicSamples, NETWORKS } from '../math/fixtures';

const packed = (network: Network, samples: Sample[]) =>
  packSamples(
    samples,
    network.inputSize,
    network.layers[network.layers.length - 1]?.biases.length ?? 0,
  );

const w1: LandscapeParameter = { kind: 'weight', layer: 1, from: 0, to: 0 };
const w5: LandscapeParameter = { kind: 'weight', layer: 2, from: 0, to: 0 };

/** The classic example by hand: ½(o₁ − 0.01)² + ½(o₂ − 0.99)² with w₁ and w₅ as given. */
function classicByHand(w1Value: number, w5Value: number): number {
  const sigma = (z: number) => 1 / (1 + Math.exp(-z));
  const h1 = sigma(w1Value * 0.05 + 0.2 * 0.1 + 0.35);
  const h2 = sigma(0.25 * 0.05 + 0.3 * 0.1 + 0.35);
  const o1 = sigma(w5Value * h1 + 0.45 * h2 + 0.6);
  const o2 = sigma(0.5 * h1 + 0.55 * h2 + 0.6);
  return 0.5 * (o1 - 0.01) ** 2 + 0.5 * (o2 - 0.99) ** 2;
}

/** Every weight and bias of a network. */
function parametersOf(network: Network): LandscapeParameter[] {
  return network.layers.flatMap((layer, l) => [
    ...layer.weights.flatMap((row, from) =>
      row.map((_, to): LandscapeParameter => ({ kind: 'weight', layer: l + 1, from, to })),
    ),
    ...layer.biases.map((_, unit): LandscapeParameter => ({ kind: 'bias', layer: l + 1, unit })),
  ]);
}

function gradientOf(network: Network, samples: Sample[], p: LandscapeParameter): number {
  const g = runPass(network, samples).grads[p.layer - 1];
  return (p.kind === 'weight' ? g?.dW[p.from]?.[p.to] : g?.db[p.unit]) as number;
}

describe('lossLandscape', () => {
  const data = packed(classic, classicSamples);

  it('is the hand-worked loss of the classic example at each point', () => {
    // At the tutorial's weights the loss is its published 0.298371109.
    expect(classicByHand(0.15, 0.4)).toBeCloseTo(0.298371109, 9);
    const xs = [0.15, 0.5, -2];
    const ys = [0.4, -1];
    const losses = lossLandscape(
      classic,
      data,
      { parameter: w1, values: xs },
      { parameter: w5, values: ys },
    );
    expect(losses).toHaveLength(6);
    ys.forEach((y, yk) =>
      xs.forEach((x, xk) => {
        const expected = classicByHand(x, y);
        expect(Math.abs((losses[yk * 3 + xk] as number) - expected)).toBeLessThan(1e-15);
      }),
    );
    // Worked on paper: w₅ = 0 leaves o₁ = σ(0.45·0.596884378 + 0.6) = σ(0.868597970) = 0.704453881
    // and o₂ = 0.772928465 as published, so L = ½(0.694453881)² + ½(0.217071535)² = 0.264693122.
    expect(lossLandscape(classic, data, { parameter: w5, values: [0] }, null)[0]).toBeCloseTo(
      0.264693122,
      9,
    );
  });

  it('at the current values is the pass’s loss, to the last bit, in either axis order', () => {
    for (const { name, network, samples } of NETWORKS) {
      const params = parametersOf(network);
      const first = params[0] as LandscapeParameter;
      const last = params[params.length - 1] as LandscapeParameter;
      const around = (p: LandscapeParameter) => {
        const v = parameterValue(network, p);
        return [v - 0.25, v, v + 0.5];
      };
      const set = packed(network, samples);
      const loss = runPass(network, samples).loss;
      const grid = lossLandscape(
        network,
        set,
        { parameter: first, values: around(first) },
        { parameter: last, values: around(last) },
      );
      expect(grid[1 * 3 + 1], name).toBe(loss);
      // The same grid with the axes the other way round is its transpose.
      const turned = lossLandscape(
        network,
        set,
        { parameter: last, values: around(last) },
        { parameter: first, values: around(first) },
      );
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) expect(turned[j * 3 + i], name).toBe(grid[i * 3 + j]);
    }
  });

  it('elsewhere is lossOf of the network with the two parameters moved', () => {
    for (const { name, network, samples } of NETWORKS) {
      const params = parametersOf(network);
      const a = params[1] as LandscapeParameter;
      const b = params[params.length - 2] as LandscapeParameter;
      const moved = structuredClone(network);
      const put = (p: LandscapeParameter, v: number) => {
        const layer = moved.layers[p.layer - 1] as Network['layers'][number];
        if (p.kind === 'weight') (layer.weights[p.from] as number[])[p.to] = v;
        else layer.biases[p.unit] = v;
      };
      put(a, -0.7);
      put(b, 1.3);
      const [value] = lossLandscape(
        network,
        packed(network, samples),
        { parameter: a, values: [-0.7] },
        { parameter: b, values: [1.3] },
      );
      expect(value, name).toBe(lossOf(moved, samples));
    }
  });

  it('along one parameter (a slice) is lossOf at each value, in order', () => {
    for (const { name, network, samples } of NETWORKS) {
      const params = parametersOf(network);
      for (const p of [params[0], params[params.length - 1]] as LandscapeParameter[]) {
        const values = [-0.9, 0.2, 1.7, 3];
        const slice = lossLandscape(
          network,
          packed(network, samples),
          { parameter: p, values },
          null,
        );
        values.forEach((v, k) => {
          const moved = structuredClone(network);
          const layer = moved.layers[p.layer - 1] as Network['layers'][number];
          if (p.kind === 'weight') (layer.weights[p.from] as number[])[p.to] = v;
          else layer.biases[p.unit] = v;
          expect(slice[k], `${name} ${k}`).toBe(lossOf(moved, samples));
        });
      }
    }
  });

  it('has the pass’s ∂L/∂θ as its central-difference slope at the centre, on both axes', () => {
    const h = 1e-5;
    let checked = 0;
    for (const { name, network, samples } of NETWORKS) {
      const set = packed(network, samples);
      const params = parametersOf(network);
      for (const p of params) {
        const v = parameterValue(network, p);
        const other = params.find((q) => q !== p) as LandscapeParameter;
        const u = parameterValue(network, other);
        const grad = gradientOf(network, samples, p);
        // p along x: the slope of the middle row.
        const asX = lossLandscape(
          network,
          set,
          { parameter: p, values: [v - h, v, v + h] },
          { parameter: other, values: [u - 1, u, u + 1] },
        );
        const slopeX = ((asX[5] as number) - (asX[3] as number)) / (2 * h);
        // A ReLU unit exactly at its kink (z = 0) has no derivative for the slopes to agree on.
        const left = ((asX[4] as number) - (asX[3] as number)) / h;
        const right = ((asX[5] as number) - (asX[4] as number)) / h;
        if (Math.abs(left - right) > 1e-3) continue;
        checked++;
        expect(Math.abs(slopeX - grad), `${name} ${JSON.stringify(p)}`).toBeLessThan(
          // The differences' rounding, ε·L/h, matters where L is 10¹² ("extreme numbers").
          1e-8 + 1e-6 * Math.abs(grad) + (8 * Number.EPSILON * Math.abs(asX[4] as number)) / h,
        );
        // p along y: the slope of the middle column.
        const asY = lossLandscape(
          network,
          set,
          { parameter: other, values: [u - 1, u, u + 1] },
          { parameter: p, values: [v - h, v, v + h] },
        );
        const slopeY = ((asY[7] as number) - (asY[1] as number)) / (2 * h);
        expect(slopeY).toBe(slopeX);
      }
    }
    expect(checked).toBeGreaterThan(40);
  });

  it('adds the penalty λ·ΣR(w) at each point’s weights', () => {
    const penalty = { kind: 'L2' as const, rate: 0.1 };
    const [atW5] = lossLandscape(
      classic,
      data,
      { parameter: w5, values: [2] },
      { parameter: w1, values: [0.15] },
      { penalty },
    );
    const moved = structuredClone(classic);
    ((moved.layers[1] as Network['layers'][number]).weights[0] as number[])[0] = 2;
    // ½·0.1·(0.15² + 0.2² + 0.25² + 0.3² + 2² + 0.45² + 0.5² + 0.55²) on top of the data loss.
    expect(networkPenalty(moved, penalty)).toBeCloseTo(
      0.05 * (0.0225 + 0.04 + 0.0625 + 0.09 + 4 + 0.2025 + 0.25 + 0.3025),
      15,
    );
    expect(atW5).toBeCloseTo(lossOf(moved, classicSamples) + networkPenalty(moved, penalty), 15);
  });

  it('from the tanh table (exact off) stays within 10⁻⁶ of the exact landscape', () => {
    const { network, samples } = NETWORKS.find((n) => n.name.startsWith('tanh')) as {
      network: Network;
      samples: Sample[];
    };
    const params = parametersOf(network);
    const x = { parameter: params[0] as LandscapeParameter, values: axisValues(-3, 3, 9) };
    const y = { parameter: params[3] as LandscapeParameter, values: axisValues(-2, 2, 7) };
    const set = packed(network, samples);
    const exact = lossLandscape(network, set, x, y);
    const table = lossLandscape(network, set, x, y, { exact: false });
    exact.forEach((v, k) => expect(Math.abs((table[k] as number) - v)).toBeLessThan(1e-6));
  });

  it('live (rank-1 inner steps) is within 1e-12 relative of recomputing, for every layer pair', () => {
    let pairs = 0;
    let differing = 0;
    for (const { name, network, samples } of NETWORKS) {
      // Per layer: the first and last weight, a weight into the first's unit, the first and last
      // bias: same unit, same layer, adjacent and distant layers, the output layer, in both orders.
      const picks = network.layers.flatMap((layer, l): LandscapeParameter[] => {
        const n = layer.biases.length;
        const rows = layer.weights.length;
        return [
          { kind: 'weight', layer: l + 1, from: 0, to: 0 },
          { kind: 'weight', layer: l + 1, from: rows - 1, to: n - 1 },
          { kind: 'weight', layer: l + 1, from: rows - 1, to: 0 },
          { kind: 'bias', layer: l + 1, unit: 0 },
          { kind: 'bias', layer: l + 1, unit: n - 1 },
        ];
      });
      const set = packed(network, samples);
      const around = (p: LandscapeParameter, count: number) => {
        const v = parameterValue(network, p);
        return axisValues(v - 1.5, v + 0.75, count);
      };
      const near = (live: Float64Array, full: Float64Array, what: string) =>
        full.forEach((v, k) => {
          const w = live[k] as number;
          if (w !== v) differing++;
          expect(Math.abs(w - v), `${name} ${what}`).toBeLessThanOrEqual(1e-12 * Math.abs(v));
        });
      for (const x of picks) {
        const slice = { parameter: x, values: around(x, 5) };
        near(
          lossLandscape(network, set, slice, null, { exact: false }),
          lossLandscape(network, set, slice, null, { exact: false, rankOne: false }),
          JSON.stringify(x),
        );
        for (const y of picks) {
          if (JSON.stringify(x) === JSON.stringify(y)) continue;
          pairs++;
          const xs = { parameter: x, values: around(x, 3) };
          const ys = { parameter: y, values: around(y, 4) };
          near(
            lossLandscape(network, set, xs, ys, { exact: false }),
            lossLandscape(network, set, xs, ys, { exact: false, rankOne: false }),
            `${JSON.stringify(x)} ${JSON.stringify(y)}`,
          );
        }
      }
    }
    expect(pairs).toBeGreaterThan(300);
    // The rank-1 updates ran: their rounding differs from the recompute's somewhere.
    expect(differing).toBeGreaterThan(0);
  });

  it('counts a live point’s multiply-adds from the inner parameter’s layer on', () => {
    const sizes = [2, 16, 16, 16, 16, 1];
    const w = (layer: number): LandscapeParameter => ({ kind: 'weight', layer, from: 0, to: 0 });
    // First layer: its unit, the 16 of layer 2, then 16·16 + 16·16 + 16·1 in full, and the loss's 1.
    expect(landscapeWorkPerPoint(sizes, w(1), w(1))).toBe(1 + 16 + 528 + 1);
    expect(landscapeWorkPerPoint(sizes, w(1), w(4))).toBe(1 + 1 + 0 + 1);
    expect(landscapeWorkPerPoint(sizes, w(5), { kind: 'bias', layer: 3, unit: 0 })).toBe(2);
    expect(landscapeWorkPerPoint(sizes, w(3), w(2))).toBe(1 + 16 + 16 + 1);
  });

  it('refuses what it cannot draw, and says why', () => {
    const x = { parameter: w1, values: [0, 1] };
    expect(() => lossLandscape(classic, data, x, x)).toThrow('two different parameters');
    expect(() =>
      lossLandscape(
        classic,
        data,
        { parameter: { kind: 'bias', layer: 3, unit: 0 }, values: [0] },
        null,
      ),
    ).toThrow('no bias of unit 1 of layer 3');
    expect(() => lossLandscape(classic, data, { parameter: w1, values: [0, NaN] }, null)).toThrow(
      "first axis's value 2 is NaN",
    );
    expect(() => lossLandscape(classic, data, { parameter: w1, values: [] }, null)).toThrow(
      'needs 1 to 256',
    );
    expect(() => lossLandscape(classic, packed(classic, []), x, null)).toThrow(
      'at least one sample',
    );
  });
});

describe('landscapeGradient', () => {
  it('is the pass’s ∂L/∂θ, to the last bit, and adds λ·R′(w) for a weight', () => {
    for (const { name, network, samples } of NETWORKS) {
      const params = parametersOf(network);
      const grads = landscapeGradient(network, packed(network, samples), params);
      params.forEach((p, k) => expect(grads[k], name).toBe(gradientOf(network, samples, p)));
    }
    const penalty = { kind: 'L2' as const, rate: 0.1 };
    const [gw5, gb] = landscapeGradient(
      classic,
      packed(classic, classicSamples),
      [w5, { kind: 'bias', layer: 2, unit: 0 }],
      penalty,
    );
    // The published ∂L/∂w₅ = 0.082167041, plus λ·w₅ = 0.04; a bias has no penalty.
    expect(gw5).toBeCloseTo(0.082167041 + 0.04, 9);
    expect(gb).toBe(gradientOf(classic, classicSamples, { kind: 'bias', layer: 2, unit: 0 }));
  });
});

describe('axes', () => {
  it('run evenly from lo to hi, both ends exact', () => {
    expect(Array.from(axisValues(-1, 1, 5))).toEqual([-1, -0.5, 0, 0.5, 1]);
    const xs = axisValues(0.1, 0.7, 64);
    expect(xs[0]).toBe(0.1);
    expect(xs[63]).toBe(0.7);
  });

  it('refuse a range that is not finite and ordered', () => {
    expect(() => axisValues(1, 1, 5)).toThrow('the first the smaller');
    expect(() => axisValues(2, 1, 5)).toThrow('the first the smaller');
    expect(() => axisValues(0, Infinity, 5)).toThrow('finite');
    expect(() => axisValues(0, 1, 1)).toThrow('2 to 256');
  });

  it('span max(1, 2·|θ|) either side by default', () => {
    expect(defaultSpan(0.15)).toBe(1);
    expect(defaultSpan(-3)).toBe(6);
  });
});
