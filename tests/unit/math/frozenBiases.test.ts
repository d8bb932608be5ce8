/** The update step with "Train biases" off: the biases stay, said in words and in TeX. */
import { describe, expect, it } from 'vitest';
import {
  matrixEquations,
  stepDescription,
  stepEquations,
  stepSummary,
  type EquationBlock,
} from '../../../src/math';
import { classic, classicContext } from './fixtures';

const frozen = (notation: 'standard' | 'lfd' | 'rowVector' = 'standard') => ({
  ...classicContext({ kind: 'update' }, notation),
  trainBiases: false,
});
const titles = (blocks: EquationBlock[]) => blocks.map((b) => b.title);

describe('the update with the biases frozen (classic 2-2-2, η = 0.5)', () => {
  it('steps the weights, keeps the biases, and the loss falls to the tutorial’s 0.291028', () => {
    const blocks = stepEquations(frozen());
    expect(blocks).toHaveLength(2 + 12);
    expect(blocks[0]?.title).toBe('Loss after the update: 0.291028 (was 0.298371)');
    expect(blocks[0]?.substituted).toBe('= 0.291028 - 0.298371');
    const w11 = blocks.find((b) => b.title === 'Update w₁₁⁽²⁾');
    expect(w11?.result).toBe('= 0.358916');
    const b1 = blocks.find((b) => b.title.startsWith('b₁⁽²⁾'));
    expect(b1).toEqual({
      title: 'b₁⁽²⁾ stays (biases frozen)',
      general: 'b_{1}^{(2)} \\leftarrow b_{1}^{(2)}',
      substituted: '',
      result: '= 0.6',
    });
    expect(titles(blocks).filter((t) => t.startsWith('Update b'))).toEqual([]);
    expect(titles(stepEquations(classicContext({ kind: 'update' })))).toContain('Update b₁⁽²⁾');
  });

  it('in matrix form: the bias vector stays; with biases as row 0 (LFD) that row stays', () => {
    const standard = matrixEquations(frozen());
    const stays = standard.find((b) => b.title === 'The biases of layer 2 stay (biases frozen)');
    expect(stays?.general).toMatch(/\\leftarrow/);
    expect(stays?.general).not.toMatch(/partial/);
    expect(stays?.result).toContain('0.6');
    const lfd = matrixEquations(frozen('lfd'));
    const layer1 = lfd.find((b) => b.title.startsWith('Update layer 1'));
    expect(layer1?.title).toBe(
      'Update layer 1: every weight but the bias row 0, which stays (biases frozen)',
    );
  });

  it('says so in the step’s description and in the screen-reader summary', () => {
    const ctx = frozen();
    expect(stepDescription({ kind: 'update' }, classic, 'standard', false)).toMatch(
      /^Gradient descent: every weight moves against its gradient.*The biases are frozen \("Train biases" is off\): they keep their values\.$/,
    );
    expect(stepDescription({ kind: 'update' }, classic, 'standard')).toMatch(
      /every weight and bias moves/,
    );
    const summary = stepSummary(
      { kind: 'update' },
      { ...ctx, digits: 4, updated: { network: classic, loss: 0.291027774 } },
    );
    expect(summary).toBe(
      'Applied gradient descent to every weight (the biases are frozen); the loss went from 0.2984 to 0.291.',
    );
  });
});
