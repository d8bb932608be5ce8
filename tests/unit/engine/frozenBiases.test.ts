/**
 * "Train biases" off: the gradient step moves the weights only. The biases keep their gradients
 * (the snapshot is unchanged), they are just not applied — as in the classic 2-2-2 tutorial and
 * note 004's example, which update the weights only.
 */
import { describe, expect, it } from 'vitest';
import {
  applyGradients,
  createTrainer,
  initializeNetwork,
  lossOf,
  packSamples,
  runPass,
  train,
  type Network,
  type Sample,
} from '../../../src/engine';
import { classic, classicSamples } from '../math/fixtures';
import { expectRel, sigma } from './expect';

const frozen = { trainBiases: false };

describe('the classic 2-2-2 example with the biases frozen (η = 0.5)', () => {
  it('moves the weights as the tutorial does and gives its loss 0.291027774 after one step', () => {
    const snap = runPass(classic, classicSamples);
    const next = applyGradients(classic, snap.grads, 0.5, frozen);
    const [h, o] = next.layers;
    // The tutorial's updated weights w1…w8.
    expect(h?.weights[0]?.[0]).toBeCloseTo(0.149780716, 9);
    expect(h?.weights[1]?.[0]).toBeCloseTo(0.19956143, 8);
    expect(h?.weights[0]?.[1]).toBeCloseTo(0.24975114, 8);
    expect(h?.weights[1]?.[1]).toBeCloseTo(0.29950229, 8);
    expect(o?.weights[0]?.[0]).toBeCloseTo(0.35891648, 8);
    expect(o?.weights[1]?.[0]).toBeCloseTo(0.408666186, 9);
    expect(o?.weights[0]?.[1]).toBeCloseTo(0.51130127, 8);
    expect(o?.weights[1]?.[1]).toBeCloseTo(0.561370121, 9);
    // Not the post's printed 0.291027924: that slip is not what its own weights give.
    expect(lossOf(next, classicSamples)).toBeCloseTo(0.291027774, 9);
    // The same weights as the full step, bit for bit; the biases exactly as they were.
    const full = applyGradients(classic, snap.grads, 0.5);
    expect(next.layers.map((l) => l.weights)).toEqual(full.layers.map((l) => l.weights));
    expect(next.layers.map((l) => l.biases)).toEqual([
      [0.35, 0.35],
      [0.6, 0.6],
    ]);
    expect(lossOf(full, classicSamples)).toBeCloseTo(0.280471447, 9);
  });

  it('still reports the bias gradients: ∂L/∂b = δ', () => {
    const snap = runPass(classic, classicSamples);
    // δ_o1 = 0.74136507 · 0.186815602 = 0.138498562 (the tutorial's ∂E/∂net_o1)
    expect(snap.grads[1]?.db[0]).toBeCloseTo(0.138498562, 9);
    expect(() => applyGradients(classic, snap.grads, 0.5, { trainBiases: 'no' as never })).toThrow(
      /^"Train biases" is no; it must be true or false\.$/,
    );
    expect(() =>
      train(classic, classicSamples, {
        learningRate: 0.5,
        batchSize: 1,
        epochs: 1,
        trainBiases: 0 as never,
      }),
    ).toThrow(/"Train biases" is 0/);
    expect(snap.grads[0]?.db[0]).toBeCloseTo(0.036350306 * 0.241300709, 9);
    expect(Array.from(snap.grads[1]?.db ?? [])).toEqual(
      Array.from(snap.samples[0]?.layers[1]?.delta ?? []),
    );
  });
});

describe("note 004's example with the biases frozen (η = 1)", () => {
  // x₀ = [1 0 1], W₁ from the note, W₂ and W₃ the app's, y = 1, E = ½(y − x₃)², biases 0.
  const W1 = [
    [1, 0, 1],
    [1, 1, 1],
    [1, 0, 1],
  ];
  const W2 = [
    [0.5, -0.5],
    [-1, 1],
    [0.5, 0.5],
  ];
  const W3 = [[1], [-1]];
  const network: Network = {
    inputSize: 3,
    loss: 'halfSse',
    layers: [
      { activation: 'sigmoid', weights: W1, biases: [0, 0, 0] },
      { activation: 'sigmoid', weights: W2, biases: [0, 0] },
      { activation: 'sigmoid', weights: W3, biases: [0] },
    ],
  };
  const samples: Sample[] = [{ x: [1, 0, 1], y: [1] }];

  /** The pass by hand, row vectors as in the note: x_i = f(x_{i−1} W_i). */
  function byHand(w1: number[][], w2: number[][], w3: number[][]) {
    const times = (row: number[], M: number[][]) =>
      (M[0] as number[]).map((_, j) =>
        row.reduce((s, v, i) => s + v * ((M[i] as number[])[j] as number), 0),
      );
    const x0 = [1, 0, 1];
    const x1 = times(x0, w1).map(sigma);
    const x2 = times(x1, w2).map(sigma);
    const x3 = times(x2, w3).map(sigma);
    return { x0, x1, x2, x3, E: 0.5 * (1 - (x3[0] as number)) ** 2 };
  }

  it('steps W ← W − x_{i−1}ᵀk_i, keeps every bias at 0, and the loss falls 0.128574 → 0.113411', () => {
    const before = byHand(W1, W2, W3);
    // x₁ = [σ(2), ½, σ(2)] = [0.880797, 0.5, 0.880797]; x₂ = σ([σ(2) − ½, ½]); x₃ = σ(x₂₁ − x₂₂)
    expectRel(before.x1[0], sigma(2));
    expectRel(before.x2[0], sigma(sigma(2) - 0.5));
    expect(before.E).toBeCloseTo(0.128574202, 9);
    const x3 = before.x3[0] as number;
    const [x20, x21] = before.x2 as [number, number];
    // k₃ = (x₃ − y) f'(s₃) = (0.492902 − 1) · 0.492902 · 0.507098 = −0.126749
    const k3 = (x3 - 1) * x3 * (1 - x3);
    expect(k3).toBeCloseTo(-0.126748957, 9);
    // k₂ = (k₃ W₃ᵀ) ⊙ f'(s₂), k₁ = (k₂ W₂ᵀ) ⊙ f'(s₁)
    const k2 = [k3 * 1 * x20 * (1 - x20), k3 * -1 * x21 * (1 - x21)];
    const k1 = W2.map((row, i) => {
      const x1i = before.x1[i] as number;
      return (row[0]! * k2[0]! + row[1]! * k2[1]!) * x1i * (1 - x1i);
    });
    const step = (W: number[][], x: number[], k: number[]) =>
      W.map((row, i) => row.map((w, j) => w - (x[i] as number) * (k[j] as number)));
    const w1 = step(W1, before.x0, k1);
    const w2 = step(W2, before.x1, k2);
    const w3 = step(W3, before.x2, [k3]);
    // W₃ = [1, −1] − x₂ᵀk₃ = [1.075297, −0.921104]
    expect(w3[0]?.[0]).toBeCloseTo(1.0752971615, 9);
    expect(w3[1]?.[0]).toBeCloseTo(-0.921103929, 9);
    const after = byHand(w1, w2, w3);

    const snap = runPass(network, samples);
    const next = applyGradients(network, snap.grads, 1, frozen);
    [w1, w2, w3].forEach((W, l) =>
      W.forEach((row, i) =>
        row.forEach((w, j) => expectRel(next.layers[l]?.weights[i]?.[j], w, 1e-14)),
      ),
    );
    expect(next.layers.map((l) => l.biases)).toEqual([[0, 0, 0], [0, 0], [0]]);
    expectRel(lossOf(next, samples), after.E, 1e-12);
    expect(lossOf(next, samples)).toBeCloseTo(0.113410833, 9);
    // With the biases trained, b₃ goes 0 → −η·k₃ = 0.126749 and the loss to 0.097144.
    const full = applyGradients(network, snap.grads, 1);
    expect(full.layers[2]?.biases[0]).toBeCloseTo(0.126748957, 9);
    expect(lossOf(full, samples)).toBeCloseTo(0.097143741, 9);
    // The gradients are the same either way: ∂E/∂b₃ = k₃.
    expect(snap.grads[2]?.db[0]).toBeCloseTo(k3, 15);
  });
});

describe('train and the trainer with the biases frozen', () => {
  const samples: Sample[] = [
    { x: [0, 0], y: [0] },
    { x: [0, 1], y: [1] },
    { x: [1, 0], y: [1] },
    { x: [1, 1], y: [0] },
    { x: [0.3, 0.6], y: [1] },
  ];
  const network = initializeNetwork(
    {
      inputSize: 2,
      loss: 'binaryCrossEntropy',
      layers: [
        { units: 3, activation: 'tanh' },
        { units: 1, activation: 'sigmoid' },
      ],
    },
    5,
  );
  // Give the biases values, so "unchanged" is not "still zero".
  const start: Network = {
    ...network,
    layers: network.layers.map((l) => ({ ...l, biases: l.biases.map((_, j) => 0.1 * (j + 1)) })),
  };

  it('train equals runPass + applyGradients without the biases, number for number', () => {
    let manual = start;
    for (let epoch = 0; epoch < 3; epoch++) {
      for (let s = 0; s < samples.length; s += 2) {
        const batch = samples.slice(s, s + 2);
        manual = applyGradients(manual, runPass(manual, batch).grads, 0.4, frozen);
      }
    }
    const trained = train(start, samples, {
      learningRate: 0.4,
      batchSize: 2,
      epochs: 3,
      trainBiases: false,
    });
    expect(trained).toEqual(manual);
    expect(trained.layers.map((l) => l.biases)).toEqual(start.layers.map((l) => l.biases));
    expect(trained.layers[0]?.weights).not.toEqual(start.layers[0]?.weights);
  });

  it('the trainer keeps the biases, and can be switched back to training them', () => {
    const trainer = createTrainer(
      start,
      packSamples(samples, 2, 1),
      { learningRate: 0.4, batchSize: 2, penalty: { kind: 'none', rate: 0 }, trainBiases: false },
      3,
    );
    let manual = start;
    for (let step = 0; step < 4; step++) {
      const batch = trainer.nextBatch().map((i) => samples[i] as Sample);
      manual = applyGradients(manual, runPass(manual, batch).grads, 0.4, frozen);
      expect(trainer.step()).toBeNull();
    }
    expect(trainer.network()).toEqual(manual);
    expect(trainer.network().layers.map((l) => l.biases)).toEqual(
      start.layers.map((l) => l.biases),
    );
    trainer.setOptions({ trainBiases: true });
    trainer.step();
    expect(trainer.network().layers[1]?.biases).not.toEqual(start.layers[1]?.biases);
    expect(() => trainer.setOptions({ trainBiases: 'no' as unknown as boolean })).toThrow(
      /Train biases/,
    );
  });
});
