import { describe, expect, it } from 'vitest';
import { tableTanh } from '../../../src/engine/grid';
import {
  compile,
  createGridForward,
  initializeNetwork,
  runPass,
  type Activation,
  type Loss,
} from '../../../src/engine';

function network(hidden: Activation, output: Activation, loss: Loss, outputs: number) {
  return initializeNetwork(
    {
      inputSize: 3,
      loss,
      layers: [
        { units: 5, activation: hidden },
        { units: 4, activation: hidden },
        { units: outputs, activation: output },
      ],
    },
    11,
  );
}

describe('the batched grid forward pass', () => {
  it.each([
    ['tanh', 'sigmoid', 'binaryCrossEntropy', 1],
    ['relu', 'softmax', 'crossEntropy', 3],
    ['leakyRelu', 'linear', 'mse', 2],
    ['sigmoid', 'tanh', 'halfSse', 1],
    ['elu', 'swish', 'sse', 2],
    ['swish', 'elu', 'mse', 3],
  ] as const)('equals runPass at every point (%s hidden, %s output)', (hidden, output, loss, n) => {
    const net = network(hidden, output, loss, n);
    const P = 37;
    const grid = createGridForward([3, 5, 4, n], P);
    const points = Array.from({ length: P }, (_, p) => [
      Math.sin(p) * 3,
      Math.cos(p * 1.7) * 2,
      p / 10 - 1,
    ]);
    points.forEach((x, p) => x.forEach((v, i) => ((grid.inputs[i] as Float64Array)[p] = v)));
    grid.run(compile(net));
    const snapshot = runPass(
      net,
      points.map((x) => ({ x, y: new Array<number>(n).fill(0.5) })),
    );
    snapshot.samples.forEach((sample, p) =>
      sample.layers.forEach((layer, l) =>
        Array.from(layer.a).forEach((a, j) => expect(grid.activations[l]?.[j]?.[p]).toBe(a)),
      ),
    );
  });

  it.each(['tanh', 'sigmoid', 'elu', 'swish'] as const)(
    'draws pictures with table %s within 10⁻⁶ of runPass (exact for the others)',
    (hidden) => {
      const net = network(hidden, 'sigmoid', 'binaryCrossEntropy', 1);
      const P = 200;
      const grid = createGridForward([3, 5, 4, 1], P, { exact: false });
      const points = Array.from({ length: P }, (_, p) => [p / 20 - 5, Math.sin(p) * 6, p % 7]);
      points.forEach((x, p) => x.forEach((v, i) => ((grid.inputs[i] as Float64Array)[p] = v)));
      grid.run(compile(net));
      const snapshot = runPass(
        net,
        points.map((x) => ({ x, y: [0.5] })),
      );
      snapshot.samples.forEach((sample, p) =>
        sample.layers.forEach((layer, l) =>
          Array.from(layer.a).forEach((a, j) =>
            expect(Math.abs((grid.activations[l]?.[j]?.[p] as number) - a)).toBeLessThan(1e-6),
          ),
        ),
      );
    },
  );

  it('interpolates tanh from its table within 4·10⁻⁷, saturating, NaN kept', () => {
    let worst = 0;
    for (let z = -12; z <= 12; z += 0.00137)
      worst = Math.max(worst, Math.abs(tableTanh(z) - Math.tanh(z)));
    expect(worst).toBeLessThan(4e-7);
    expect(tableTanh(0)).toBe(0);
    expect(tableTanh(-0.3)).toBeCloseTo(-tableTanh(0.3), 12);
    expect(tableTanh(Infinity)).toBeCloseTo(1, 6);
    expect(tableTanh(-Infinity)).toBeCloseTo(-1, 6);
    expect(tableTanh(NaN)).toBeNaN();
  });

  it('refuses weights of another shape', () => {
    const grid = createGridForward([3, 5, 4, 1], 4);
    expect(() => grid.run(compile(network('tanh', 'linear', 'mse', 2)))).toThrow(/3-5-4-1/);
  });
});
