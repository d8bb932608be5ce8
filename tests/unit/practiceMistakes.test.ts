/**
 * The mistake catalogue (issue 14, "Name the mistake"): each mistake's value for the worked
 * examples, computed here by hand from the example's numbers (the classic 2-2-2 network entirely
 * by hand, Mazur's names; the others from the pass's z, a and δ), for every notation, with the
 * asked quantity named in that notation's words; nameMistake names each one from a typed answer
 * and nothing for the right answer or an unrelated number; the true value is never a mistake.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runPass, type Network } from '../../src/engine';
import { NOTATION_IDS, notationFor, type NotationId } from '../../src/math/notations';
import { agrees } from '../../src/practice/agree';
import { mistakesFor, nameMistake } from '../../src/practice/mistakes';
import { exercise } from '../../src/practice/exercises';
import { valueOf } from '../../src/practice/truth';
import type { MistakeId, PracticeContext, Quantity } from '../../src/practice/types';
import { findExample } from '../../src/store/examples';
import { ALLOWED_PAIRS, caseArbitrary } from './engine/arbitraries';

function contextOf(
  id: string,
  notation: NotationId,
  options: { sampleIndex?: number; trainBiases?: boolean } = {},
): PracticeContext {
  const example = findExample(id);
  if (!example) throw new Error(`no example ${id}`);
  return {
    network: example.network,
    samples: example.samples,
    sampleIndex: options.sampleIndex ?? 0,
    snapshot: runPass(example.network, example.samples),
    learningRate: example.learningRate,
    trainBiases: options.trainBiases ?? example.trainBiases,
    notation,
  };
}

/** The asked quantity's name in the context's notation: every message of it must say it. */
function nameIn(ctx: PracticeContext, q: Quantity): string {
  const { text, loss } = notationFor(ctx.notation, ctx.network);
  switch (q.kind) {
    case 'z':
    case 'a':
    case 'delta':
      return text.unit(q.kind, q.layer, q.unit);
    case 'loss':
      return loss.text;
    case 'dW':
      return `∂${loss.text}/∂${text.weight(q.layer, q.from, q.to)}`;
    case 'db':
      return `∂${loss.text}/∂${text.bias(q.layer, q.unit)}`;
    case 'w':
      return text.weight(q.layer, q.from, q.to);
    case 'b':
      return text.bias(q.layer, q.unit);
  }
}

const close = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(b));

/** mistakesFor gives exactly these (id, value) pairs, each message naming the quantity, plain text. */
function expectMistakes(
  ctx: PracticeContext,
  q: Quantity,
  expected: readonly (readonly [MistakeId, number])[],
) {
  const got = mistakesFor(q, ctx);
  const where = `${ctx.notation} ${JSON.stringify(q)}`;
  expect(got.map((m) => m.id).sort(), where).toEqual(expected.map(([id]) => id).sort());
  for (const [id, value] of expected) {
    expect(
      got.filter((m) => m.id === id && close(m.value, value)),
      `${where}: ${id} = ${value}, got ${JSON.stringify(got)}`,
    ).toHaveLength(1);
  }
  const name = nameIn(ctx, q);
  for (const m of got) {
    expect(m.message, where).toContain(name);
    expect(m.message).not.toMatch(/[\\{}<>]/);
  }
}

const sigma = (v: number) => 1 / (1 + Math.exp(-v));
/** σ′ written from σ: σ(v)(1 − σ(v)). */
const sigmaPrime = (v: number) => sigma(v) * (1 - sigma(v));

describe('the classic 2-2-2 network, every mistake by hand (Mazur’s names)', () => {
  // w1: x1→h1, w2: x2→h1, w3: x1→h2, w4: x2→h2; w5: h1→o1, w6: h2→o1, w7: h1→o2, w8: h2→o2.
  const [x1, x2, y1, y2] = [0.05, 0.1, 0.01, 0.99];
  const [w1, w2, w3, w4, w5, w6, w7, w8] = [0.15, 0.2, 0.25, 0.3, 0.4, 0.45, 0.5, 0.55];
  const [b1, b2, eta] = [0.35, 0.6, 0.5];
  const netH1 = w1 * x1 + w2 * x2 + b1;
  const netH2 = w3 * x1 + w4 * x2 + b1;
  const [h1, h2] = [sigma(netH1), sigma(netH2)];
  const netO1 = w5 * h1 + w6 * h2 + b2;
  const netO2 = w7 * h1 + w8 * h2 + b2;
  const [o1, o2] = [sigma(netO1), sigma(netO2)];
  const E = 0.5 * (o1 - y1) ** 2 + 0.5 * (o2 - y2) ** 2;
  const dO1 = (o1 - y1) * o1 * (1 - o1);
  const dO2 = (o2 - y2) * o2 * (1 - o2);
  const sumH1 = w5 * dO1 + w7 * dO2; // ∂E/∂h1
  const dH1 = sumH1 * h1 * (1 - h1);
  const gW5 = h1 * dO1;
  const gW1 = x1 * dH1;
  // h1's δ sent back through w5 and w6 (the weights into o1) instead of w5 and w7.
  const dH1Swapped = (w5 * dO1 + w6 * dO2) * h1 * (1 - h1);
  // … and through w5, w7 after their update step.
  const dH1Updated = ((w5 - eta * h1 * dO1) * dO1 + (w7 - eta * h1 * dO2) * dO2) * h1 * (1 - h1);

  it('the hand numbers are the tutorial’s', () => {
    expect(E).toBeCloseTo(0.298371109, 9);
    expect(gW5).toBeCloseTo(0.082167041, 9);
    expect(gW1).toBeCloseTo(0.000438568, 9);
  });

  describe.each(NOTATION_IDS)('in the %s notation', (notation) => {
    const ctx = contextOf('classic-2-2-2', notation);

    it('z and a: the activation applied or forgotten, the bias left out, wᵢⱼ for wⱼᵢ', () => {
      expectMistakes(ctx, { kind: 'z', layer: 1, unit: 0 }, [
        ['activationApplied', h1],
        ['biasLeftOut', netH1 - b1],
        ['weightsSwapped', w1 * x1 + w3 * x2 + b1],
      ]);
      expectMistakes(ctx, { kind: 'z', layer: 1, unit: 1 }, [
        ['activationApplied', h2],
        ['biasLeftOut', netH2 - b1],
        ['weightsSwapped', w2 * x1 + w4 * x2 + b1],
      ]);
      expectMistakes(ctx, { kind: 'a', layer: 2, unit: 1 }, [
        ['activationForgotten', netO2],
        ['biasLeftOut', sigma(netO2 - b2)],
        ['weightsSwapped', sigma(w6 * h1 + w8 * h2 + b2)],
      ]);
    });

    it('the loss: without the ½ (the mean over K = 2 outputs is ½Σ, the same loss)', () => {
      expectMistakes(ctx, { kind: 'loss' }, [['lossFactor', 2 * E]]);
    });

    it('the output δ: σ′ left out, σ′ at a, (y − a), the factor 2', () => {
      expectMistakes(ctx, { kind: 'delta', layer: 2, unit: 0 }, [
        ['derivativeLeftOut', o1 - y1],
        ['derivativeAtA', (o1 - y1) * sigmaPrime(o1)],
        ['targetMinusOutput', -dO1],
        ['lossFactor', 2 * dO1],
      ]);
    });

    it('a hidden δ: also the swapped weights and the weights after the update', () => {
      expectMistakes(ctx, { kind: 'delta', layer: 1, unit: 0 }, [
        ['derivativeLeftOut', sumH1],
        ['derivativeAtA', sumH1 * sigmaPrime(h1)],
        ['targetMinusOutput', -dH1],
        ['lossFactor', 2 * dH1],
        ['weightsSwapped', dH1Swapped],
        ['updatedWeights', dH1Updated],
      ]);
    });

    it('∂L/∂w5 = 0.082167041: the δ of the layer before, and each wrong δ carried in', () => {
      expectMistakes(ctx, { kind: 'dW', layer: 2, from: 0, to: 0 }, [
        ['wrongLayerDelta', h1 * dH1],
        ['derivativeLeftOut', h1 * (o1 - y1)],
        ['derivativeAtA', h1 * (o1 - y1) * sigmaPrime(o1)],
        ['targetMinusOutput', -gW5],
        ['lossFactor', 2 * gW5],
      ]);
      // w6 (h2 → o1): its swapped partner is w7 (h1 → o2).
      expectMistakes(ctx, { kind: 'dW', layer: 2, from: 1, to: 0 }, [
        ['wrongLayerDelta', h2 * dH1],
        ['weightsSwapped', h1 * dO2],
        ['derivativeLeftOut', h2 * (o1 - y1)],
        ['derivativeAtA', h2 * (o1 - y1) * sigmaPrime(o1)],
        ['targetMinusOutput', -h2 * dO1],
        ['lossFactor', 2 * h2 * dO1],
      ]);
    });

    it('∂L/∂w1 = 0.000438568 and ∂L/∂b of h1: the next layer’s δ, and the hidden δ’s mistakes', () => {
      expectMistakes(ctx, { kind: 'dW', layer: 1, from: 0, to: 0 }, [
        ['wrongLayerDelta', x1 * dO1],
        ['derivativeLeftOut', x1 * sumH1],
        ['derivativeAtA', x1 * sumH1 * sigmaPrime(h1)],
        ['targetMinusOutput', -gW1],
        ['lossFactor', 2 * gW1],
        ['weightsSwapped', x1 * dH1Swapped],
        ['updatedWeights', x1 * dH1Updated],
      ]);
      expectMistakes(ctx, { kind: 'db', layer: 1, unit: 0 }, [
        ['wrongLayerDelta', dO1],
        ['derivativeLeftOut', sumH1],
        ['derivativeAtA', sumH1 * sigmaPrime(h1)],
        ['targetMinusOutput', -dH1],
        ['lossFactor', 2 * dH1],
        ['weightsSwapped', dH1Swapped],
        ['updatedWeights', dH1Updated],
      ]);
    });

    it('the update: η left out, the gradient added, the swapped weight, a frozen bias moved', () => {
      expectMistakes(ctx, { kind: 'w', layer: 2, from: 0, to: 0 }, [
        ['learningRateForgotten', w5 - gW5],
        ['gradientAdded', w5 + eta * gW5],
      ]);
      // w7 (h1 → o2); its swapped partner w6 after the step is the tutorial's 0.408666186.
      expectMistakes(ctx, { kind: 'w', layer: 2, from: 0, to: 1 }, [
        ['learningRateForgotten', w7 - h1 * dO2],
        ['gradientAdded', w7 + eta * h1 * dO2],
        ['weightsSwapped', w6 - eta * h2 * dO1],
      ]);
      expectMistakes(ctx, { kind: 'b', layer: 1, unit: 0 }, [['frozenBiasMoved', b1 - eta * dH1]]);
      const moving = contextOf('classic-2-2-2', notation, { trainBiases: true });
      expectMistakes(moving, { kind: 'b', layer: 2, unit: 0 }, [
        ['learningRateForgotten', b2 - dO1],
        ['gradientAdded', b2 + eta * dO1],
      ]);
    });
  });
});

/** z, a, δ and the target of one sample, read from the engine's pass: the hand formulas' inputs. */
function passValues(ctx: PracticeContext, s: number) {
  const layers = ctx.snapshot.samples[s]?.layers ?? [];
  const at = (values: ArrayLike<number> | undefined, j: number) => values?.[j] ?? NaN;
  return {
    z: (l: number, j: number) => at(layers[l - 1]?.z, j),
    a: (l: number, j: number) => (l === 0 ? at(ctx.samples[s]?.x, j) : at(layers[l - 1]?.a, j)),
    delta: (l: number, j: number) => at(layers[l - 1]?.delta, j),
    y: (j: number) => at(ctx.samples[s]?.y, j),
  };
}

const weightOf = (network: Network, l: number, i: number, j: number) =>
  network.layers[l - 1]?.weights[i]?.[j] ?? NaN;
const biasOf = (network: Network, l: number, j: number) => network.layers[l - 1]?.biases[j] ?? NaN;
const mean = (values: number[]) => values.reduce((s, v) => s + v, 0) / values.length;

describe.each(NOTATION_IDS)('the other worked examples, in the %s notation', (notation) => {
  it('the 1-1-1-1 chain (Σ(a − y)², η = 1): the ½ added; η = 1 cannot be told from η left out', () => {
    const ctx = contextOf('chain-1-1-1-1', notation);
    const v = passValues(ctx, 0);
    const { loss } = ctx.snapshot;
    const g = ctx.snapshot.grads[2]?.db[0] ?? NaN;
    const slope = 2 * (v.a(3, 0) - v.y(0));
    // The mean over one output is the sum itself: only ½Σ(a − y)² differs.
    expectMistakes(ctx, { kind: 'loss' }, [['lossFactor', loss / 2]]);
    expectMistakes(ctx, { kind: 'delta', layer: 3, unit: 0 }, [
      ['derivativeLeftOut', slope],
      ['derivativeAtA', slope * sigmaPrime(v.a(3, 0))],
      ['targetMinusOutput', -v.delta(3, 0)],
      ['lossFactor', v.delta(3, 0) / 2],
    ]);
    expectMistakes(ctx, { kind: 'z', layer: 2, unit: 0 }, [
      ['activationApplied', v.a(2, 0)],
      ['biasLeftOut', v.z(2, 0) - 0.4],
    ]);
    expectMistakes(ctx, { kind: 'b', layer: 3, unit: 0 }, [['gradientAdded', -0.3 + g]]);
  });

  it('note 004 (no biases): f(W₁x₀) = [σ(2), σ(0), σ(2)], and the swapped W₁ sums to 2 for every unit', () => {
    const ctx = contextOf('note-004', notation);
    // x₀ = [1 0 1]: z = (column j of W₁)·x₀ = [2, 0, 2]; with W₁ read by rows, [2, 2, 2].
    expectMistakes(ctx, { kind: 'z', layer: 1, unit: 1 }, [
      ['activationApplied', 0.5],
      ['weightsSwapped', 2],
    ]);
    expectMistakes(ctx, { kind: 'a', layer: 1, unit: 1 }, [
      ['activationForgotten', 0],
      ['weightsSwapped', sigma(2)],
    ]);
  });

  it('XOR, a batch of 4 with binary cross-entropy: the batch’s sum; σ′ multiplied in again', () => {
    const ctx = contextOf('xor-2-2-1', notation, { sampleIndex: 1 });
    const { network, snapshot, learningRate: eta } = ctx;
    const per = [0, 1, 2, 3].map((s) => passValues(ctx, s));
    const v = per[1] ?? passValues(ctx, 1);
    const tanhPrime = (t: number) => 1 - Math.tanh(t) ** 2;
    expectMistakes(ctx, { kind: 'loss' }, [
      ['batchSum', snapshot.samples.reduce((s, sample) => s + sample.loss, 0)],
    ]);
    const dOut = v.delta(2, 0);
    expect(dOut).toBeCloseTo(v.a(2, 0) - v.y(0), 15);
    expectMistakes(ctx, { kind: 'delta', layer: 2, unit: 0 }, [
      ['derivativeTwice', dOut * sigmaPrime(v.z(2, 0))],
      ['targetMinusOutput', -dOut],
    ]);
    // Hidden unit 1 (tanh): one weight out of it, w₁₁⁽²⁾ = 1.1; its swap is itself.
    const w11 = weightOf(network, 2, 0, 0);
    const gW11 = snapshot.grads[1]?.dW[0]?.[0] ?? NaN;
    const hidden = (p: typeof v) => {
      const slope = w11 * p.delta(2, 0);
      return {
        leftOut: slope,
        atA: slope * tanhPrime(p.a(1, 0)),
        updated: (w11 - eta * gW11) * p.delta(2, 0) * tanhPrime(p.z(1, 0)),
      };
    };
    expectMistakes(ctx, { kind: 'delta', layer: 1, unit: 0 }, [
      ['derivativeLeftOut', hidden(v).leftOut],
      ['derivativeAtA', hidden(v).atA],
      ['targetMinusOutput', -v.delta(1, 0)],
      ['updatedWeights', hidden(v).updated],
    ]);
    // ∂L/∂w₂₁⁽¹⁾: x₂ of each sample times its δ₁⁽¹⁾, the mean over the four.
    const g = snapshot.grads[0]?.dW[1]?.[0] ?? NaN;
    const over = (f: (p: typeof v) => number) => mean(per.map((p) => p.a(0, 1) * f(p)));
    expectMistakes(ctx, { kind: 'dW', layer: 1, from: 1, to: 0 }, [
      ['batchSum', 4 * g],
      ['wrongLayerDelta', over((p) => p.delta(2, 0))],
      ['weightsSwapped', snapshot.grads[0]?.dW[0]?.[1] ?? NaN],
      ['derivativeLeftOut', over((p) => hidden(p).leftOut)],
      ['derivativeAtA', over((p) => hidden(p).atA)],
      ['targetMinusOutput', -g],
      ['updatedWeights', over((p) => hidden(p).updated)],
    ]);
    const gb = snapshot.grads[1]?.db[0] ?? NaN;
    expectMistakes(ctx, { kind: 'b', layer: 2, unit: 0 }, [
      ['learningRateForgotten', biasOf(network, 2, 0) - gb],
      ['gradientAdded', biasOf(network, 2, 0) + eta * gb],
    ]);
  });

  it('softmax with cross-entropy: the softmax of swapped weights, ∂L/∂a = −y/a for δ, a(1 − a) again', () => {
    const ctx = contextOf('softmax-classifier', notation);
    const { network, snapshot } = ctx;
    const v = passValues(ctx, 0);
    // Zero biases: leaving them out changes nothing, so it is not listed.
    const swappedZ = [0, 1, 2].map((k) =>
      [0, 1, 2].reduce((s, i) => s + weightOf(network, 2, k, i) * v.a(1, i), 0),
    );
    const sumExp = swappedZ.reduce((s, z) => s + Math.exp(z), 0);
    expectMistakes(ctx, { kind: 'a', layer: 2, unit: 0 }, [
      ['activationForgotten', v.z(2, 0)],
      ['weightsSwapped', Math.exp(swappedZ[0] ?? NaN) / sumExp],
    ]);
    const a1 = v.a(2, 0);
    expectMistakes(ctx, { kind: 'delta', layer: 2, unit: 0 }, [
      ['derivativeLeftOut', -v.y(0) / a1],
      ['derivativeTwice', (a1 - v.y(0)) * a1 * (1 - a1)],
      ['targetMinusOutput', -(a1 - v.y(0))],
    ]);
    expectMistakes(ctx, { kind: 'loss' }, [['batchSum', 3 * snapshot.loss]]);
  });
});

describe('softmax with cross-entropy: no mistake claimed where a one-hot target’s 0 makes it say nothing', () => {
  /** The 2-3-2 softmax exercise of seed 7: sample 1 has y = (0, 1), sample 2 (batch of two) y = (1, 0). */
  function softmaxExercise(batchOfTwo: boolean): PracticeContext {
    const { network, samples, learningRate, trainBiases } = exercise(
      'softmax-2-3-2',
      7,
      batchOfTwo,
    );
    return {
      network,
      samples,
      sampleIndex: 0,
      snapshot: runPass(network, samples),
      learningRate,
      trainBiases,
      notation: 'standard',
    };
  }
  const ids = (ctx: PracticeContext, q: Quantity) => mistakesFor(q, ctx).map((m) => m.id);

  it('the output δ of a unit whose target is 0: ∂L/∂a = −0/a = 0 is not "the derivative left out"', () => {
    const ctx = softmaxExercise(false);
    const v = passValues(ctx, 0);
    expect([v.y(0), v.y(1)]).toEqual([0, 1]);
    const a1 = v.a(2, 0);
    const a2 = v.a(2, 1);
    // δ = a − y: 0.606 and −0.606.
    expect(v.delta(2, 0)).toBeCloseTo(0.605999018511421, 12);
    expectMistakes(ctx, { kind: 'delta', layer: 2, unit: 0 }, [
      ['derivativeTwice', a1 * a1 * (1 - a1)],
      ['targetMinusOutput', -a1],
    ]);
    expect(nameMistake(0, { kind: 'delta', layer: 2, unit: 0 }, ctx)).toBeNull();
    // The unit whose target is 1: −1/a is ∂L/∂a, named.
    expectMistakes(ctx, { kind: 'delta', layer: 2, unit: 1 }, [
      ['derivativeLeftOut', -1 / a2],
      ['derivativeTwice', (a2 - 1) * a2 * (1 - a2)],
      ['targetMinusOutput', 1 - a2],
    ]);
    expect(nameMistake(-2.54, { kind: 'delta', layer: 2, unit: 1 }, ctx)?.id).toBe(
      'derivativeLeftOut',
    );
  });

  it('nor a gradient made of it: the batch’s mean names it only where a sample’s target is 1', () => {
    const one = softmaxExercise(false);
    const dW11 = { kind: 'dW', layer: 2, from: 0, to: 0 } as const;
    const dW12 = { kind: 'dW', layer: 2, from: 0, to: 1 } as const;
    expect(ids(one, dW11)).not.toContain('derivativeLeftOut');
    expect(nameMistake(0, dW11, one)).toBeNull();
    expect(nameMistake(0, { kind: 'db', layer: 2, unit: 0 }, one)).toBeNull();
    const v = passValues(one, 0);
    expectMistakes(one, dW12, [
      ['wrongLayerDelta', v.a(1, 0) * v.delta(1, 1)],
      ['weightsSwapped', v.a(1, 1) * v.delta(2, 0)],
      ['derivativeLeftOut', v.a(1, 0) * (-1 / v.a(2, 1))],
      ['derivativeTwice', v.a(1, 0) * v.delta(2, 1) * v.a(2, 1) * (1 - v.a(2, 1))],
      ['targetMinusOutput', -v.a(1, 0) * v.delta(2, 1)],
    ]);

    // A batch of two: sample 2's target is (1, 0), so unit 1's mistaken gradient is −a/a over 2.
    const two = softmaxExercise(true);
    const [s1, s2] = [passValues(two, 0), passValues(two, 1)];
    expect([s2.y(0), s2.y(1)]).toEqual([1, 0]);
    const leftOut = mistakesFor(dW11, two).find((m) => m.id === 'derivativeLeftOut');
    expect(leftOut?.value).toBeCloseTo(mean([s1.a(1, 0) * 0, s2.a(1, 0) * (-1 / s2.a(2, 0))]), 12);
  });
});

/** Every quantity a pass of this network asks, in no particular order. */
function quantitiesOf(network: Network): Quantity[] {
  const out: Quantity[] = [{ kind: 'loss' }];
  network.layers.forEach((layer, index) => {
    const l = index + 1;
    layer.biases.forEach((_, unit) => {
      for (const kind of ['z', 'a', 'delta'] as const) out.push({ kind, layer: l, unit });
      for (const kind of ['db', 'b'] as const) out.push({ kind, layer: l, unit });
    });
    layer.weights.forEach((row, from) =>
      row.forEach((_, to) => {
        for (const kind of ['dW', 'w'] as const) out.push({ kind, layer: l, from, to });
      }),
    );
  });
  return out;
}

const WORKED = ['classic-2-2-2', 'chain-1-1-1-1', 'note-004', 'xor-2-2-1', 'softmax-classifier'];

describe('nameMistake', () => {
  it('names each mistake from its value typed to three digits, for every quantity of every example and notation', () => {
    let named = 0;
    for (const id of WORKED) {
      for (const notation of NOTATION_IDS) {
        const ctx = contextOf(id, notation, { sampleIndex: id === 'xor-2-2-1' ? 2 : 0 });
        for (const q of quantitiesOf(ctx.network)) {
          const list = mistakesFor(q, ctx);
          for (const mistake of list) {
            const answer = Number(mistake.value.toPrecision(3));
            // The first in the catalogue's order that the answer agrees with: usually this one.
            // A mistake within a unit and a half of the third digit may round onto the right
            // answer, and then the answer is right.
            const first = agrees(answer, valueOf(q, ctx))
              ? null
              : list.find((m) => agrees(answer, m.value));
            expect(nameMistake(answer, q, ctx)).toEqual(first);
            expect(nameMistake(mistake.value, q, ctx)?.id).toBeDefined();
            named++;
          }
        }
      }
    }
    expect(named).toBeGreaterThan(1000);
  }, 60_000);

  it('the classic example: what a learner types', () => {
    const ctx = contextOf('classic-2-2-2', 'standard');
    const w5 = { kind: 'dW', layer: 2, from: 0, to: 0 } as const;
    expect(nameMistake(0.593, { kind: 'z', layer: 1, unit: 0 }, ctx)?.message).toBe(
      'That is a₁⁽¹⁾ = σ(z₁⁽¹⁾), after the activation: the question asks for z₁⁽¹⁾, the weighted sum before it.',
    );
    expect(nameMistake(0.0822, w5, ctx)).toBeNull();
    expect(nameMistake(0.08216704, w5, ctx)).toBeNull();
    expect(nameMistake(-0.0822, w5, ctx)?.id).toBe('targetMinusOutput');
    expect(nameMistake(0.164, w5, ctx)?.id).toBe('lossFactor');
    expect(nameMistake(0.44, w5, ctx)?.id).toBe('derivativeLeftOut');
    expect(nameMistake(0.0052, w5, ctx)?.message).toBe(
      'That uses δ₁⁽¹⁾, the δ of the layer before: ∂L/∂w₁₁⁽²⁾ = a₁⁽¹⁾ · δ₁⁽²⁾, with the δ of the unit the weight leads into.',
    );
    const newW5 = { kind: 'w', layer: 2, from: 0, to: 0 } as const;
    expect(nameMistake(0.359, newW5, ctx)).toBeNull();
    expect(nameMistake(0.318, newW5, ctx)?.id).toBe('learningRateForgotten');
    expect(nameMistake(0.441, newW5, ctx)?.id).toBe('gradientAdded');
    expect(nameMistake(0.00729, { kind: 'delta', layer: 1, unit: 0 }, ctx)?.id).toBe(
      'updatedWeights',
    );
    expect(nameMistake(0.597, { kind: 'loss' }, ctx)?.message).toBe(
      'That is the sum of squared errors, twice the right value: here L is the ½ sum of squared errors.',
    );
  });

  it('says the mistake in the learner’s notation', () => {
    const q = { kind: 'delta', layer: 2, unit: 0 } as const;
    const messages = Object.fromEntries(
      NOTATION_IDS.map((n) => [n, nameMistake(0.741, q, contextOf('classic-2-2-2', n))?.message]),
    );
    expect(messages).toEqual({
      standard: 'That is ∂L/∂a₁⁽²⁾ alone: δ₁⁽²⁾ also takes σ′(z₁⁽²⁾).',
      lfd: 'That is ∂e/∂x₁⁽²⁾ alone: δ₁⁽²⁾ also takes θ′(s₁⁽²⁾).',
      chain: 'That is ∂C/∂a₁⁽ᴸ⁾ alone: ∂C/∂z₁⁽ᴸ⁾ also takes σ′(z₁⁽ᴸ⁾).',
      rowVector: 'That is ∂E/∂(x₂)₁ alone: (k₂)₁ also takes f′((x₁W₂ + b₂)₁).',
    });
  });

  it('is null for the right answer and for a number no mistake gives', () => {
    const rng = fc.sample(fc.double({ min: -3, max: 3, noNaN: true }), { numRuns: 50, seed: 14 });
    for (const id of WORKED) {
      const ctx = contextOf(id, 'standard');
      for (const q of quantitiesOf(ctx.network)) {
        const truth = valueOf(q, ctx);
        expect(nameMistake(truth, q, ctx)).toBeNull();
        expect(nameMistake(Number(truth.toPrecision(3)), q, ctx)).toBeNull();
        const list = mistakesFor(q, ctx);
        const wrong = rng.find((x) => !agrees(x, truth) && !list.some((m) => agrees(x, m.value)));
        expect(wrong).toBeDefined();
        expect(nameMistake(wrong ?? NaN, q, ctx)).toBeNull();
      }
    }
  });

  it('a quantity the network does not have has no mistakes', () => {
    const ctx = contextOf('classic-2-2-2', 'standard');
    expect(mistakesFor({ kind: 'z', layer: 3, unit: 0 }, ctx)).toEqual([]);
    expect(nameMistake(0.5, { kind: 'dW', layer: 1, from: 5, to: 0 }, ctx)).toBeNull();
  });
});

describe('property: the true value is never named as a mistake', () => {
  it('for random networks, batches, losses, notations and quantities', () => {
    const arbitrary = fc.constantFrom(...ALLOWED_PAIRS).chain(([output, loss]) =>
      fc.record({
        case: caseArbitrary(output, loss),
        notation: fc.constantFrom(...NOTATION_IDS),
        eta: fc.double({ min: 0.01, max: 3, noNaN: true }),
        trainBiases: fc.boolean(),
        pick: fc.nat(),
        sample: fc.nat(),
      }),
    );
    fc.assert(
      fc.property(arbitrary, ({ case: c, notation, eta, trainBiases, pick, sample }) => {
        const ctx: PracticeContext = {
          network: c.network,
          samples: c.batch,
          sampleIndex: sample % c.batch.length,
          snapshot: runPass(c.network, c.batch),
          learningRate: eta,
          trainBiases,
          notation,
        };
        const all = quantitiesOf(c.network);
        // A handful of quantities per network, so every kind comes up across the runs.
        for (let k = 0; k < 6; k++) {
          const q = all[(pick + k * 7) % all.length] as Quantity;
          const truth = valueOf(q, ctx);
          expect(nameMistake(truth, q, ctx)).toBeNull();
          expect(nameMistake(Number(truth.toPrecision(3)), q, ctx)).toBeNull();
          for (const m of mistakesFor(q, ctx)) {
            expect(agrees(m.value, truth)).toBe(false);
            expect(Number.isFinite(m.value)).toBe(true);
            expect(m.message).not.toMatch(/[\\{}<>]/);
            expect(nameMistake(m.value, q, ctx)).not.toBeNull();
          }
        }
      }),
      { numRuns: 200, seed: 14 },
    );
  }, 120_000);
});
