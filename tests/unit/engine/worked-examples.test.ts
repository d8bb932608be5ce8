/**
 * The worked examples the app must reproduce: Matt Mazur's 2-2-2 sigmoid network (published
 * numbers) and the 1-1-1-1 chain of note 002 with every chain-rule factor computed by hand.
 */
import { describe, expect, it } from 'vitest';
import { applyGradients, runPass, train, type Network } from '../../../src/engine';
import { classic, classicSamples } from '../math/fixtures';
import { expectRel, sigma, sigmaPrime } from './expect';

describe('Matt Mazur’s 2-2-2 example (halfSse, η = 0.5)', () => {
  const network = classic;
  const batch = classicSamples;

  it('forward pass and loss match the published numbers', () => {
    const snap = runPass(network, batch);
    const [hidden, output] = snap.samples[0]?.layers ?? [];
    expect(snap.loss).toBeCloseTo(0.298371109, 9);
    expect(snap.samples[0]?.loss).toBeCloseTo(0.298371109, 9);
    expect(hidden?.z[0]).toBeCloseTo(0.3775, 14);
    expect(hidden?.a[0]).toBeCloseTo(0.593269992, 9);
    expect(hidden?.a[1]).toBeCloseTo(0.596884378, 9);
    expect(output?.z[0]).toBeCloseTo(1.105905967, 9);
    expect(output?.a[0]).toBeCloseTo(0.75136507, 8);
    expect(output?.a[1]).toBeCloseTo(0.772928465, 9);
    // δ_o1 = ∂E/∂out_o1 · ∂out_o1/∂net_o1 = 0.74136507 · 0.186815602
    expect(output?.delta[0]).toBeCloseTo(0.138498562, 9);
  });

  it('∂L/∂w5 = 0.082167041, and the gradient step gives the published weights', () => {
    const snap = runPass(network, batch);
    // w5 connects h1 (unit 1 of layer 1) to o1 (unit 1 of layer 2): weights[0][0] of layer 2.
    expect(snap.grads[1]?.dW[0]?.[0]).toBeCloseTo(0.082167041, 9);
    const next = applyGradients(network, snap.grads, 0.5);
    const [h, o] = next.layers;
    expect(o?.weights[0]?.[0]).toBeCloseTo(0.35891648, 8); // w5
    expect(o?.weights[1]?.[0]).toBeCloseTo(0.408666186, 9); // w6
    expect(o?.weights[0]?.[1]).toBeCloseTo(0.51130127, 8); // w7
    expect(o?.weights[1]?.[1]).toBeCloseTo(0.561370121, 9); // w8
    expect(h?.weights[0]?.[0]).toBeCloseTo(0.149780716, 9); // w1
    expect(h?.weights[1]?.[0]).toBeCloseTo(0.19956143, 8); // w2
    expect(h?.weights[0]?.[1]).toBeCloseTo(0.24975114, 8); // w3
    expect(h?.weights[1]?.[1]).toBeCloseTo(0.29950229, 8); // w4
    expect(runPass(next, batch).loss).toBeCloseTo(0.28047144679, 11);
  });

  it('δ of every unit from the published factors, and the biases (which this engine also updates) step by −η·δ', () => {
    const snap = runPass(network, batch);
    const [hidden, output] = snap.samples[0]?.layers ?? [];
    // δ_o2 = ∂E/∂out_o2 · out_o2(1 − out_o2) = (0.772928465 − 0.99) · 0.175510053
    expect(output?.delta[1]).toBeCloseTo(-0.217071535 * 0.175510053, 9);
    // δ_h1 = ∂E_total/∂out_h1 · ∂out_h1/∂net_h1 = 0.036350306 · 0.241300709; ∂E/∂w1 = 0.000438568
    expect(hidden?.delta[0]).toBeCloseTo(0.036350306 * 0.241300709, 9);
    expect(snap.grads[0]?.dW[0]?.[0]).toBeCloseTo(0.000438568, 9);
    // δ_h2 from the published w3: (0.25 − 0.24975114) / (0.5 · 0.05)
    expect(hidden?.delta[1]).toBeCloseTo((0.25 - 0.24975114) / (0.5 * 0.05), 6);
    // The post keeps its one bias per layer fixed; here each unit has its own, b ← b − η·δ.
    const next = applyGradients(network, snap.grads, 0.5);
    expect(next.layers[0]?.biases[0]).toBeCloseTo(0.35 - 0.5 * 0.036350306 * 0.241300709, 9);
    expect(next.layers[0]?.biases[1]).toBeCloseTo(0.35 - 0.5 * 0.0099542547, 9);
    expect(next.layers[1]?.biases[0]).toBeCloseTo(0.6 - 0.5 * 0.138498562, 9);
    expect(next.layers[1]?.biases[1]).toBeCloseTo(0.6 - 0.5 * -0.217071535 * 0.175510053, 9);
    // With the biases held at 0.35 and 0.6, as in the post, the network is the post's updated one:
    // the same loss as its rounded published weights give (0.2910277737; the post's "0.291027924"
    // is not what its own weights give).
    const published: Network = {
      inputSize: 2,
      loss: 'halfSse',
      layers: [
        {
          activation: 'sigmoid',
          weights: [
            [0.149780716, 0.24975114],
            [0.19956143, 0.29950229],
          ],
          biases: [0.35, 0.35],
        },
        {
          activation: 'sigmoid',
          weights: [
            [0.35891648, 0.51130127],
            [0.408666186, 0.561370121],
          ],
          biases: [0.6, 0.6],
        },
      ],
    };
    const weightsOnly: Network = {
      ...next,
      layers: next.layers.map((layer, l) => ({ ...layer, biases: network.layers[l]!.biases })),
    };
    expect(runPass(weightsOnly, batch).loss).toBeCloseTo(runPass(published, batch).loss, 9);
    expect(runPass(weightsOnly, batch).loss).toBeCloseTo(0.2910277737, 10);
  });

  it('matches the same example written out in plain Math to ~1e-15', () => {
    const [x1, x2, t1, t2] = [0.05, 0.1, 0.01, 0.99];
    const h1 = sigma(0.15 * x1 + 0.2 * x2 + 0.35);
    const h2 = sigma(0.25 * x1 + 0.3 * x2 + 0.35);
    const o1 = sigma(0.4 * h1 + 0.45 * h2 + 0.6);
    const o2 = sigma(0.5 * h1 + 0.55 * h2 + 0.6);
    const d1 = (o1 - t1) * o1 * (1 - o1);
    const d2 = (o2 - t2) * o2 * (1 - o2);
    const e1 = (d1 * 0.4 + d2 * 0.5) * h1 * (1 - h1);
    const e2 = (d1 * 0.45 + d2 * 0.55) * h2 * (1 - h2);
    const snap = runPass(network, batch);
    expectRel(snap.loss, 0.5 * (t1 - o1) ** 2 + 0.5 * (t2 - o2) ** 2);
    const [gh, go] = snap.grads;
    const expected: [number | undefined, number][] = [
      [go?.dW[0]?.[0], d1 * h1],
      [go?.dW[1]?.[0], d1 * h2],
      [go?.dW[0]?.[1], d2 * h1],
      [go?.dW[1]?.[1], d2 * h2],
      [go?.db[0], d1],
      [go?.db[1], d2],
      [gh?.dW[0]?.[0], e1 * x1],
      [gh?.dW[1]?.[0], e1 * x2],
      [gh?.dW[0]?.[1], e2 * x1],
      [gh?.dW[1]?.[1], e2 * x2],
      [gh?.db[0], e1],
      [gh?.db[1], e2],
    ];
    for (const [actual, value] of expected) expectRel(actual, value);
  });

  it('train with batch size 1 for one epoch takes exactly the same step', () => {
    const stepped = applyGradients(network, runPass(network, batch).grads, 0.5);
    expect(train(network, batch, { learningRate: 0.5, batchSize: 1, epochs: 1 })).toEqual(stepped);
  });
});

describe('note 002: one neuron per layer, C = (a − y)², sigmoid', () => {
  const [w1, w2, w3] = [0.5, -1.2, 0.9];
  const [b1, b2, b3] = [0.1, 0.4, -0.3];
  const network: Network = {
    inputSize: 1,
    loss: 'sse',
    layers: [
      { activation: 'sigmoid', weights: [[w1]], biases: [b1] },
      { activation: 'sigmoid', weights: [[w2]], biases: [b2] },
      { activation: 'sigmoid', weights: [[w3]], biases: [b3] },
    ],
  };

  /** Every factor of the chain rule for one sample, by hand. */
  function chain(x: number, y: number) {
    const z1 = w1 * x + b1;
    const a1 = sigma(z1);
    const z2 = w2 * a1 + b2;
    const a2 = sigma(z2);
    const z3 = w3 * a2 + b3;
    const a3 = sigma(z3);
    const dCda3 = 2 * (a3 - y); // ∂C/∂a(L)
    const dCdw3 = dCda3 * sigmaPrime(z3) * a2; // ∂C/∂w(L) = 2(a(L) − y)·σ'(z(L))·a(L−1)
    const dCdb3 = dCda3 * sigmaPrime(z3) * 1; // ∂z(L)/∂b(L) = 1
    const dCda2 = dCda3 * sigmaPrime(z3) * w3; // ∂C/∂a(L−1) = 2(a(L) − y)·σ'(z(L))·w(L)
    const dCdw2 = dCda2 * sigmaPrime(z2) * a1;
    const dCdb2 = dCda2 * sigmaPrime(z2);
    const dCda1 = dCda2 * sigmaPrime(z2) * w2;
    const dCdw1 = dCda1 * sigmaPrime(z1) * x;
    const dCdb1 = dCda1 * sigmaPrime(z1);
    return {
      z: [z1, z2, z3],
      a: [a1, a2, a3],
      C: (a3 - y) ** 2,
      dCda3,
      dCda2,
      dCda1,
      dCdw3,
      dCdb3,
      dCdw2,
      dCdb2,
      dCdw1,
      dCdb1,
    };
  }

  it('z, a, C and each factor of ∂C/∂w, ∂C/∂b, ∂C/∂a(L−1) for one sample', () => {
    const c = chain(0.8, 0.3);
    const snap = runPass(network, [{ x: [0.8], y: [0.3] }]);
    const layers = snap.samples[0]?.layers ?? [];
    expectRel(snap.loss, c.C);
    c.z.forEach((z, l) => expectRel(layers[l]?.z[0], z));
    c.a.forEach((a, l) => expectRel(layers[l]?.a[0], a));
    // δ(l) = ∂C/∂z(l) = ∂C/∂a(l) · σ'(z(l)), layer by layer.
    expectRel(layers[2]?.delta[0], c.dCda3 * sigmaPrime(c.z[2] as number), 1e-12);
    expectRel(layers[1]?.delta[0], c.dCda2 * sigmaPrime(c.z[1] as number), 1e-12);
    expectRel(layers[0]?.delta[0], c.dCda1 * sigmaPrime(c.z[0] as number), 1e-12);
    const [g1, g2, g3] = snap.grads;
    expectRel(g3?.dW[0]?.[0], c.dCdw3, 1e-12);
    expectRel(g3?.db[0], c.dCdb3, 1e-12);
    expectRel(g2?.dW[0]?.[0], c.dCdw2, 1e-12);
    expectRel(g2?.db[0], c.dCdb2, 1e-12);
    expectRel(g1?.dW[0]?.[0], c.dCdw1, 1e-12);
    expectRel(g1?.db[0], c.dCdb1, 1e-12);
  });

  it('several samples: the gradient is the average of the per-sample gradients', () => {
    const xs = [0.8, -1.5, 0.2];
    const ys = [0.3, 0.9, 0.1];
    const per = xs.map((x, s) => chain(x, ys[s] as number));
    const mean = (f: (c: ReturnType<typeof chain>) => number) =>
      per.reduce((t, c) => t + f(c), 0) / per.length;
    const snap = runPass(
      network,
      xs.map((x, s) => ({ x: [x], y: [ys[s] as number] })),
    );
    expectRel(
      snap.loss,
      mean((c) => c.C),
    );
    per.forEach((c, s) => expectRel(snap.samples[s]?.loss, c.C));
    const [g1, g2, g3] = snap.grads;
    expectRel(
      g3?.dW[0]?.[0],
      mean((c) => c.dCdw3),
      1e-12,
    );
    expectRel(
      g2?.db[0],
      mean((c) => c.dCdb2),
      1e-12,
    );
    expectRel(
      g1?.dW[0]?.[0],
      mean((c) => c.dCdw1),
      1e-12,
    );
    expectRel(
      g1?.db[0],
      mean((c) => c.dCdb1),
      1e-12,
    );
  });
});
