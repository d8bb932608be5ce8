import { describe, expect, it } from 'vitest';
import { passSteps, runPass, type PassStep } from '../../../src/engine';
import {
  matrixEquations,
  stepEquations,
  stepSummary,
  type EquationBlock,
  type EquationContext,
} from '../../../src/math';
import { formatNumber, texNumber } from '../../../src/math/format';
import { updatedOf } from '../../../src/math/update';
import { helpAfter, questionBlock, withHelp } from '../../../src/practice/help';
import { maskPass } from '../../../src/practice/mask';
import { questionsOfStep } from '../../../src/practice/questions';
import { QUANTITY_KINDS, type PracticeContext, type Question } from '../../../src/practice/types';
import { NETWORKS, NOTATION_IDS } from '../math/fixtures';

/** Every TeX string and title of a list of blocks, one text. */
const textOf = (blocks: EquationBlock[]) =>
  blocks.map((b) => [b.title, b.general, b.substituted, b.result].join(' ')).join('\n');

function contexts(network: EquationContext['network'], samples: EquationContext['samples']) {
  const snapshot = runPass(network, samples);
  return (step: PassStep, notation: EquationContext['notation']) => {
    const ctx: EquationContext = {
      network,
      snapshot,
      samples,
      sampleIndex: samples.length - 1,
      step,
      notation,
      learningRate: 0.5,
      trainBiases: true,
    };
    return step.kind === 'update' ? { ...ctx, updated: updatedOf(ctx) } : ctx;
  };
}

const practiceOf = (ctx: EquationContext): PracticeContext => ({
  ...ctx,
  trainBiases: ctx.trainBiases ?? true,
});

/** Does the text show this number as a number of its own (not inside a longer one)? */
function showsNumber(text: string, number: string): boolean {
  const escaped = number.replace(/[.\\{}()^]/g, '\\$&');
  return new RegExp(`(?<![\\d.])${escaped}(?![\\d])`).test(text);
}

/** A number distinctive enough to look for: three significant digits or more. */
const distinctive = (value: number) =>
  texNumber(value, 6).replace(/[^\d]/g, '').replace(/^0+/, '').length >= 3;

/** The step's equations, matrix form and live-region sentence, with these questions hidden. */
function shownText(ctx: EquationContext, hidden: Question[]): { tex: string; summary: string } {
  const pass = { snapshot: ctx.snapshot, ...(ctx.updated ? { updated: ctx.updated } : {}) };
  const masked = {
    ...ctx,
    ...maskPass(
      pass,
      ctx.sampleIndex,
      hidden.map((q) => q.quantity),
    ),
  };
  return {
    tex: textOf([...stepEquations(masked), ...matrixEquations(masked)]),
    summary: stepSummary(ctx.step, { ...masked, digits: 4 }),
  };
}

describe('a hidden number', () => {
  it('is NaN in the pass, written "?" in TeX and in text; nothing hidden is the same pass', () => {
    expect(texNumber(NaN, 6)).toBe('?');
    expect(formatNumber(NaN, 4)).toBe('?');
    const pass = { snapshot: runPass(NETWORKS[0]!.network, NETWORKS[0]!.samples) };
    expect(maskPass(pass, 0, [])).toBe(pass);
    const masked = maskPass(pass, 0, [{ kind: 'dW', layer: 2, from: 1, to: 0 }]);
    expect(masked.snapshot.grads[1]?.dW[1]?.[0]).toBeNaN();
    expect(masked.snapshot.grads[1]?.dW[0]?.[0]).toBe(pass.snapshot.grads[1]?.dW[0]?.[0]);
    // The engine's own snapshot is left as it was.
    expect(pass.snapshot.grads[1]?.dW[1]?.[0]).toBeCloseTo(0.082667628, 8);
  });
});

describe('a pending value shows nowhere in the equations, the matrix form or the live region', () => {
  // The classic example's numbers are distinctive: a search of the text finds any leak. (Elsewhere
  // a number may show for another reason: δ = a − y when y = 0 is a, shown as a factor.)
  const [classic] = NETWORKS;
  for (const granularity of ['layer', 'unit'] as const) {
    it(`the classic pass, step by ${granularity}, every notation`, () => {
      const make = contexts(classic!.network, classic!.samples);
      for (const notation of NOTATION_IDS) {
        for (const step of passSteps(classic!.network, granularity)) {
          const ctx = make(step, notation);
          // ∂L/∂b is δ, shown since the δ step: only the other kinds can be looked for.
          const questions = questionsOfStep(step, practiceOf(ctx), QUANTITY_KINDS).filter(
            (q) => q.quantity.kind !== 'db',
          );
          const open = shownText(ctx, []);
          const hidden = shownText(ctx, questions);
          for (const q of questions) {
            const where = `${notation} ${q.key}`;
            // Shown when nothing is hidden (so the search can fail), never while it is.
            expect(showsNumber(open.tex, texNumber(q.value, 6)), where).toBe(true);
            expect(showsNumber(hidden.tex, texNumber(q.value, 6)), where).toBe(false);
            expect(showsNumber(hidden.tex, texNumber(q.value, 4)), where).toBe(false);
            // The update's sentence names the loss, not every new weight.
            if (step.kind !== 'update')
              expect(showsNumber(open.summary, formatNumber(q.value, 4)), where).toBe(true);
            expect(showsNumber(hidden.summary, formatNumber(q.value, 4)), where).toBe(false);
          }
          if (questions.length > 0) expect(hidden.tex).toContain('?');
        }
      }
    });
  }

  for (const { name, network, samples } of NETWORKS) {
    it(`${name}: the live region names no pending value`, () => {
      const make = contexts(network, samples);
      for (const step of passSteps(network, 'layer')) {
        const ctx = make(step, 'standard');
        const questions = questionsOfStep(step, practiceOf(ctx), QUANTITY_KINDS);
        const hidden = shownText(ctx, questions);
        for (const q of questions.filter((q) => distinctive(q.value))) {
          expect(showsNumber(hidden.summary, formatNumber(q.value, 4)), q.key).toBe(false);
        }
      }
    });
  }
});

describe('the help for a question', () => {
  const [classic] = NETWORKS;
  const make = contexts(classic!.network, classic!.samples);

  // Not the large network: each of its thousands of questions builds its step's equations again.
  for (const { name, network, samples } of NETWORKS.filter((n) => !n.name.includes('large'))) {
    it(`${name}: the help is the equation that computes the value, every pending value hidden`, () => {
      const makeOne = contexts(network, samples);
      for (const notation of NOTATION_IDS) {
        for (const step of passSteps(network, 'unit')) {
          const ctx = makeOne(step, notation);
          const questions = questionsOfStep(step, practiceOf(ctx), QUANTITY_KINDS);
          const pass = { snapshot: ctx.snapshot, ...(ctx.updated ? { updated: ctx.updated } : {}) };
          const shown = maskPass(
            pass,
            ctx.sampleIndex,
            questions.map((q) => q.quantity),
          );
          for (const q of questions) {
            const block = questionBlock(ctx, q.quantity, shown);
            expect(block?.result, `${notation} ${q.key}`).toBe('= ?');
          }
        }
      }
    });
  }

  it('finds the pre-activation of z₂⁽¹⁾ with its numbers', () => {
    const z = questionBlock(
      make({ kind: 'forward', layer: 1 }, 'standard'),
      {
        kind: 'z',
        layer: 1,
        unit: 1,
      },
      maskPass({ snapshot: runPass(classic!.network, classic!.samples) }, 0, [
        { kind: 'z', layer: 1, unit: 1 },
      ]),
    );
    expect(z?.title).toBe('Pre-activation z₂⁽¹⁾');
    expect(z?.substituted).toBe('= 0.25\\cdot 0.05 + 0.3\\cdot 0.1 + 0.35');
  });

  it('climbs the hint ladder: symbols after one wrong try, numbers after two', () => {
    expect(helpAfter('none', 0)).toBe('none');
    expect(helpAfter('none', 1)).toBe('symbols');
    expect(helpAfter('none', 2)).toBe('numbers');
    expect(helpAfter('numbers', 0)).toBe('numbers');
    expect(helpAfter('symbols', 5)).toBe('numbers');
    const block = {
      title: 'Pre-activation z₁⁽¹⁾',
      general: 'z',
      substituted: '= 1 + 2',
      result: '= ?',
    };
    expect(withHelp(block, 'numbers')).toEqual(block);
    expect(withHelp(block, 'symbols')).toEqual({ ...block, substituted: '', result: '' });
    expect(withHelp(block, 'none')).toEqual({
      title: 'Pre-activation z₁⁽¹⁾: predict it first',
      general: '',
      substituted: '',
      result: '',
    });
    expect(withHelp({ ...block, result: '= 0.3775' }, 'none').general).toBe('z');
  });
});
