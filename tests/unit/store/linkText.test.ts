import fc from 'fast-check';
import { compressToEncodedURIComponent, decompressFromEncodedURIComponent } from 'lz-string';
import { describe, expect, it } from 'vitest';
import { createRng, type Layer, type Network } from '../../../src/engine';
import { LIMITS, STEPPER_SIZES, stateFromExample } from '../../../src/store';
import { DEFAULT_EXAMPLE } from '../../../src/store/examples';
import { LINK_LIMITS, unpackLink } from '../../../src/store/linkText';
import { decompressBounded } from '../../../src/store/lzBounded';
import { decodeShare, encodeShare, parseSavedText, workToJson } from '../../../src/store/persist';
import type { LearnerState } from '../../../src/store/types';
import { linkBomb } from '../../e2e/linkBomb';

const rng = createRng(7);
/** A trained-looking float64 whose shortest form is as long as any: −0.000xxxxxxxxxxxxxxxxx. */
const longest = () => -(1e-4 + rng() * 8.9e-4);
const numbers = (n: number) => Array.from({ length: n }, longest);

function layer(nPrev: number, units: number): Layer {
  return {
    activation: 'sigmoid',
    weights: Array.from({ length: nPrev }, () => numbers(units)),
    biases: numbers(units),
  };
}

/** The largest work the app lets a learner make, with the longest numbers. */
function largestWork(): LearnerState {
  const { maxUnits, maxHiddenLayers, maxOutputs, maxSamples, maxHistory } = LIMITS;
  // A picture's network brought from the Train tab is the widest the stepper holds.
  const { maxInputs } = STEPPER_SIZES;
  const network = (): Network => ({
    inputSize: maxInputs,
    layers: [
      layer(maxInputs, maxUnits),
      ...Array.from({ length: maxHiddenLayers - 1 }, () => layer(maxUnits, maxUnits)),
      layer(maxUnits, maxOutputs),
    ],
    loss: 'mse',
  });
  const base = stateFromExample(DEFAULT_EXAMPLE);
  return {
    ...base,
    network: network(),
    samples: Array.from({ length: maxSamples }, () => ({
      x: numbers(maxInputs),
      y: numbers(maxOutputs),
    })),
    granularity: 'unit',
    history: Array.from({ length: maxHistory }, network),
    view: { ...base.view, digits: LIMITS.maxDigits, hidden: ['editors', 'samples'] },
  };
}

describe('link caps', () => {
  it('leave room above the largest work a learner can make', () => {
    const work = largestWork();
    const link = encodeShare(work);
    const json = JSON.stringify({ app: 'backstep', version: 2, work });
    // Measured: 1,588,000 characters of JSON, 772,000 of link, 2,854,000 of exported file (with
    // 8 inputs, the widest a learner builds: 1,108,000, 543,000 and 2,001,000). The JSON has
    // room for a quarter more: 64 inputs come only with a drawing, one sample, not 32.
    expect(link.length * 1.5).toBeLessThan(LINK_LIMITS.maxLinkChars);
    expect(json.length * 1.25).toBeLessThan(LINK_LIMITS.maxJsonChars);
    expect(workToJson(work).length * 1.3).toBeLessThan(LINK_LIMITS.maxFileChars);
    const opened = decodeShare(link);
    expect(opened.ok && opened.work).toEqual(work);
    expect(parseSavedText(workToJson(work))).toEqual({ ok: true, work });
  }, 60_000);

  it('refuse a fragment that is too long before decoding it', () => {
    const result = unpackLink('A'.repeat(LINK_LIMITS.maxLinkChars + 1));
    expect(result).toEqual({
      ok: false,
      error: expect.stringContaining('at most 1,500,000') as string,
    });
  });

  it('stop a quadratic bomb at the unpacked-size cap, in linear time', () => {
    const bomb = linkBomb(101_000);
    expect(bomb.length).toBeGreaterThan(263_000);
    expect(bomb.length).toBeLessThan(LINK_LIMITS.maxLinkChars);
    const started = performance.now();
    expect(unpackLink(bomb)).toEqual({
      ok: false,
      error: expect.stringContaining('more than 2,000,000 characters') as string,
    });
    // Generous for a loaded machine: lz-string itself takes minutes on this link, or crashes.
    expect(performance.now() - started).toBeLessThan(2000);
    // The same bomb, small enough to unpack: lz-string and the bounded decoder agree on it.
    const small = linkBomb(300);
    expect(decompressBounded(small, 1e6)).toEqual({
      kind: 'text',
      text: decompressFromEncodedURIComponent(small),
    });
    expect(decompressBounded(small, 300 * 150)).toEqual({ kind: 'too-large' });
  });
});

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

describe('the bounded decompressor', () => {
  it('reads what lz-string wrote, exactly', () => {
    fc.assert(
      fc.property(
        // Any UTF-16 code units, lone surrogates included (fast-check's 'binary' unit is slow to generate).
        fc
          .array(fc.integer({ min: 0, max: 0xffff }), { maxLength: 200 })
          .map((codes) => String.fromCharCode(...codes)),
        (text) => {
          const packed = compressToEncodedURIComponent(text);
          expect(decompressBounded(packed, 1e6)).toEqual(
            text === '' ? { kind: 'damaged' } : { kind: 'text', text },
          );
        },
      ),
      { numRuns: 60 },
    );
  }, 30_000);

  it('calls cut or garbled input damaged, or reads it as lz-string does', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (garbage) => {
        const ours = decompressBounded(garbage, 1e6);
        let theirs: string | null;
        try {
          theirs = decompressFromEncodedURIComponent(garbage);
        } catch {
          theirs = null;
        }
        // A first code of 3 is no code at all: lz-string reads it as an empty character and goes
        // on; ours calls the link damaged. Everywhere else the two agree.
        const firstValue = URI_SAFE.indexOf((garbage[0] ?? 'A').replace(' ', '+'));
        if (firstValue >= 0 && (firstValue & 0b110000) === 0b110000) {
          expect(ours).toEqual({ kind: 'damaged' });
          return;
        }
        expect(ours).toEqual(theirs ? { kind: 'text', text: theirs } : { kind: 'damaged' });
      }),
    );
    const packed = compressToEncodedURIComponent('{"app":"backstep"}');
    expect(decompressBounded(packed.slice(0, -3), 1e6)).toEqual({ kind: 'damaged' });
  });
});

describe('opening a link', () => {
  it('percent-decodes a fragment a mail program escaped', () => {
    const work = stateFromExample(DEFAULT_EXAMPLE);
    const link = encodeShare({ ...work, learningRate: 0.123456789 });
    expect(link).toMatch(/[+$]/);
    const escaped = link.replace(/\+/g, '%2B').replace(/\$/g, '%24');
    expect(decodeShare(escaped)).toEqual(decodeShare(link));
    expect(decodeShare(escaped).ok).toBe(true);
    expect(decodeShare(`${link}%E0%A4%A`)).toEqual({
      ok: false,
      error: 'The link is damaged (a broken %-escape in it).',
    });
  });
});
