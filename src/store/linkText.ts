import { decompressBounded } from './lzBounded';

/**
 * The size of the largest work any learner can make — the largest network (8 inputs, 8 hidden
 * layers of 16 units, 10 outputs), 32 samples, the whole history of 20 networks, every number a
 * trained float64 written out in full — measured by tests/unit/store/linkText.test.ts: 1,108,000
 * characters of JSON, 543,000 in a link, 2,001,000 as an exported (indented) file. The caps leave room above that and stop a
 * crafted link long before it can freeze the tab.
 */
export const LINK_LIMITS = {
  /** Characters in the fragment after #work= (Chromium keeps URLs up to 2 MB). */
  maxLinkChars: 1_500_000,
  /** Characters of JSON a link may unpack to. */
  maxJsonChars: 2_000_000,
  /** Characters of an imported file (an export is indented: about twice the JSON). */
  maxFileChars: 4_000_000,
} as const;

const grouped = (n: number) => n.toLocaleString('en-US');

/**
 * The JSON text a link's fragment carries, or why it cannot be read. Sizes are checked before any
 * decoding: the fragment's length first, then the unpacked text as it grows.
 */
export function unpackLink(
  fragment: string,
): { ok: true; text: string } | { ok: false; error: string } {
  if (fragment.length > LINK_LIMITS.maxLinkChars) {
    return {
      ok: false,
      error: `The link is too long (${grouped(fragment.length)} characters; a Backstep link has at most ${grouped(LINK_LIMITS.maxLinkChars)}).`,
    };
  }
  let packed = fragment;
  // A mail program may have written + and $ as %2B and %24 (decoding makes the text only shorter).
  if (fragment.includes('%')) {
    try {
      packed = decodeURIComponent(fragment);
    } catch {
      return { ok: false, error: 'The link is damaged (a broken %-escape in it).' };
    }
  }
  const unpacked = decompressBounded(packed, LINK_LIMITS.maxJsonChars);
  switch (unpacked.kind) {
    case 'text':
      return { ok: true, text: unpacked.text };
    case 'too-large':
      return {
        ok: false,
        error: `The link unpacks to more than ${grouped(LINK_LIMITS.maxJsonChars)} characters, more than any Backstep work can hold; it was not opened.`,
      };
    case 'damaged':
      return { ok: false, error: 'The link is damaged or cut short.' };
  }
}
