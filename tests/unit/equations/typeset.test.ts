// @vitest-environment happy-dom
import fc from 'fast-check';
import katex from 'katex';
import { describe, expect, it, vi } from 'vitest';
import { morphChildren } from '../../../src/components/equations/morph';
import { renderSource, texSource } from '../../../src/components/equations/render';
import { refit, showFitting } from '../../../src/components/equations/fitting';
import { splitNumbers } from '../../../src/components/equations/numbers';
import { showTex, updateMathml } from '../../../src/components/equations/typeset';

/** The DOM that `innerHTML = html` gives: what a morphed element must equal (attributes in any order). */
function parsed(html: string): Node {
  const probe = document.createElement('span');
  probe.innerHTML = html;
  return probe;
}

function allNodes(root: Node): Node[] {
  const out: Node[] = [];
  const walk = (n: Node) => {
    out.push(n);
    n.childNodes.forEach(walk);
  };
  root.childNodes.forEach(walk);
  return out;
}

// Random markup built from the pieces KaTeX uses: spans with classes and styles, MathML, SVG, text.
const text = fc.constantFrom('0.1498', '−', 'w', '=', '', ' ', '1.5e−7');
const attrs = fc.record(
  {
    class: fc.constantFrom('mord', 'mbin', 'vlist', 'mord mathnormal'),
    style: fc.constantFrom('height:0.6444em;', 'top:-3.063em;', 'margin-right:0.2222em;'),
  },
  { requiredKeys: [] },
);
const attrText = (a: Record<string, string>) =>
  Object.entries(a)
    .map(([k, v]) => ` ${k}="${v}"`)
    .join('');
const markup: fc.Arbitrary<string> = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc
      .tuple(fc.constantFrom('span', 'mi', 'mn'), attrs, fc.array(tie('node'), { maxLength: 4 }))
      .map(([tag, a, kids]) =>
        tag === 'span'
          ? `<span${attrText(a)}>${kids.join('')}</span>`
          : `<math><${tag}>${kids.join('')}</${tag}></math>`,
      ),
    fc
      .tuple(attrs, fc.constantFrom('M0 0L1 1', 'M0 0L2 2'))
      .map(([a, d]) => `<svg${attrText(a)}><path d="${d}"></path></svg>`),
  ),
})).node;

describe('morphChildren', () => {
  it('leaves exactly the DOM that innerHTML would, from any markup to any other', () => {
    fc.assert(
      fc.property(
        fc.array(markup, { maxLength: 4 }),
        fc.array(markup, { maxLength: 4 }),
        (a, b) => {
          const before = a.join('');
          const after = b.join('');
          const target = document.createElement('span');
          target.innerHTML = before;
          const template = document.createElement('template');
          template.innerHTML = after;
          morphChildren(target, template.content);
          expect(target.isEqualNode(parsed(after))).toBe(true);
        },
      ),
      { numRuns: 400 },
    );
  });

  it('removes attributes the new markup no longer has and keeps element namespaces', () => {
    const target = document.createElement('span');
    target.innerHTML = '<span class="a" style="x"><svg><path d="M0 0"></path></svg></span>';
    const path = target.querySelector('path');
    const template = document.createElement('template');
    template.innerHTML = '<span class="b"><svg><path d="M1 1"></path></svg></span>';
    morphChildren(target, template.content);
    expect(target.innerHTML).toBe('<span class="b"><svg><path d="M1 1"></path></svg></span>');
    expect(target.querySelector('path')).toBe(path);
    expect(path?.namespaceURI).toBe('http://www.w3.org/2000/svg');
  });
});

describe('showTex', () => {
  const show = (element: Element, tex: string) => showTex(element, texSource(tex, true));

  it('finds the numbers, not indices, powers of ten nor text', () => {
    expect(splitNumbers('w_{12}x_1 = 0.15\\cdot 12 + 1.5\\times10^{-7}\\text{ sample 3}')).toEqual({
      skeleton: 'w_{12}x_1 = \uE000\\cdot \uE000 + \uE000\\times10^{-\uE000}\\text{ sample 3}',
      numbers: ['0.15', '12', '1.5', '7'],
    });
  });
  const fresh = (tex: string) => parsed(renderSource(texSource(tex, true)));

  it('changes only the text of the number that changed, and every node stays in place', () => {
    const element = document.createElement('span');
    show(element, 'z = 0.15\\cdot 0.05 + 0.3775');
    const nodes = allNodes(element);
    const values = nodes.map((n) => n.nodeValue);
    const changed = () =>
      allNodes(element)
        .filter((n, i) => n !== nodes[i] || n.nodeValue !== values[i])
        .map((n) => n.nodeValue);
    show(element, 'z = 0.15\\cdot 0.07 + 0.3775');
    expect(allNodes(element)).toHaveLength(nodes.length);
    // At once, the number in the HTML rendering (what is seen); nothing else.
    expect(changed()).toEqual(['0.07']);
    // When the page is idle, the number in the MathML (for screen readers) and its TeX annotation.
    updateMathml();
    expect(element.isEqualNode(fresh('z = 0.15\\cdot 0.07 + 0.3775'))).toBe(true);
    expect(changed()).toEqual(['0.07', '\\displaystyle z = 0.15\\cdot 0.07 + 0.3775', '0.07']);
  });

  it('brings the MathML up to date on its own when the page is idle, to the newest numbers', async () => {
    const element = document.createElement('span');
    show(element, 'a = 0.5\\cdot 0.25');
    show(element, 'a = 0.6\\cdot 0.25');
    show(element, 'a = 0.7\\cdot 0.35');
    const mathml = () => element.querySelector('.katex-mathml')?.textContent ?? '';
    expect(mathml()).toContain('0.5');
    expect(element.querySelector('.katex-html')?.textContent).toContain('0.7');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(element.isEqualNode(fresh('a = 0.7\\cdot 0.35'))).toBe(true);
  });

  it('rebuilds what changed shape (a negative number, a power of ten) and still matches', () => {
    const element = document.createElement('span');
    const steps = [
      'a = 0.5',
      'a = -0.5',
      'a = 5\\times10^{-7}',
      '\\frac{1}{2}',
      'a = 0.5',
      'a = 0.25',
    ];
    for (const tex of steps) {
      show(element, tex);
      updateMathml();
      expect(element.isEqualNode(fresh(tex))).toBe(true);
    }
  });

  it('swaps only the piece where a number changes sign, and puts back the pieces it had, patched', () => {
    const element = document.createElement('span');
    const tex = (a: string, b: string) => `z = 0.3068\\cdot ${a} + 0.1352\\cdot ${b}`;
    // KaTeX's runs between which a line may break: z, = 0.3068 · a, + 0.1352 · b.
    const pieces = () => Array.from(element.querySelector('.katex-html')?.children ?? []);
    const check = (a: string, b: string) => {
      updateMathml();
      expect(element.isEqualNode(fresh(tex(a, b)))).toBe(true);
    };
    expect(show(element, tex('0.007073', '0.01782'))).toBe('rendered');
    const positive = pieces();
    expect(positive.length).toBeGreaterThan(2);
    // Across zero: (−0.00656) is another skeleton of the same form, typeset once; only the piece
    // that holds it is swapped, the others stay as they were.
    expect(show(element, tex('(-0.00656)', '0.01782'))).toBe('rendered');
    const negative = pieces();
    const swapped = negative.filter((piece, i) => piece !== positive[i]);
    expect(swapped).toHaveLength(1);
    expect(swapped[0]?.textContent).toContain('0.00656');
    check('(-0.00656)', '0.01782');
    // And back, with other numbers: the first rendering's very pieces, their numbers patched; the
    // MathML copy (the other skeleton's until the page is idle) typeset again then.
    expect(show(element, tex('0.001672', '0.01791'))).toBe('restored');
    expect(pieces()).toEqual(positive);
    pieces().forEach((piece, i) => expect(piece).toBe(positive[i]));
    expect(element.querySelector('.katex-html')?.textContent).toBe(
      (fresh(tex('0.001672', '0.01791')) as Element).querySelector('.katex-html')?.textContent,
    );
    check('0.001672', '0.01791');
    expect(show(element, tex('(-0.00702)', '0.01791'))).toBe('restored');
    pieces().forEach((piece, i) => expect(piece).toBe(negative[i]));
    // Flipped twice before the page is idle: the MathML copy is the skeleton's own again, patched.
    expect(show(element, tex('0.0025', '0.01791'))).toBe('restored');
    expect(show(element, tex('(-0.0075)', '0.01791'))).toBe('restored');
    check('(-0.0075)', '0.01791');
    // Both numbers negative, then one in scientific notation: more skeletons of the form, kept.
    expect(show(element, tex('(-0.0075)', '(-0.01791)'))).toBe('rendered');
    check('(-0.0075)', '(-0.01791)');
    expect(show(element, tex('5.651\\times10^{-5}', '0.01791'))).toBe('rendered');
    check('5.651\\times10^{-5}', '0.01791');
    expect(show(element, tex('0.002', '0.01791'))).toBe('restored');
    check('0.002', '0.01791');
    expect(show(element, tex('(-0.003)', '(-0.02)'))).toBe('restored');
    check('(-0.003)', '(-0.02)');
    expect(show(element, tex('6.2\\times10^{-5}', '0.01791'))).toBe('restored');
    check('6.2\\times10^{-5}', '0.01791');
    // Another form (a term more) is typeset whole, and the kept pieces go.
    expect(show(element, `${tex('0.5', '0.5')} + 1`)).toBe('rendered');
    expect(show(element, tex('0.002', '0.01791'))).toBe('rendered');
    check('0.002', '0.01791');
  });

  it('shows what a fresh rendering would through any run of signs and notations in one form', () => {
    const signed = fc.oneof(
      fc.double({ min: 0.001, max: 5, noNaN: true }).map((x) => x.toPrecision(4)),
      fc.double({ min: 0.001, max: 5, noNaN: true }).map((x) => `(-${x.toPrecision(4)})`),
      fc
        .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: 2, max: 9 }))
        .map(([m, e]) => `${m}.5\\times10^{-${e}}`),
    );
    fc.assert(
      fc.property(
        fc.array(fc.array(signed, { minLength: 3, maxLength: 3 }), { minLength: 2, maxLength: 12 }),
        (runs) => {
          const element = document.createElement('span');
          for (const [a, b, c] of runs) {
            const tex = `z = 0.3\\cdot ${a} + ${b}\\cdot 0.2 + \\frac{${c}}{2} = 0.5`;
            show(element, tex);
            updateMathml();
            expect(element.isEqualNode(fresh(tex))).toBe(true);
          }
        },
      ),
      { numRuns: 60 },
    );
  }, 90_000);

  const number = fc.oneof(
    fc.double({ min: -5, max: 5, noNaN: true }).map((x) => x.toPrecision(4)),
    fc.integer({ min: -3, max: 30 }).map(String),
    fc
      .tuple(fc.integer({ min: 1, max: 9 }), fc.integer({ min: -9, max: -2 }))
      .map(([m, e]) => `${m}.5\\times10^{${e}}`),
  );
  // Templates like the app's: indices, fractions, powers, parentheses, \text, matrices.
  const templates: ((n: string[]) => string)[] = [
    (n) =>
      `z_{1}^{(2)} = w_{11}x_{1} + w_{21}x_{2} + b = ${n[0]}\\cdot ${n[1]} + ${n[2]}\\cdot (${n[3]}) + ${n[4]} = ${n[5]}`,
    (n) =>
      `\\delta = \\frac{\\partial L}{\\partial a}\\,\\sigma'(z) = (${n[0]} - ${n[1]})\\cdot ${n[2]}(1 - ${n[3]}) = ${n[4]}`,
    (n) =>
      `L = \\tfrac{1}{2}\\sum_k (y_k - a_k)^2 = \\tfrac{1}{2}\\left((${n[0]})^2 + (${n[1]})^2\\right) = ${n[2]}\\text{ for sample 3}`,
    (n) => `\\begin{bmatrix} ${n[0]} & ${n[1]} \\\\ ${n[2]} & ${n[3]} \\end{bmatrix} = ${n[4]}`,
  ];

  it('shows exactly what a fresh rendering would, through any run of numbers', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...templates),
        fc.array(fc.array(number, { minLength: 6, maxLength: 6 }), { minLength: 1, maxLength: 5 }),
        (template, runs) => {
          const element = document.createElement('span');
          for (const numbers of runs) {
            const tex = template(numbers);
            show(element, tex);
            updateMathml();
            expect(element.isEqualNode(fresh(tex))).toBe(true);
          }
        },
      ),
      { numRuns: 150 },
    );
    // Each run typesets up to ten equations with KaTeX: 3–7 s here, over 30 s on a busy machine.
  }, 90_000);

  it('typesets a skeleton with KaTeX once, whatever numbers it is shown with', () => {
    const typesetting = vi.spyOn(katex, 'renderToString');
    const tex = (a: string, b: string) => `q_{9} = ${a}\\cdot ${b} + \\tfrac{1}{3}`;
    try {
      const first = document.createElement('span');
      expect(show(first, tex('0.25', '0.5'))).toBe('rendered');
      expect(typesetting).toHaveBeenCalledTimes(1);
      // Another equation of the same skeleton, with other numbers: no KaTeX at all.
      const second = document.createElement('span');
      expect(show(second, tex('0.75', '0.125'))).toBe('rendered');
      // A number crosses zero: a new skeleton of the form, typeset once, its MathML too.
      expect(show(second, tex('(-0.75)', '0.125'))).toBe('rendered');
      updateMathml();
      expect(typesetting).toHaveBeenCalledTimes(2);
      expect(second.isEqualNode(fresh(tex('(-0.75)', '0.125')))).toBe(true);
      expect(first.isEqualNode(fresh(tex('0.25', '0.5')))).toBe(true);
    } finally {
      typesetting.mockRestore();
    }
  });

  it('patches the numbers of the app-like templates in place rather than re-rendering them', () => {
    for (const template of templates) {
      const element = document.createElement('span');
      expect(show(element, template(['0.1', '0.2', '0.3', '0.4', '0.5', '0.6']))).toBe('rendered');
      const nodes = allNodes(element);
      expect(show(element, template(['0.7', '0.2', '0.8', '0.4', '0.9', '0.6']))).toBe('patched');
      updateMathml();
      expect(element.isEqualNode(fresh(template(['0.7', '0.2', '0.8', '0.4', '0.9', '0.6'])))).toBe(
        true,
      );
      const now = allNodes(element);
      expect(now.length).toBe(nodes.length);
      expect(now.filter((n, i) => n !== nodes[i])).toEqual([]);
    }
  });
});

describe('showFitting and refit', () => {
  /**
   * An equation box of a given width in which the plain layout is 500 px wide and the fallback
   * 300 px (happy-dom lays nothing out): the widths are read from what the box shows, a fallback
   * being told by its \\quad.
   */
  function box(width: { now: number }) {
    const element = document.createElement('span');
    const shows = () => {
      updateMathml(); // the annotation, set when the page is idle after a patch
      return element.querySelector('annotation')?.textContent ?? '';
    };
    Object.defineProperty(element, 'clientWidth', { get: () => width.now });
    const reads = { scrollWidth: 0 };
    Object.defineProperty(element, 'scrollWidth', {
      get: () => {
        reads.scrollWidth++;
        return Math.max(width.now, shows().includes('\\quad') ? 300 : 500);
      },
    });
    return { element, shows, reads };
  }
  const source = 'a = 0.5\\cdot 0.25';
  const fallback = () => 'a = \\quad 0.5\\cdot 0.25';

  it('lays the equation out again when its box changes width, and only then', () => {
    const width = { now: 400 };
    const { element, shows } = box(width);
    showFitting(element, source, fallback);
    expect(shows()).toBe(fallback());
    // Wider: the plain layout fits again.
    width.now = 600;
    refit(element);
    expect(shows()).toBe(source);
    // Narrow again: the fallback.
    width.now = 390;
    refit(element);
    expect(shows()).toBe(fallback());
    // The same width: nothing is typeset again.
    const katex = element.querySelector('.katex');
    refit(element);
    expect(element.querySelector('.katex')).toBe(katex);
    expect(shows()).toBe(fallback());
    // A box not laid out (width 0) is left as it is.
    width.now = 0;
    refit(element);
    expect(shows()).toBe(fallback());
  });

  it('keeps the layout a skeleton took while its numbers change, until the width does', () => {
    const width = { now: 600 };
    const { element, shows } = box(width);
    showFitting(element, source, fallback);
    expect(shows()).toBe(source);
    width.now = 400; // not refitted yet: a drag's edit reads no layout
    showFitting(element, 'a = 0.5\\cdot 0.75', () => 'a = \\quad 0.5\\cdot 0.75');
    expect(shows()).toBe('a = 0.5\\cdot 0.75');
    refit(element);
    expect(shows()).toBe('a = \\quad 0.5\\cdot 0.75');
  });

  it('keeps a form that was too wide in its fallback when a number changes sign or notation, measured only if it was set smaller', () => {
    const width = { now: 400 };
    const { element, shows, reads } = box(width);
    showFitting(element, source, fallback);
    expect(shows()).toBe(fallback());
    reads.scrollWidth = 0;
    // −0.25 is written (−0.25): another skeleton, the same form. Only the fallback is typeset, and
    // it fitted at its own size (300 px in 400): nothing is laid out to be measured.
    showFitting(element, 'a = 0.5\\cdot (-0.25)', () => 'a = \\quad 0.5\\cdot (-0.25)');
    expect(shows()).toBe('a = \\quad 0.5\\cdot (-0.25)');
    expect(reads.scrollWidth).toBe(0);
    // A number near zero written in scientific notation (−2.5×10⁻⁵): the same form again.
    showFitting(
      element,
      'a = 0.5\\cdot (-2.5\\times10^{-5})',
      () => 'a = \\quad 0.5\\cdot (-2.5\\times10^{-5})',
    );
    expect(shows()).toBe('a = \\quad 0.5\\cdot (-2.5\\times10^{-5})');
    expect(reads.scrollWidth).toBe(0);
    // Another form (a term more) is measured in its plain layout first, then its fallback.
    showFitting(element, 'a = 0.5\\cdot 0.25 + 1', () => 'a = \\quad 0.5\\cdot 0.25 + 1');
    expect(shows()).toBe('a = \\quad 0.5\\cdot 0.25 + 1');
    expect(reads.scrollWidth).toBe(2);
    // In a box narrower than the fallback (set smaller to fit), a sign change measures it again.
    width.now = 250;
    refit(element);
    reads.scrollWidth = 0;
    showFitting(element, 'a = 0.5\\cdot (-0.25) + 1', () => 'a = \\quad 0.5\\cdot (-0.25) + 1');
    expect(shows()).toBe('a = \\quad 0.5\\cdot (-0.25) + 1');
    expect(reads.scrollWidth).toBeGreaterThan(0);
  });

  it('measures nothing when a number crosses zero and back in a form that fitted', () => {
    const width = { now: 600 };
    const { element, shows, reads } = box(width);
    showFitting(element, source, fallback);
    showFitting(element, 'a = 0.5\\cdot (-0.25)', () => 'a = \\quad 0.5\\cdot (-0.25)');
    expect(shows()).toBe('a = 0.5\\cdot (-0.25)');
    reads.scrollWidth = 0;
    for (const b of ['0.75', '(-0.5)', '0.125', '(-0.625)']) {
      showFitting(element, `a = 0.5\\cdot ${b}`, () => `a = \\quad 0.5\\cdot ${b}`);
      expect(shows()).toBe(`a = 0.5\\cdot ${b}`);
    }
    expect(reads.scrollWidth).toBe(0);
    // A new width lays it out again: the kept renderings were fitted to the old one.
    width.now = 400;
    refit(element);
    expect(shows()).toBe('a = \\quad 0.5\\cdot (-0.625)');
    showFitting(element, 'a = 0.5\\cdot 0.75', () => 'a = \\quad 0.5\\cdot 0.75');
    expect(shows()).toBe('a = \\quad 0.5\\cdot 0.75');
  });

  it('leaves the line-break hints out of the TeX annotation', () => {
    const element = document.createElement('span');
    showTex(element, texSource('z = 0.15\\cdot 0.05 + 0.3775', true));
    expect(texSource('z = 0.15\\cdot 0.05 + 0.3775', true)).toContain('\\allowbreak');
    expect(element.querySelector('annotation')?.textContent).toBe(
      '\\displaystyle z = 0.15\\cdot 0.05 + 0.3775',
    );
  });
});
