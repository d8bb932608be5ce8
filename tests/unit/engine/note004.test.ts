/**
 * Note 004: x_i = f(x_{i−1} W_i) with row vectors, its worked numeric example
 * (x0 = [1 0 1], W1 = [[1 0 1], [1 1 1], [1 0 1]], sigmoid) and its k_i recursion in matrix form.
 */
import { describe, expect, it } from 'vitest';
import { runPass, type Network } from '../../../src/engine';
import { expectRel, sigma, sigmaPrime } from './expect';

describe('note 004: x_i = f(x_{i−1} W_i), E = ½(x_3 − y)², k_i recursion', () => {
  const W1 = [
    [1, 0, 1],
    [1, 1, 1],
    [1, 0, 1],
  ];
  const x0 = [1, 0, 1];
  const e2 = Math.exp(2);

  it("the worked example: f(x0 W1) = [e²/(1+e²), 1/2, e²/(1+e²)], f' = [e⁻²/(1+e⁻²)², 1/4, …]", () => {
    const y = [0.2, 0.7, 0.4];
    const network: Network = {
      inputSize: 3,
      loss: 'halfSse',
      layers: [{ activation: 'sigmoid', weights: W1, biases: [0, 0, 0] }],
    };
    const layer = runPass(network, [{ x: x0, y }]).samples[0]?.layers[0];
    expect(Array.from(layer?.z ?? [])).toEqual([2, 0, 2]);
    const a = [e2 / (1 + e2), 1 / 2, e2 / (1 + e2)];
    const fPrime = [
      Math.exp(-2) / (1 + Math.exp(-2)) ** 2,
      1 / 4,
      Math.exp(-2) / (1 + Math.exp(-2)) ** 2,
    ];
    a.forEach((v, j) => expectRel(layer?.a[j], v));
    // With E = ½Σ(a − y)², δ = (a − y) ⊙ f'(z): dividing out (a − y) leaves f'.
    fPrime.forEach((v, j) =>
      expectRel((layer?.delta[j] as number) / ((layer?.a[j] as number) - (y[j] as number)), v),
    );
  });

  it("∂E/∂W_i = x_{i−1}ᵀ k_i with k_3 = (x_3 − y) ⊙ f'(x_2 W_3), k_i = (k_{i+1} W_{i+1}ᵀ) ⊙ f'(x_{i−1} W_i)", () => {
    const W2 = [
      [0.5, -0.3],
      [0.2, 0.8],
      [-0.6, 0.1],
    ];
    const W3 = [[1.1], [-0.7]];
    const y = [0.25];
    const times = (row: number[], M: number[][]) =>
      (M[0] as number[]).map((_, j) =>
        row.reduce((s, v, i) => s + v * ((M[i] as number[])[j] as number), 0),
      );
    const timesT = (row: number[], M: number[][]) =>
      M.map((mi) => mi.reduce((s, v, j) => s + v * (row[j] as number), 0));
    const f = (v: number[]) => v.map(sigma);
    const fp = (v: number[]) => v.map(sigmaPrime);
    const hadamard = (u: number[], v: number[]) => u.map((ui, j) => ui * (v[j] as number));
    const outer = (u: number[], v: number[]) => u.map((ui) => v.map((vj) => ui * vj));
    const s1 = times(x0, W1);
    const x1 = f(s1);
    const s2 = times(x1, W2);
    const x2 = f(s2);
    const s3 = times(x2, W3);
    const x3 = f(s3);
    const k3 = hadamard(
      x3.map((v, j) => v - (y[j] as number)),
      fp(s3),
    );
    const k2 = hadamard(timesT(k3, W3), fp(s2));
    const k1 = hadamard(timesT(k2, W2), fp(s1));
    const network: Network = {
      inputSize: 3,
      loss: 'halfSse',
      layers: [
        { activation: 'sigmoid', weights: W1, biases: [0, 0, 0] },
        { activation: 'sigmoid', weights: W2, biases: [0, 0] },
        { activation: 'sigmoid', weights: W3, biases: [0] },
      ],
    };
    const snap = runPass(network, [{ x: x0, y }]);
    expectRel(snap.loss, 0.5 * ((x3[0] as number) - (y[0] as number)) ** 2);
    const expected = [outer(x0, k1), outer(x1, k2), outer(x2, k3)];
    const ks = [k1, k2, k3];
    expected.forEach((dW, l) =>
      dW.forEach((row, i) => row.forEach((v, j) => expectRel(snap.grads[l]?.dW[i]?.[j], v, 1e-12))),
    );
    ks.forEach((k, l) =>
      k.forEach((v, j) => expectRel(snap.samples[0]?.layers[l]?.delta[j], v, 1e-12)),
    );
  });
});
