/**
 * The equations of the activations added through the registry (issue 11), written out: ELU and
 * swish as definitions, with this unit's numbers, and their derivatives in the δ steps. The
 * numbers are worked by hand: z = −1 gives ELU = e^−1 − 1 = −0.632121 and ELU′ = e^−1 = 0.367879;
 * the output z = −0.632121 + 0.5 = −0.132121 gives σ(z) = 0.467018, swish = zσ(z) = −0.0617027
 * and swish′ = a + σ(z)(1 − a) = 0.434131.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATION_REGISTRY, ACTIVATIONS, isElementwise, type Network } from '../../../src/engine';
import { stepEquations, type EquationBlock } from '../../../src/math';
import {
  activationDefinition,
  activationSubstituted,
  derivativeTex,
} from '../../../src/math/activation';
import { activationName } from '../../../src/math/labels';
import { concreteActivationTex } from '../../../src/math/notation';
import { context } from './fixtures';

const network: Network = {
  inputSize: 1,
  loss: 'halfSse',
  layers: [
    { activation: 'elu', weights: [[-1, 0.5]], biases: [0, 0] },
    { activation: 'swish', weights: [[1], [1]], biases: [0] },
  ],
};
const samples = [{ x: [1], y: [0] }];
const blocks = (step: Parameters<typeof context>[2]): EquationBlock[] =>
  stepEquations(context(network, samples, step));
const activationBlock = (layer: number, unit: number) =>
  blocks({ kind: 'forward', layer, unit }).find((b) => b.title.startsWith('Activation'));

describe('ELU in the equations', () => {
  it('a = ELU(z) = z if z > 0, e^z − 1 otherwise, with z = −1 substituted', () => {
    const block = activationBlock(1, 0);
    expect(block?.title).toBe('Activation a₁⁽¹⁾ (ELU)');
    expect(block?.general).toBe(
      'a_{1}^{(1)} = \\operatorname{ELU}(z_{1}^{(1)}) = \\begin{cases} z_{1}^{(1)} & z_{1}^{(1)} > 0 \\\\ e^{z_{1}^{(1)}} - 1 & z_{1}^{(1)} \\le 0 \\end{cases}',
    );
    expect(block?.substituted).toBe(
      '= \\begin{cases} -1 & -1 > 0 \\\\ e^{-1} - 1 & -1 \\le 0 \\end{cases}',
    );
    expect(block?.result).toBe('= -0.632121');
    expect(activationBlock(1, 1)?.result).toBe('= 0.5');
  });

  it('the hidden δ multiplies by ELU′ = 1[z > 0] + (a + 1)·1[z ≤ 0], with the numbers', () => {
    const [delta] = blocks({ kind: 'hiddenDelta', layer: 1, unit: 0 });
    expect(delta?.general).toBe(
      "\\delta_{1}^{(1)} = \\left(w_{11}^{(2)}\\delta_{1}^{(2)}\\right)\\cdot \\operatorname{ELU}'(z_{1}^{(1)}) = \\left(w_{11}^{(2)}\\delta_{1}^{(2)}\\right)\\cdot (\\mathbf{1}[z_{1}^{(1)} > 0] + (a_{1}^{(1)} + 1)\\cdot\\mathbf{1}[z_{1}^{(1)} \\le 0])",
    );
    expect(delta?.substituted).toBe(
      '= \\left(1\\cdot (-0.0267871)\\right)\\cdot (\\mathbf{1}[-1 > 0] + (-0.632121 + 1)\\cdot\\mathbf{1}[-1 \\le 0]) = (-0.0267871)\\cdot 0.367879',
    );
    expect(delta?.result).toBe('= -0.00985441');
  });
});

describe('swish in the equations', () => {
  it('a = swish(z) = z σ(z) = z/(1 + e^−z), with z = −0.132121 substituted', () => {
    const block = activationBlock(2, 0);
    expect(block?.title).toBe('Activation a₁⁽²⁾ (swish)');
    expect(block?.general).toBe(
      'a_{1}^{(2)} = \\operatorname{swish}(z_{1}^{(2)}) = z_{1}^{(2)}\\,\\sigma(z_{1}^{(2)}) = \\frac{z_{1}^{(2)}}{1+e^{-z_{1}^{(2)}}}',
    );
    expect(block?.substituted).toBe('= \\frac{-0.132121}{1+e^{0.132121}}');
    expect(block?.result).toBe('= -0.0617027');
  });

  it('the output δ multiplies by swish′ = a + σ(z)(1 − a), with the numbers', () => {
    const [delta] = blocks({ kind: 'outputDelta', layer: 2, unit: 0 });
    expect(delta?.general).toBe(
      "\\delta_{1}^{(2)} = \\frac{\\partial L}{\\partial z_{1}^{(2)}} = \\frac{\\partial L}{\\partial a_{1}^{(2)}}\\cdot \\operatorname{swish}'(z_{1}^{(2)}) = (a_{1}^{(2)} - y_{1})\\cdot \\left(a_{1}^{(2)} + \\sigma(z_{1}^{(2)})(1 - a_{1}^{(2)})\\right)",
    );
    expect(delta?.substituted).toBe(
      '= ((-0.0617027) - 0)\\cdot (-0.0617027 + 0.467018(1 - (-0.0617027))) = (-0.0617027)\\cdot 0.434131',
    );
    expect(delta?.result).toBe('= -0.0267871');
  });
});

describe('the TeX and labels of every activation come from its record', () => {
  it.each(ACTIVATIONS)('%s', (activation) => {
    const record = ACTIVATION_REGISTRY[activation];
    expect(activationName(activation)).toBe(record.name);
    expect(concreteActivationTex(activation)).toBe(record.symbolTex);
    if (!isElementwise(activation)) {
      expect(activationDefinition(activation, 'z')).toBeNull();
      return;
    }
    const { elementwise } = ACTIVATION_REGISTRY[activation];
    const z = -0.75;
    const a = elementwise.f(z);
    const d = derivativeTex(activation, 'a', 'z', a, z);
    expect(d.value).toBe(elementwise.df(z, a));
    expect(d.general).toMatch(/\S/);
    // The substituted forms carry this unit's z (or its a); no symbol is left in them.
    expect(activationSubstituted(activation, z)).toMatch(/0\.75/);
    expect(activationSubstituted(activation, z)).not.toMatch(/[az]_|\\sigma\(z/);
    expect(d.substituted).not.toMatch(/\b[az]\b/);
  });
});
