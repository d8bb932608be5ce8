import { describe, expect, it } from 'vitest';
import { passSteps, runPass, type PassStep } from '../../../src/engine';
import { questionKey, questionsOfStep } from '../../../src/practice/questions';
import { QUANTITY_KINDS, type PracticeContext } from '../../../src/practice/types';
import { classic, classicSamples } from '../math/fixtures';

/** The classic 2-2-2 example (Mazur's): η = 0.5, one sample, the numbers worked by hand. */
function practice(trainBiases = true): PracticeContext {
  return {
    network: classic,
    samples: classicSamples,
    sampleIndex: 0,
    snapshot: runPass(classic, classicSamples),
    learningRate: 0.5,
    trainBiases,
    notation: 'standard',
  };
}

const keysAndValues = (step: PassStep, asked = QUANTITY_KINDS, ctx = practice()) =>
  questionsOfStep(step, ctx, asked).map((q) => [q.key, q.value] as const);

function expectValues(
  actual: readonly (readonly [string, number])[],
  expected: [string, number][],
) {
  expect(actual.map(([key]) => key)).toEqual(expected.map(([key]) => key));
  actual.forEach(([, value], k) => expect(value).toBeCloseTo(expected[k]?.[1] ?? NaN, 8));
}

describe('questionsOfStep on the classic 2-2-2 pass', () => {
  it('a forward step asks z then a of each unit', () => {
    expectValues(keysAndValues({ kind: 'forward', layer: 1 }), [
      ['z:1:0@0', 0.3775],
      ['a:1:0@0', 0.593269992],
      ['z:1:1@0', 0.3925],
      ['a:1:1@0', 0.596884378],
    ]);
    expectValues(keysAndValues({ kind: 'forward', layer: 2, unit: 1 }), [
      ['z:2:1@0', 1.224921404],
      ['a:2:1@0', 0.772928465],
    ]);
  });

  it('the loss, then each δ', () => {
    expectValues(keysAndValues({ kind: 'loss' }), [['loss', 0.298371109]]);
    expectValues(keysAndValues({ kind: 'outputDelta', layer: 2 }), [
      ['delta:2:0@0', 0.138498562],
      ['delta:2:1@0', -0.038098236],
    ]);
    expectValues(keysAndValues({ kind: 'hiddenDelta', layer: 1 }), [
      ['delta:1:0@0', 0.008771354],
      ['delta:1:1@0', 0.009954254],
    ]);
  });

  it('a gradient step asks each ∂L/∂w into a unit, then its ∂L/∂b', () => {
    expectValues(keysAndValues({ kind: 'gradients', layer: 2 }), [
      ['dW:2:0:0', 0.082167041],
      ['dW:2:1:0', 0.082667628],
      ['db:2:0', 0.138498562],
      ['dW:2:0:1', -0.02260254],
      ['dW:2:1:1', -0.022740242],
      ['db:2:1', -0.038098236],
    ]);
    expectValues(keysAndValues({ kind: 'gradients', layer: 1, unit: 0 }), [
      ['dW:1:0:0', 0.000438568],
      ['dW:1:1:0', 0.000877135],
      ['db:1:0', 0.008771354],
    ]);
  });

  it('the update asks each new weight and bias, output layer first; no bias when they are frozen', () => {
    const update = keysAndValues({ kind: 'update' });
    expect(update).toHaveLength(12);
    expectValues(update.slice(0, 3), [
      ['w:2:0:0', 0.35891648],
      ['w:2:1:0', 0.408666186],
      ['b:2:0', 0.530750719],
    ]);
    expectValues(update.slice(6, 7), [['w:1:0:0', 0.149780716]]);
    const frozen = keysAndValues({ kind: 'update' }, QUANTITY_KINDS, practice(false));
    expect(frozen.map(([key]) => key)).toEqual([
      'w:2:0:0',
      'w:2:1:0',
      'w:2:0:1',
      'w:2:1:1',
      'w:1:0:0',
      'w:1:1:0',
      'w:1:0:1',
      'w:1:1:1',
    ]);
  });

  it('asks only the kinds asked, and nothing at the start', () => {
    expect(keysAndValues({ kind: 'forward', layer: 1 }, ['a']).map(([key]) => key)).toEqual([
      'a:1:0@0',
      'a:1:1@0',
    ]);
    expect(keysAndValues({ kind: 'gradients', layer: 2 }, ['z', 'delta'])).toEqual([]);
    expect(keysAndValues({ kind: 'start' })).toEqual([]);
  });

  it('a whole pass asks every quantity once, with distinct keys', () => {
    const keys = passSteps(classic, 'unit').flatMap((step) =>
      questionsOfStep(step, practice(), QUANTITY_KINDS).map((q) => q.key),
    );
    // z, a, δ of 4 units, the loss, 8 ∂L/∂w, 4 ∂L/∂b, 8 w, 4 b.
    expect(keys).toHaveLength(12 + 1 + 8 + 4 + 8 + 4);
    expect(new Set(keys).size).toBe(keys.length);
    expect(questionKey({ kind: 'dW', layer: 2, from: 1, to: 0 })).toBe('dW:2:1:0');
  });
});
