import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { runPass } from '../../../src/engine';
import {
  chainRuleEquation,
  lossConventionTex,
  matrixEquations,
  notationOf,
  stepEquations,
  texNumber,
  type EquationBlock,
} from '../../../src/math';
import type { Selection } from '../../../src/store/types';
import { allSteps, NETWORKS, NOTATION_IDS } from './fixtures';

function expectRenders(block: EquationBlock, where: string): void {
  for (const tex of [block.general, block.substituted, block.result]) {
    // A NaN is written as the hidden number "?" (format.ts): none may appear unasked.
    expect(tex, where).not.toMatch(/NaN|\?|undefined|Infinity|null/);
    expect(
      () => katex.renderToString(tex, { throwOnError: true }),
      `${where}: ${tex}`,
    ).not.toThrow();
  }
  expect(block.title, where).not.toMatch(/NaN|\?|undefined|\\/);
}

describe('every TeX string renders with KaTeX', () => {
  for (const { name, network, samples } of NETWORKS) {
    // One test per notation, each with its own time budget: the large network has many steps.
    for (const notation of NOTATION_IDS) {
      it(`${name}: every step, both granularities, per unit and matrix form, in ${notation}`, () => {
        const snapshot = runPass(network, samples);
        const sampleIndex = samples.length - 1;
        for (const step of allSteps(network)) {
          const ctx = {
            network,
            snapshot,
            samples,
            sampleIndex,
            step,
            notation,
            learningRate: 0.5,
          };
          const where = `${notation} ${JSON.stringify(step)}`;
          const blocks = stepEquations(ctx);
          expect(blocks.length, where).toBeGreaterThan(0);
          for (const block of blocks) expectRenders(block, where);
          const matrix = matrixEquations(ctx);
          expect(matrix.length, where).toBeGreaterThan(0);
          for (const block of matrix) expectRenders(block, `${where} (matrix)`);
        }
        expect(() =>
          katex.renderToString(
            lossConventionTex(network.loss, notation, network.layers.at(-1)?.biases.length ?? 1),
            { throwOnError: true },
          ),
        ).not.toThrow();
      }, 30_000);
    }

    it(`${name}: the chain rule of every weight, bias and unit`, () => {
      const snapshot = runPass(network, samples);
      for (const notation of NOTATION_IDS) {
        const ctx = { network, snapshot, samples, sampleIndex: 0, notation, learningRate: 0.5 };
        const selections: Selection[] = [];
        network.layers.forEach((layer, index) => {
          const l = index + 1;
          layer.biases.forEach((_, j) => {
            selections.push(
              { kind: 'bias', layer: l, unit: j },
              { kind: 'unit', layer: l, unit: j },
            );
            layer.weights.forEach((_row, i) =>
              selections.push({ kind: 'weight', layer: l, from: i, to: j }),
            );
          });
        });
        for (let i = 0; i < network.inputSize; i++)
          selections.push({ kind: 'unit', layer: 0, unit: i });
        for (const selection of selections) {
          const block = chainRuleEquation(ctx, selection);
          expect(block, JSON.stringify(selection)).not.toBeNull();
          if (block) expectRenders(block, `${notation} ${JSON.stringify(selection)}`);
        }
      }
    }, 30_000);
  }
});

describe('the numbers agree with the engine', () => {
  for (const { name, network, samples } of NETWORKS) {
    it(`${name}: every gradient result is the snapshot's batch mean`, () => {
      const snapshot = runPass(network, samples);
      for (const notation of NOTATION_IDS) {
        for (let l = 1; l <= network.layers.length; l++) {
          const ctx = {
            network,
            snapshot,
            samples,
            sampleIndex: 0,
            step: { kind: 'gradients' as const, layer: l },
            notation,
            learningRate: 0.5,
          };
          const results = stepEquations(ctx).map((b) => b.result);
          const grads = snapshot.grads[l - 1];
          const expected: string[] = [];
          network.layers[l - 1]?.biases.forEach((_, j) => {
            const weights = Array.from(
              { length: grads?.dW.length ?? 0 },
              (_, i) => grads?.dW[i]?.[j] as number,
            );
            const bias = grads?.db[j] as number;
            const ordered =
              notationOf(notation).bias === 'weightZero' ? [bias, ...weights] : [...weights, bias];
            expected.push(...ordered.map((g) => `= ${texNumber(g)}`));
          });
          expect(results).toEqual(expected);
        }
      }
    });

    it(`${name}: every output and hidden δ result is the snapshot's δ`, () => {
      const snapshot = runPass(network, samples);
      const s = samples.length - 1;
      const L = network.layers.length;
      for (let l = L; l >= 1; l--) {
        const step =
          l === L
            ? { kind: 'outputDelta' as const, layer: l }
            : { kind: 'hiddenDelta' as const, layer: l };
        const ctx = {
          network,
          snapshot,
          samples,
          sampleIndex: s,
          step,
          notation: 'standard' as const,
          learningRate: 0.5,
        };
        const deltas = Array.from(snapshot.samples[s]?.layers[l - 1]?.delta ?? []);
        expect(stepEquations(ctx).map((b) => b.result)).toEqual(
          deltas.map((d) => `= ${texNumber(d)}`),
        );
      }
    });
  }
});
