import { describe, expect, it } from 'vitest';
import { matrixEquations, stepEquations } from '../../../src/math';
import { classic, classicContext, classicSamples, context, NETWORKS } from './fixtures';

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
    // (W δ) on a line of its own after, so neither line is wider than a phone's.
    expect(hidden?.substituted).toBe(
      '= \\begin{bmatrix} 0.03635 \\\\ 0.04137 \\end{bmatrix} \\odot \\begin{bmatrix} 0.2413 \\\\ 0.2406 \\end{bmatrix}',
    );
    const [, back] = matrixEquations(classicContext({ kind: 'hiddenDelta', layer: 1 }));
    expect(back?.general).toBe(
      '\\underset{2\\times 2}{W^{(2)}}\\,\\underset{2\\times 1}{\\delta^{(2)}}',
    );
    expect(back?.substituted).toBe(
      '= \\begin{bmatrix} 0.4 & 0.5 \\\\ 0.45 & 0.55 \\end{bmatrix}\\begin{bmatrix} 0.1385 \\\\ -0.0381 \\end{bmatrix}',
    );
    expect(back?.result).toBe('= \\begin{bmatrix} 0.03635 \\\\ 0.04137 \\end{bmatrix}');
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
    const [product, forward] = matrixEquations(
      classicContext({ kind: 'forward', layer: 1 }, 'rowVector'),
    );
    expect(product?.title).toContain('(1×2)(2×2) = 1×2');
    expect(product?.general).toBe(
      '\\underset{1\\times 2}{x_{0}W_{1} + b_{1}} = \\underset{1\\times 2}{x_{0}}\\,\\underset{2\\times 2}{W_{1}} + \\underset{1\\times 2}{b_{1}}',
    );
    expect(product?.result).toBe('= \\begin{bmatrix} 0.3775 & 0.3925 \\end{bmatrix}');
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
    // x₀ᵀ written as the column it is.
    expect(dW?.substituted).toContain(
      '\\begin{bmatrix} 0.05 \\\\ 0.1 \\end{bmatrix}\\begin{bmatrix} 0.008771 & 0.009954 \\end{bmatrix}',
    );
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
    const [product, forward] = matrixEquations(
      context(network, samples, { kind: 'forward', layer: 1 }, 'rowVector'),
    );
    expect(product?.title).toContain('(1×3)(3×3) = 1×3');
    expect(product?.result).toBe('= \\begin{bmatrix} 2 & 0 & 2 \\end{bmatrix}');
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

  it('in LFD keeps one convention: x with x₀ = 1 is (d+1)×1 and W is (d+1)×n in every step; Ŵ is the bias-free W', () => {
    const [start] = matrixEquations(classicContext({ kind: 'start' }, 'lfd'));
    expect(start?.general).toBe('W^{(1)}: 3\\times 2, \\quad W^{(2)}: 3\\times 2');
    expect(start?.substituted).toBe(
      '\\underset{3\\times 1}{x^{(0)}} = \\begin{bmatrix} 1 \\\\ 0.05 \\\\ 0.1 \\end{bmatrix}, \\quad \\underset{2\\times 1}{y} = \\begin{bmatrix} 0.01 \\\\ 0.99 \\end{bmatrix}',
    );
    // x⁽¹⁾ is made with its x₀ = 1, 3×1, as the next step multiplies it.
    const [, x1] = matrixEquations(classicContext({ kind: 'forward', layer: 1 }, 'lfd'));
    expect(x1?.title).toBe(
      'Layer 1: sigmoid of every unit (θ = sigmoid), and x₀ = 1 on top for layer 2',
    );
    expect(x1?.general).toBe(
      '\\underset{3\\times 1}{x^{(1)}} = \\begin{bmatrix} 1 \\\\ \\theta(s^{(1)}) \\end{bmatrix}',
    );
    expect(x1?.result).toBe('= \\begin{bmatrix} 1 \\\\ 0.5933 \\\\ 0.5969 \\end{bmatrix}');
    const [s2] = matrixEquations(classicContext({ kind: 'forward', layer: 2 }, 'lfd'));
    expect(s2?.general).toContain(
      '\\underset{2\\times 3}{(W^{(2)})^{\\mathsf T}}\\,\\underset{3\\times 1}{x^{(1)}}',
    );
    // The output has no x₀: x⁽²⁾ is 2×1.
    const [, x2] = matrixEquations(classicContext({ kind: 'forward', layer: 2 }, 'lfd'));
    expect(x2?.general).toBe(
      '\\underset{2\\times 1}{x^{(2)}} = \\theta(s^{(2)}) = \\sigma(s^{(2)})',
    );
    // Back through the weights alone: Ŵ⁽²⁾, 2×2, its own symbol, as note 001 writes it.
    const [hidden] = matrixEquations(classicContext({ kind: 'hiddenDelta', layer: 1 }, 'lfd'));
    expect(hidden?.title).toBe(
      'Hidden δ of layer 1 for the whole layer: the error sent back through the weights (Ŵ⁽²⁾ is W⁽²⁾ without its bias row 0: 2×2)',
    );
    expect(hidden?.general).toBe(
      "\\underset{2\\times 1}{\\delta^{(1)}} = \\left(\\underset{2\\times 2}{\\hat{W}^{(2)}}\\,\\underset{2\\times 1}{\\delta^{(2)}}\\right) \\otimes \\underset{2\\times 1}{\\theta'(s^{(1)})}",
    );
    // Every W⁽ˡ⁾ is 3×2 ((W)ᵀ 2×3), Ŵ⁽ˡ⁾ 2×2, and every x below the output, with x₀, 3×1.
    const all = (['start', 'forward', 'hiddenDelta', 'gradients'] as const).flatMap((kind) =>
      [1, 2].flatMap((layer) =>
        matrixEquations(classicContext(kind === 'start' ? { kind } : { kind, layer }, 'lfd')).map(
          (b) => b.general,
        ),
      ),
    );
    const seen = new Set<string>();
    for (const [, rows, cols, symbol] of all
      .join(' ')
      .matchAll(
        /\\underset\{(\d+)\\times (\d+)\}\{(\(W\^\{\(\d\)\}\)\^\{\\mathsf T\}|\\hat\{W\}\^\{\(\d\)\}|W\^\{\(\d\)\}|x\^\{\(\d\)\})\}/g,
      )) {
      seen.add(`${symbol}: ${rows}×${cols}`);
    }
    expect([...seen].sort()).toEqual([
      '(W^{(1)})^{\\mathsf T}: 2×3',
      '(W^{(2)})^{\\mathsf T}: 2×3',
      '\\hat{W}^{(2)}: 2×2',
      'x^{(0)}: 3×1',
      'x^{(1)}: 3×1',
      'x^{(2)}: 2×1',
    ]);
  });

  it('in note 004’s row vectors says in the backward and gradient steps why the order differs from the note', () => {
    const [hidden] = matrixEquations(
      classicContext({ kind: 'hiddenDelta', layer: 1 }, 'rowVector'),
    );
    expect(hidden?.title).toBe(
      'Hidden k of layer 1 for the whole layer: the error sent back through the weights. Note 004 writes kᵢ = Wᵢ₊₁kᵢ₊₁f′(…), multiplying as with single numbers, where order does not matter; with k a row and row j of W holding the weights out of unit j, the product that is a row again is k Wᵀ, and f′ multiplies element by element (⊙)',
    );
    const [dW] = matrixEquations(classicContext({ kind: 'gradients', layer: 1 }, 'rowVector'));
    expect(dW?.title).toBe(
      'Weight gradients of layer 1: an outer product, (2×1)(1×2) = 2×2. Note 004 writes ∂E/∂Wᵢ = kᵢxᵢ₋₁, as with single numbers; to give a matrix of Wᵢ’s shape, the row x is turned into a column: xᵀk',
    );
    // The column notations follow their notes as written: no such sentence.
    const [standard] = matrixEquations(classicContext({ kind: 'hiddenDelta', layer: 1 }));
    expect(standard?.title).toBe(
      'Hidden δ of layer 1 for the whole layer: the error sent back through the weights',
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

describe('the squared losses in matrix form agree with the per-unit equations', () => {
  const withLoss = (loss: 'sse' | 'halfSse' | 'mse', kind: 'loss' | 'outputDelta') =>
    context({ ...classic, loss }, classicSamples, { kind, layer: 2 });
  const a = '\\begin{bmatrix} 0.7514 \\\\ 0.7729 \\end{bmatrix}';
  const y = '\\begin{bmatrix} 0.01 \\\\ 0.99 \\end{bmatrix}';
  const slope = '\\begin{bmatrix} 0.1868 \\\\ 0.1755 \\end{bmatrix}';

  it('MSE over K = 2 outputs: 1/K and 2/K in symbols, never ½ or 2/2; K = 2 where the numbers are', () => {
    const [loss] = matrixEquations(withLoss('mse', 'loss'));
    expect(loss?.general).toBe('L = \\frac{1}{K}\\left\\lVert a^{(2)} - y\\right\\rVert^2');
    expect(loss?.substituted).toBe(`= \\frac{1}{2}\\left\\lVert ${a} - ${y}\\right\\rVert^2`);
    // (0.741365² + 0.217072²)/2 = 0.298371, the per-unit equations' loss.
    expect(loss?.result).toBe('= 0.298371');
    const [delta] = matrixEquations(withLoss('mse', 'outputDelta'));
    expect(delta?.general).toBe(
      "\\underset{2\\times 1}{\\delta^{(2)}} = \\frac{2}{K}(a^{(2)} - y) \\odot \\sigma'(z^{(2)})",
    );
    expect(delta?.substituted).toBe(`= \\frac{2}{2}\\left(${a} - ${y}\\right) \\odot ${slope}`);
  });

  it('Σ(a − y)² and ½Σ(a − y)²: the same factors as the notes, 2 and none', () => {
    expect(matrixEquations(withLoss('sse', 'loss'))[0]?.general).toBe(
      'L = \\left\\lVert a^{(2)} - y\\right\\rVert^2',
    );
    expect(matrixEquations(withLoss('halfSse', 'loss'))[0]?.general).toBe(
      'L = \\tfrac12\\left\\lVert a^{(2)} - y\\right\\rVert^2',
    );
    expect(matrixEquations(withLoss('sse', 'outputDelta'))[0]?.substituted).toBe(
      `= 2\\left(${a} - ${y}\\right) \\odot ${slope}`,
    );
  });

  it.each(['sse', 'halfSse', 'mse'] as const)(
    '%s: the loss’s prefix and ∂L/∂a’s factor are those of the per-unit equations',
    (name) => {
      const prefix = /^L = (.*)\\sum_/.exec(
        stepEquations(withLoss(name, 'loss'))[0]?.general ?? '',
      );
      expect(matrixEquations(withLoss(name, 'loss'))[0]?.general).toBe(
        `L = ${prefix?.[1] ?? '?'}\\left\\lVert a^{(2)} - y\\right\\rVert^2`,
      );
      const perUnit = stepEquations(withLoss(name, 'outputDelta'))[0]?.general ?? '';
      const c = /= ([^=]*)\(a_\{1\}\^\{\(2\)\} - y_\{1\}\)/.exec(perUnit)?.[1];
      expect(c).toBeDefined();
      expect(matrixEquations(withLoss(name, 'outputDelta'))[0]?.general).toContain(
        `= ${c ?? '?'}(a^{(2)} - y) \\odot`,
      );
    },
  );
});

describe('the cross-entropies in vector form', () => {
  it('carry the minus on each term, as the per-unit loss does, so a line wraps between them', () => {
    const { network, samples } = NETWORKS[2] as (typeof NETWORKS)[number];
    const [loss] = matrixEquations(context(network, samples, { kind: 'loss' }));
    expect(loss?.general).toBe(
      'L_{1} = -y^{\\mathsf T}\\ln\\left(a^{(2)}\\right) - (\\mathbf{1} - y)^{\\mathsf T}\\ln\\left(\\mathbf{1} - a^{(2)}\\right)',
    );
  });
});
