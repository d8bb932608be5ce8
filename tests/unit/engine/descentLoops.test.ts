import { describe, expect, it } from 'vitest';
import { descend } from '../../../src/engine/descent';
import {
  allocateMoments,
  moveParameter,
  newMove,
  OPTIMIZER_REGISTRY,
  type Optimizer,
} from '../../../src/engine/optimizers';
import type { Penalty } from '../../../src/engine/regularization';

/**
 * descent.ts has a loop per optimizer (for speed); moveParameter (optimizers.ts) is the rule the
 * stepper's equations show. They must agree to the last bit, in place or into a second set of
 * state buffers (the trainer's), with and without a penalty and frozen biases.
 */
const OPTIMIZERS: Optimizer[] = [
  ...Object.values(OPTIMIZER_REGISTRY).map((r) => r.defaults),
  { kind: 'momentum', momentum: 0.7, nesterov: true },
  { kind: 'rmsprop', alpha: 0.5, epsilon: 1e-3 },
  { kind: 'adam', beta1: 0.3, beta2: 0.6, epsilon: 0.01 },
];

const wave = (n: number, phase: number) =>
  Float64Array.from({ length: n }, (_, k) => Math.sin(1.3 * k + phase) * (k % 3 === 0 ? 1e-4 : 2));

describe('the optimizers’ loops', () => {
  for (const optimizer of OPTIMIZERS) {
    for (const penalty of [
      { kind: 'none', rate: 0 },
      { kind: 'L2', rate: 0.01 },
      { kind: 'L1', rate: 0.003 },
    ] as Penalty[]) {
      for (const trainBiases of [true, false]) {
        it(`${JSON.stringify(optimizer)}, ${penalty.kind}, biases ${trainBiases ? 'trained' : 'frozen'}: moveParameter's numbers to the last bit`, () => {
          const sizes = [3, 4];
          const W = wave(12, 0);
          const b = wave(4, 1);
          const step = {
            learningRate: 0.05,
            batchCount: 3,
            penalty,
            trainBiases,
            bound: 1e6,
            optimizer,
          };
          const inPlace = allocateMoments(sizes, optimizer)[0]!;
          const from = allocateMoments(sizes, optimizer)[0]!;
          const into = allocateMoments(sizes, optimizer)[0]!;
          const Wa = W.slice();
          const ba = b.slice();
          const Wb = W.slice();
          const bb = b.slice();
          // The expected: moveParameter per parameter, state kept in plain arrays.
          const We = Array.from(W);
          const be = Array.from(b);
          const state = {
            mW: We.map(() => 0),
            vW: We.map(() => 0),
            mb: be.map(() => 0),
            vb: be.map(() => 0),
          };
          const move = newMove();
          for (let t = 1; t <= 4; t++) {
            const gW = wave(12, t);
            const gb = wave(4, t + 0.5);
            descend(Wa, ba, gW, gb, { ...step, t }, inPlace);
            descend(Wb, bb, gW, gb, { ...step, t }, from, into);
            // The trainer swaps the two sets after each step.
            for (const key of ['mW', 'mb', 'vW', 'vb'] as const) {
              const a = from[key];
              from[key] = into[key];
              into[key] = a;
            }
            We.forEach((w, k) => {
              let g = (gW[k] as number) / 3;
              if (penalty.kind === 'L2') g += penalty.rate * w;
              if (penalty.kind === 'L1') g += penalty.rate * Math.sign(w);
              moveParameter(optimizer, 0.05, t, g, state.mW[k]!, state.vW[k]!, move);
              state.mW[k] = move.m;
              state.vW[k] = move.v;
              We[k] = w - move.step;
            });
            if (trainBiases) {
              be.forEach((v, j) => {
                moveParameter(
                  optimizer,
                  0.05,
                  t,
                  (gb[j] as number) / 3,
                  state.mb[j]!,
                  state.vb[j]!,
                  move,
                );
                state.mb[j] = move.m;
                state.vb[j] = move.v;
                be[j] = v - move.step;
              });
            }
          }
          expect(Array.from(Wa)).toEqual(We);
          expect(Array.from(ba)).toEqual(be);
          expect(Array.from(Wb)).toEqual(We);
          expect(Array.from(bb)).toEqual(be);
          if (from.vW) expect(Array.from(from.vW)).toEqual(state.vW);
          if (from.vb) expect(Array.from(from.vb)).toEqual(state.vb);
          if (from.mW) expect(Array.from(from.mW)).toEqual(state.mW);
          if (inPlace.vW) expect(Array.from(inPlace.vW)).toEqual(state.vW);
        });
      }
    }
  }
});
