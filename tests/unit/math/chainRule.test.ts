import { describe, expect, it } from 'vitest';
import { chainRuleEquation } from '../../../src/math';
import type { NotationId } from '../../../src/store/types';
import { classicContext, context, NETWORKS } from './fixtures';

// The chain rule does not depend on the step: a full context (as the equations panel passes) will do.
const base = (notation: NotationId = 'standard') => classicContext({ kind: 'start' }, notation);

describe('chainRuleEquation', () => {
  it('writes an output weight as ∂L/∂a · ∂a/∂z · ∂z/∂w with each factor’s value', () => {
    const block = chainRuleEquation(base(), { kind: 'weight', layer: 2, from: 0, to: 0 });
    expect(block?.title).toBe('Chain rule for w₁₁⁽²⁾');
    expect(block?.general).toBe(
      "\\frac{\\partial L}{\\partial w_{11}^{(2)}} = \\frac{\\partial L}{\\partial a_{1}^{(2)}}\\cdot \\frac{\\partial a_{1}^{(2)}}{\\partial z_{1}^{(2)}}\\cdot \\frac{\\partial z_{1}^{(2)}}{\\partial w_{11}^{(2)}} = (a_{1}^{(2)} - y_{1})\\cdot \\sigma'(z_{1}^{(2)})\\cdot a_{1}^{(1)}",
    );
    expect(block?.substituted).toBe('= 0.741365\\cdot 0.186816\\cdot 0.59327');
    expect(block?.result).toBe('= 0.082167');
  });

  it('writes a hidden weight with the sum over the next layer (each δ_k as a value)', () => {
    const block = chainRuleEquation(base(), { kind: 'weight', layer: 1, from: 0, to: 0 });
    expect(block?.general).toBe(
      "\\frac{\\partial L}{\\partial w_{11}^{(1)}} = \\left(\\sum_{k=1}^{2} \\frac{\\partial L}{\\partial z_{k}^{(2)}}\\,\\frac{\\partial z_{k}^{(2)}}{\\partial a_{1}^{(1)}}\\right)\\cdot \\frac{\\partial a_{1}^{(1)}}{\\partial z_{1}^{(1)}}\\cdot \\frac{\\partial z_{1}^{(1)}}{\\partial w_{11}^{(1)}} = \\left(\\sum_{k=1}^{2} w_{1k}^{(2)}\\delta_{k}^{(2)}\\right)\\cdot \\sigma'(z_{1}^{(1)})\\cdot x_{1}",
    );
    expect(block?.substituted).toBe(
      '= \\left(0.4\\cdot 0.138499 + 0.5\\cdot (-0.0380982)\\right)\\cdot 0.241301\\cdot 0.05 = 0.0363503\\cdot 0.241301\\cdot 0.05',
    );
    expect(block?.result).toBe('= 0.000438568');
  });

  it('ends a bias’s chain with ∂z/∂b = 1', () => {
    const block = chainRuleEquation(base(), { kind: 'bias', layer: 2, unit: 1 });
    expect(block?.general).toMatch(/\\cdot 1$/);
    expect(block?.substituted).toBe('= (-0.217072)\\cdot 0.17551\\cdot 1');
    expect(block?.result).toBe('= -0.0380982');
  });

  it('summarises a unit’s z, a and δ, and an input’s value', () => {
    const unit = chainRuleEquation(base(), { kind: 'unit', layer: 1, unit: 0 });
    expect(unit?.result).toBe(
      'z_{1}^{(1)} = 0.3775, \\quad a_{1}^{(1)} = 0.59327, \\quad \\delta_{1}^{(1)} = 0.00877135',
    );
    expect(chainRuleEquation(base(), { kind: 'unit', layer: 0, unit: 1 })?.result).toBe(
      'x_{2} = 0.1',
    );
  });

  it('returns null for a selection the network does not have', () => {
    expect(chainRuleEquation(base(), { kind: 'weight', layer: 3, from: 0, to: 0 })).toBeNull();
    expect(chainRuleEquation(base(), { kind: 'weight', layer: 1, from: 2, to: 0 })).toBeNull();
    expect(chainRuleEquation(base(), { kind: 'bias', layer: 1, unit: 2 })).toBeNull();
    expect(chainRuleEquation(base(), { kind: 'unit', layer: 3, unit: 0 })).toBeNull();
  });

  it('uses each notation’s symbols', () => {
    const lfd = chainRuleEquation(base('lfd'), { kind: 'bias', layer: 2, unit: 0 });
    expect(lfd?.general).toMatch(/^\\frac\{\\partial e\}\{\\partial w_\{01\}\^\{\(2\)\}\}/);
    expect(lfd?.general).toMatch(/\\cdot x_\{0\}\^\{\(1\)\}$/);
    const rows = chainRuleEquation(base('rowVector'), { kind: 'weight', layer: 2, from: 0, to: 0 });
    expect(rows?.general).toContain(
      "((x_{2})_{1} - y_{1})\\cdot f'((x_{1}W_{2} + b_{2})_{1})\\cdot (x_{1})_{1}",
    );
  });

  it('for softmax + cross-entropy folds the output factors into δ = a − y, per sample', () => {
    const { network, samples } = NETWORKS[1] as (typeof NETWORKS)[number];
    const ctx = context(network, samples, { kind: 'start' });
    const block = chainRuleEquation(ctx, { kind: 'weight', layer: 2, from: 0, to: 0 });
    expect(block?.title).toMatch(
      /^Chain rule for w₁₁⁽²⁾ — sample 1; ∂L\/∂w₁₁⁽²⁾ is the mean over the 3 samples, /,
    );
    expect(block?.general).toBe(
      '\\frac{\\partial L_{1}}{\\partial w_{11}^{(2)}} = \\frac{\\partial L_{1}}{\\partial z_{1}^{(2)}}\\cdot \\frac{\\partial z_{1}^{(2)}}{\\partial w_{11}^{(2)}} = (a_{1}^{(2)} - y_{1})\\cdot a_{1}^{(1)}',
    );
  });
});
