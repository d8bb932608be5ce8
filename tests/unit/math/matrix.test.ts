import { describe, expect, it } from 'vitest';
import { matrixEquations } from '../../../src/math';
import { classicContext, context, NETWORKS } from './fixtures';

describe('matrixEquations', () => {
  it('writes the forward pass as z = Wᵀa + b with every shape and the numbers', () => {
    const [z, a] = matrixEquations(classicContext({ kind: 'forward', layer: 1 }));
    expect(z?.general).toBe(
      '\\underset{2\\times 1}{z^{(1)}} = \\underset{2\\times 2}{(W^{(1)})^{\\mathsf T}}\\,\\underset{2\\times 1}{x} + \\underset{2\\times 1}{b^{(1)}}',
    );
    expect(z?.substituted).toBe(
      '= \\begin{bmatrix} 0.15 & 0.2 \\\\ 0.25 & 0.3 \\end{bmatrix}\\begin{bmatrix} 0.05 \\\\ 0.1 \\end{bmatrix} + \\begin{bmatrix} 0.35 \\\\ 0.35 \\end{bmatrix}',
    );
    expect(z?.result).toBe('= \\begin{bmatrix} 0.3775 \\\\ 0.3925 \\end{bmatrix}');
    expect(a?.general).toBe('\\underset{2\\times 1}{a^{(1)}} = \\sigma(z^{(1)})');
    expect(a?.result).toBe('= \\begin{bmatrix} 0.5933 \\\\ 0.5969 \\end{bmatrix}');
  });

  it('shows a unit step in the form of its whole layer', () => {
    expect(matrixEquations(classicContext({ kind: 'forward', layer: 2, unit: 1 }))).toEqual(
      matrixEquations(classicContext({ kind: 'forward', layer: 2 })),
    );
  });

  it('writes δ^(L) = (a − y) ⊙ σ′(z) and δ^(l) = (W δ) ⊙ σ′(z) with shapes', () => {
    const [out] = matrixEquations(classicContext({ kind: 'outputDelta', layer: 2 }));
    expect(out?.general).toBe(
      "\\underset{2\\times 1}{\\delta^{(2)}} = (a^{(2)} - y) \\odot \\sigma'(z^{(2)})",
    );
    expect(out?.result).toBe('= \\begin{bmatrix} 0.1385 \\\\ -0.0381 \\end{bmatrix}');
    const [hidden] = matrixEquations(classicContext({ kind: 'hiddenDelta', layer: 1 }));
    expect(hidden?.general).toBe(
      "\\underset{2\\times 1}{\\delta^{(1)}} = \\left(\\underset{2\\times 2}{W^{(2)}}\\,\\underset{2\\times 1}{\\delta^{(2)}}\\right) \\odot \\underset{2\\times 1}{\\sigma'(z^{(1)})}",
    );
    expect(hidden?.result).toBe('= \\begin{bmatrix} 0.008771 \\\\ 0.009954 \\end{bmatrix}');
  });

  it('writes ∂L/∂W = a (δ)ᵀ as (n_{l−1}×1)(1×n_l) and ∂L/∂b = δ', () => {
    const [dW, db] = matrixEquations(classicContext({ kind: 'gradients', layer: 2 }));
    expect(dW?.title).toContain('(2×1)(1×2) = 2×2');
    expect(dW?.general).toBe(
      '\\underset{2\\times 2}{\\frac{\\partial L}{\\partial W^{(2)}}} = \\underset{2\\times 1}{a^{(1)}}\\,\\underset{1\\times 2}{(\\delta^{(2)})^{\\mathsf T}}',
    );
    expect(dW?.result).toBe(
      '= \\begin{bmatrix} 0.08217 & -0.0226 \\\\ 0.08267 & -0.02274 \\end{bmatrix}',
    );
    expect(db?.general).toBe(
      '\\underset{2\\times 1}{\\frac{\\partial L}{\\partial b^{(2)}}} = \\delta^{(2)}',
    );
  });

  it('in note 004’s row vectors: x_i = f(x_{i−1}W_i + b_i), k_i = (k_{i+1}W_{i+1}ᵀ) ⊙ f′, ∂E/∂W_i = x_{i−1}ᵀk_i', () => {
    const [forward] = matrixEquations(classicContext({ kind: 'forward', layer: 1 }, 'rowVector'));
    expect(forward?.title).toContain('(1×2)(2×2) = 1×2');
    expect(forward?.general).toBe(
      '\\underset{1\\times 2}{x_{1}} = f\\left(\\underset{1\\times 2}{x_{0}}\\,\\underset{2\\times 2}{W_{1}} + \\underset{1\\times 2}{b_{1}}\\right)',
    );
    expect(forward?.result).toBe('= \\begin{bmatrix} 0.5933 & 0.5969 \\end{bmatrix}');
    const [hidden] = matrixEquations(
      classicContext({ kind: 'hiddenDelta', layer: 1 }, 'rowVector'),
    );
    expect(hidden?.general).toBe(
      "\\underset{1\\times 2}{k_{1}} = \\left(\\underset{1\\times 2}{k_{2}}\\,\\underset{2\\times 2}{W_{2}^{\\mathsf T}}\\right) \\odot \\underset{1\\times 2}{f'(x_{0}W_{1} + b_{1})}",
    );
    const [dW] = matrixEquations(classicContext({ kind: 'gradients', layer: 1 }, 'rowVector'));
    expect(dW?.general).toBe(
      '\\underset{2\\times 2}{\\frac{\\partial E}{\\partial W_{1}}} = \\underset{2\\times 1}{x_{0}^{\\mathsf T}}\\,\\underset{1\\times 2}{k_{1}}',
    );
  });

  it('reproduces note 004’s worked example: x₀ = [1 0 1], W₁ gives f([2 0 2])', () => {
    const network = {
      inputSize: 3,
      loss: 'halfSse' as const,
      layers: [
        {
          activation: 'sigmoid' as const,
          weights: [
            [1, 0, 1],
            [1, 1, 1],
            [1, 0, 1],
          ],
          biases: [0, 0, 0],
        },
        { activation: 'sigmoid' as const, weights: [[1], [-1], [0.5]], biases: [0] },
      ],
    };
    const samples = [{ x: [1, 0, 1], y: [1] }];
    const [forward] = matrixEquations(
      context(network, samples, { kind: 'forward', layer: 1 }, 'rowVector'),
    );
    expect(forward?.title).toContain('(1×3)(3×3) = 1×3');
    expect(forward?.substituted).toContain(
      '\\sigma\\left(\\begin{bmatrix} 2 & 0 & 2 \\end{bmatrix}\\right)',
    );
    expect(forward?.result).toBe('= \\begin{bmatrix} 0.8808 & 0.5 & 0.8808 \\end{bmatrix}');
    const [hidden] = matrixEquations(
      context(network, samples, { kind: 'hiddenDelta', layer: 1 }, 'rowVector'),
    );
    // f'(x₀W₁) = [σ(2)(1 − σ(2)), 1/4, σ(2)(1 − σ(2))], as the note works out.
    expect(hidden?.substituted).toContain(
      '\\odot \\begin{bmatrix} 0.105 & 0.25 & 0.105 \\end{bmatrix}',
    );
  });

  it('in LFD puts the biases in row 0 of W and x_0 = 1 on top of x', () => {
    const [s] = matrixEquations(classicContext({ kind: 'forward', layer: 1 }, 'lfd'));
    expect(s?.general).toBe(
      '\\underset{2\\times 1}{s^{(1)}} = \\underset{2\\times 3}{(W^{(1)})^{\\mathsf T}}\\,\\underset{3\\times 1}{x^{(0)}}',
    );
    expect(s?.substituted).toBe(
      '= \\begin{bmatrix} 0.35 & 0.15 & 0.2 \\\\ 0.35 & 0.25 & 0.3 \\end{bmatrix}\\begin{bmatrix} 1 \\\\ 0.05 \\\\ 0.1 \\end{bmatrix}',
    );
    const [out] = matrixEquations(classicContext({ kind: 'outputDelta', layer: 2 }, 'lfd'));
    expect(out?.general).toContain('\\otimes');
    const [dW] = matrixEquations(classicContext({ kind: 'gradients', layer: 2 }, 'lfd'));
    expect(dW?.result).toBe(
      '= \\begin{bmatrix} 0.1385 & -0.0381 \\\\ 0.08217 & -0.0226 \\\\ 0.08267 & -0.02274 \\end{bmatrix}',
    );
  });

  it('elides matrices larger than 6×6 but keeps their shapes', () => {
    const big = NETWORKS.find((n) => n.name.startsWith('16-16-10'));
    if (!big) throw new Error('missing fixture');
    const [z] = matrixEquations(context(big.network, big.samples, { kind: 'forward', layer: 1 }));
    expect(z?.general).toContain('\\underset{16\\times 16}{(W^{(1)})^{\\mathsf T}}');
    expect(z?.substituted).toContain('\\cdots');
    expect(z?.substituted).toContain('\\ddots');
    expect(z?.substituted).toContain('\\vdots');
  });

  it('gives the mean gradient over a batch beside this sample’s outer product', () => {
    const batch = NETWORKS[1] as (typeof NETWORKS)[number];
    const blocks = matrixEquations(
      context(batch.network, batch.samples, { kind: 'gradients', layer: 2 }),
    );
    expect(blocks.map((b) => b.title)).toEqual([
      'Weight gradients of layer 2: an outer product, (3×1)(1×3) = 3×3 — sample 1',
      'Bias gradients of layer 2 — sample 1',
      'Weight gradients of layer 2: the mean over the 3 samples (note 002)',
      'Bias gradients of layer 2: the mean over the 3 samples',
    ]);
    expect(blocks[2]?.general).toBe(
      '\\frac{\\partial L}{\\partial W^{(2)}} = \\frac{1}{3}\\sum_{n=1}^{3} \\frac{\\partial L_{n}}{\\partial W^{(2)}}',
    );
  });
});
