import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { equationsToLatex } from '../../../src/math/latexExport';

describe('LaTeX export', () => {
  it('writes each block as display math under its title, skipping empty lines', () => {
    const text = equationsToLatex('Forward pass — layer 1', [
      {
        title: 'z of unit 1',
        general: 'z_1 = w_{11}x_1 + b_1',
        substituted: '= 0.15\\cdot 0.05 + 0.35',
        result: '= 0.3575',
      },
      { title: 'Start', general: '', substituted: '', result: '' },
    ]);
    expect(text).toContain('% Backstep — Forward pass — layer 1');
    expect(text).toContain(
      '% z of unit 1\n\\[ z_1 = w_{11}x_1 + b_1 \\]\n\\[ = 0.15\\cdot 0.05 + 0.35 \\]\n\\[ = 0.3575 \\]',
    );
    expect(text).toContain('% Start\n');
    expect(text).not.toContain('\\[  \\]');
    for (const [, tex] of text.matchAll(/\\\[ (.*) \\\]/g))
      expect(() => katex.renderToString(tex as string, { throwOnError: true })).not.toThrow();
  });
});
