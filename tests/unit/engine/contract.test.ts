/**
 * The names and shapes issue 2 fixes for everything outside the engine. The type assertions are
 * checked by `tsc -b` (tests are in tsconfig.node.json), the rest at run time: renaming a field,
 * widening a union or changing a signature breaks this file.
 */
import { describe, expect, expectTypeOf, it } from 'vitest';
import * as engine from '../../../src/engine';
import {
  applyGradients,
  runPass,
  train,
  type Activation,
  type Layer,
  type Loss,
  type Network,
  type Optimizer,
  type OptimizerState,
  type PassSnapshot,
  type Sample,
} from '../../../src/engine';

describe('the engine contract', () => {
  it('Activation and Loss are exactly the brief’s string unions (and issue 11’s elu, swish)', () => {
    expectTypeOf<Activation>().toEqualTypeOf<
      'sigmoid' | 'tanh' | 'relu' | 'leakyRelu' | 'elu' | 'swish' | 'linear' | 'softmax'
    >();
    expectTypeOf<Loss>().toEqualTypeOf<
      'sse' | 'halfSse' | 'mse' | 'binaryCrossEntropy' | 'crossEntropy'
    >();
    expect([...engine.ACTIVATIONS].sort()).toEqual(
      ['sigmoid', 'tanh', 'relu', 'leakyRelu', 'elu', 'swish', 'linear', 'softmax'].sort(),
    );
    expect([...engine.LOSSES].sort()).toEqual(
      ['sse', 'halfSse', 'mse', 'binaryCrossEntropy', 'crossEntropy'].sort(),
    );
  });

  it('Layer, Network and Sample have the brief’s fields', () => {
    expectTypeOf<Layer>().toEqualTypeOf<{
      activation: Activation;
      weights: number[][];
      biases: number[];
    }>();
    expectTypeOf<Network>().toEqualTypeOf<{ inputSize: number; layers: Layer[]; loss: Loss }>();
    expectTypeOf<Sample>().toEqualTypeOf<{ x: number[]; y: number[] }>();
  });

  it('PassSnapshot: loss, samples[].{loss, layers[].{z, a, delta}}, grads[].{dW, db}', () => {
    expectTypeOf<PassSnapshot['loss']>().toEqualTypeOf<number>();
    expectTypeOf<PassSnapshot['samples'][number]['loss']>().toEqualTypeOf<number>();
    type Values = PassSnapshot['samples'][number]['layers'][number];
    expectTypeOf<Values>().toEqualTypeOf<{
      z: ArrayLike<number>;
      a: ArrayLike<number>;
      delta: ArrayLike<number>;
    }>();
    expectTypeOf<PassSnapshot['grads'][number]>().toEqualTypeOf<{
      dW: ArrayLike<number>[];
      db: ArrayLike<number>;
    }>();
  });

  it('runPass, applyGradients and train have the brief’s signatures', () => {
    expectTypeOf(runPass).toEqualTypeOf<(network: Network, batch: Sample[]) => PassSnapshot>();
    // Frozen biases and the optimizer are optional extras: every call written for the brief still compiles.
    expectTypeOf(applyGradients).toEqualTypeOf<
      (
        network: Network,
        grads: PassSnapshot['grads'],
        learningRate: number,
        options?: { trainBiases?: boolean; optimizer?: Optimizer; state?: OptimizerState },
      ) => Network
    >();
    expectTypeOf(train).toEqualTypeOf<
      (
        network: Network,
        samples: Sample[],
        o: {
          learningRate: number;
          batchSize: number;
          epochs: number;
          trainBiases?: boolean;
          optimizer?: Optimizer;
        },
      ) => Network
    >();
    const briefApply: (network: Network, grads: PassSnapshot['grads'], rate: number) => Network =
      applyGradients;
    const briefTrain: (
      network: Network,
      samples: Sample[],
      o: { learningRate: number; batchSize: number; epochs: number },
    ) => Network = train;
    expect([briefApply, briefTrain]).toEqual([applyGradients, train]);
    for (const name of ['runPass', 'applyGradients', 'train'] as const) {
      expect(engine[name]).toBeTypeOf('function');
    }
  });

  it('weights[i][j] joins unit i of the previous layer to unit j: z_j = Σ_i w_ij a_i + b_j', () => {
    // 3 inputs → 2 units, every weight distinct, so a transposed reading gives other numbers.
    const network: Network = {
      inputSize: 3,
      loss: 'sse',
      layers: [
        {
          activation: 'linear',
          weights: [
            [1, 10],
            [100, 1000],
            [10000, 100000],
          ],
          biases: [0.5, 0.25],
        },
      ],
    };
    const snap = runPass(network, [{ x: [1, 2, 3], y: [0, 0] }]);
    expect(Array.from(snap.samples[0]?.layers[0]?.z ?? [])).toEqual([
      1 * 1 + 100 * 2 + 10000 * 3 + 0.5,
      10 * 1 + 1000 * 2 + 100000 * 3 + 0.25,
    ]);
    // and dW has the weights' shape: 3 rows of 2, dW[i][j] = x_i δ_j
    const g = snap.grads[0];
    expect(g?.dW.map((row) => row.length)).toEqual([2, 2, 2]);
    const delta = snap.samples[0]?.layers[0]?.delta ?? [];
    expect(g?.dW[2]?.[1]).toBe(3 * (delta[1] as number));
    expect(g?.db.length).toBe(2);
  });
});
