/**
 * lz-string's decompressFromEncodedURIComponent (lz-string 1.5.0, MIT, by pieroxy), rewritten to
 * stop once its output passes `maxChars`. lz-string's own decompressor offers no such limit, and a
 * crafted link whose every code repeats the last entry plus one character expands quadratically:
 * 263 KB of link is gigabytes of text (a frozen, then crashed tab). Stopped at the limit, the work
 * done is linear in `maxChars`, whatever the link.
 */

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
/** Each alphabet character's 6-bit value by its char code (0 for any other character, as in lz-string). */
const VALUE_OF = new Uint8Array(128);
for (let index = 0; index < URI_SAFE.length; index++) VALUE_OF[URI_SAFE.charCodeAt(index)] = index;
const valueOf = (input: string, index: number) => VALUE_OF[input.charCodeAt(index)] ?? 0;

export type Unpacked = { kind: 'text'; text: string } | { kind: 'damaged' } | { kind: 'too-large' };

/** Reads the 6-bit characters of the link, lowest bit of each code first (as lz-string wrote them). */
function bitReader(input: string) {
  let index = 0;
  let value = valueOf(input, 0);
  let position = 32;
  return {
    exhausted: () => index >= input.length,
    read(bitCount: number): number {
      let bits = 0;
      for (let power = 1, n = 0; n < bitCount; n++, power *= 2) {
        if (value & position) bits += power;
        position >>= 1;
        if (position === 0) {
          position = 32;
          index++;
          value = valueOf(input, index);
        }
      }
      return bits;
    },
  };
}

export function decompressBounded(compressed: string, maxChars: number): Unpacked {
  // Spaces are pluses a form or a mail program turned into spaces.
  const bits = bitReader(compressed.replace(/ /g, '+'));
  const first = bits.read(2);
  if (first > 1) return { kind: 'damaged' };
  let w = String.fromCharCode(bits.read(first === 0 ? 8 : 16));
  const dictionary: string[] = ['', '', '', w];
  const result = [w];
  let length = w.length;
  let enlargeIn = 4;
  let numBits = 3;
  for (;;) {
    if (bits.exhausted()) return { kind: 'damaged' };
    let code = bits.read(numBits);
    if (code === 2) return { kind: 'text', text: result.join('') };
    if (code === 0 || code === 1) {
      dictionary.push(String.fromCharCode(bits.read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    let entry = dictionary[code];
    if (code < 3 || entry === undefined) {
      if (code !== dictionary.length) return { kind: 'damaged' };
      entry = w + w.charAt(0);
    }
    length += entry.length;
    if (length > maxChars) return { kind: 'too-large' };
    result.push(entry);
    dictionary.push(w + entry.charAt(0));
    w = entry;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
}
