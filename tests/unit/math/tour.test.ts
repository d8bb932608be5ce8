import katex from 'katex';
import { describe, expect, it } from 'vitest';
import { tourStops, type TourStop } from '../../../src/math/tour';
import { NETWORKS, NOTATION_IDS, classicContext, context } from './fixtures';

/** A stop as one line of text, TeX between $…$. */
const flat = (stop: TourStop) =>
  stop.paragraphs
    .map((p) => p.map((piece) => ('text' in piece ? piece.text : `$${piece.tex}$`)).join(' '))
    .join('\n');

describe('the tour of the classic example', () => {
  const stops = tourStops({ ...classicContext({ kind: 'start' }), trainBiases: false, digits: 6 });

  it('visits the steps and selections it talks about', () => {
    expect(stops.map((s) => [s.title, s.step, s.selection])).toEqual([
      ['One pass, five stops', { kind: 'start' }, null],
      [
        'What z and a are',
        { kind: 'forward', layer: 1, unit: 0 },
        { kind: 'unit', layer: 1, unit: 0 },
      ],
      [
        'Why carry δ = ∂L/∂z backwards',
        { kind: 'outputDelta', layer: 2, unit: 0 },
        { kind: 'unit', layer: 2, unit: 0 },
      ],
      [
        'The sum over paths in a hidden δ',
        { kind: 'hiddenDelta', layer: 1, unit: 0 },
        { kind: 'unit', layer: 1, unit: 0 },
      ],
      [
        'Going backwards reuses work',
        { kind: 'gradients', layer: 1, unit: 0 },
        { kind: 'weight', layer: 1, from: 0, to: 0 },
      ],
      ['The update', { kind: 'update' }, { kind: 'weight', layer: 1, from: 0, to: 0 }],
    ]);
  });

  it('says each point with the example’s numbers', () => {
    const [, za, delta, paths, reuse, update] = stops.map(flat);
    expect(za).toContain('z₁⁽¹⁾ is the selected unit');
    expect(za).toContain(
      '$z_{1}^{(1)} = \\sum_{i=1}^{2} w_{i1}^{(1)}x_{i} + b_{1}^{(1)} = 0.3775$',
    );
    expect(za).toContain('$a_{1}^{(1)} = \\sigma(z_{1}^{(1)}) = 0.59327$');
    expect(delta).toContain('δ₁⁽²⁾ = ∂L/∂z₁⁽²⁾ = 0.138499 says');
    expect(delta).toContain(
      '$\\frac{\\partial L}{\\partial w_{i1}^{(2)}} = a_{i}^{(1)}\\,\\delta_{1}^{(2)},\\quad \\frac{\\partial L}{\\partial b_{1}^{(2)}} = \\delta_{1}^{(2)}$',
    );
    expect(paths).toContain('a₁⁽¹⁾ feeds all 2 output units, so z₁⁽¹⁾ reaches L along 2 paths');
    expect(paths).toContain('w_{11}^{(2)}\\delta_{1}^{(2)} + w_{12}^{(2)}\\delta_{2}^{(2)}');
    expect(paths).toContain('0.4\\cdot 0.138499 + 0.5\\cdot (-0.0380982)');
    expect(paths).toMatch(/= 0\.00877135\$$/);
    expect(reuse).toContain(
      '$\\frac{\\partial L}{\\partial w_{11}^{(1)}} = x_{1}\\,\\delta_{1}^{(1)} = 0.05\\cdot 0.00877135 = 0.000438568$',
    );
    expect(update).toContain(
      '$w_{11}^{(1)} \\leftarrow w_{11}^{(1)} - \\eta\\,\\frac{\\partial L}{\\partial w_{11}^{(1)}} = 0.15 - 0.5\\cdot 0.000438568 = 0.149781$',
    );
    expect(update).toContain('The biases stay as they are here ("Train biases" is off).');
    expect(update).toContain('the loss goes from 0.298371 to 0.291028.');
  });

  it('with Adam, the update stop does not write the SGD step: it gives the move Adam makes', () => {
    const adam = { kind: 'adam', beta1: 0.9, beta2: 0.999, epsilon: 1e-8 } as const;
    const update = flat(
      tourStops({ ...classicContext({ kind: 'start' }), optimizer: adam, digits: 6 }).at(
        -1,
      ) as TourStop,
    );
    expect(update).not.toContain('\\eta\\,\\frac');
    expect(update).toContain('the optimizer you chose moves every weight');
    expect(update).toContain('∂L/∂w₁₁⁽¹⁾ = 0.000438568');
    // Adam's first step moves a weight by about η = 0.5, whatever its gradient: 0.15 → −0.349989.
    expect(update).toContain('$w_{11}^{(1)}:\\; 0.15 \\rightarrow -0.349989$');
  });

  it('speaks each notation', () => {
    const lfd = tourStops(classicContext({ kind: 'start' }, 'lfd')).map(flat);
    expect(lfd[1]).toContain('s₁⁽¹⁾ is the selected unit');
    expect(lfd[2]).toContain('δ₁⁽²⁾ = ∂e/∂s₁⁽²⁾ = 0.138499');
    const chain = tourStops(classicContext({ kind: 'start' }, 'chain'));
    expect(chain[2]?.title).toBe('Why carry ∂C/∂z backwards');
    expect(flat(chain[2] as TourStop)).toContain('∂C/∂z₁⁽ᴸ⁾ = 0.138499 says');
    const rows = tourStops(classicContext({ kind: 'start' }, 'rowVector'));
    expect(rows[2]?.title).toBe('Why carry k = ∂E/∂z backwards');
  });

  it('typesets in every notation, on every network with a hidden layer, and never holds HTML', () => {
    for (const notation of NOTATION_IDS) {
      for (const { name, network, samples } of NETWORKS) {
        if (network.layers.length < 2) continue;
        for (const stop of tourStops(context(network, samples, { kind: 'start' }, notation))) {
          for (const piece of stop.paragraphs.flat()) {
            if ('tex' in piece) {
              expect(
                () => katex.renderToString(piece.tex, { throwOnError: true }),
                name,
              ).not.toThrow();
              expect(piece.tex).not.toMatch(/NaN|undefined/);
            } else {
              expect(piece.text, name).not.toMatch(/[<>]|NaN|undefined/);
            }
          }
        }
      }
    }
  });
});
