/**
 * Arbitrary-precision binary floating point for the engine's high-precision reference: a value is
 * m·2^e with a BigInt mantissa m of PRECISION bits. Enough bits that nothing a float64 can hold is
 * lost: σ(1000) = 1 − e^−1000 ≈ 1 − 2^−1443 keeps 600 bits of its difference from 1.
 * Only what the reference needs: + − × ÷, exp, ln, and exact conversion to and from number.
 */

export const PRECISION = 2048;
/** Guard bits for the fixed-point series inside exp and ln. */
const GUARD = 96;

export class Big {
  /** Use big() or normalize(): m has exactly PRECISION bits, or is 0. */
  constructor(
    readonly m: bigint,
    readonly e: number,
  ) {}
}

export const ZERO = new Big(0n, 0);

function bitLength(m: bigint): number {
  const hex = (m < 0n ? -m : m).toString(16);
  return (hex.length - 1) * 4 + parseInt(hex[0] as string, 16).toString(2).length;
}

export function normalize(m: bigint, e: number): Big {
  if (m === 0n) return ZERO;
  const shift = bitLength(m) - PRECISION;
  if (shift > 0) return new Big(m < 0n ? -(-m >> BigInt(shift)) : m >> BigInt(shift), e + shift);
  return new Big(m << BigInt(-shift), e + shift);
}

/** The exact value of a float64. */
export function big(x: number): Big {
  if (!Number.isFinite(x)) throw new Error(`big(${x}): not finite`);
  if (x === 0) return ZERO;
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const bits = view.getBigUint64(0);
  const exponent = Number((bits >> 52n) & 0x7ffn);
  const fraction = bits & ((1n << 52n) - 1n);
  const m = exponent === 0 ? fraction : fraction | (1n << 52n);
  const e = exponent === 0 ? -1074 : exponent - 1075;
  return normalize(x < 0 ? -m : m, e);
}

/** x·2^k without overflowing or underflowing on the way. */
function ldexp(x: number, k: number): number {
  let result = x;
  let rest = k;
  while (rest > 1000) {
    result *= 2 ** 1000;
    rest -= 1000;
  }
  while (rest < -1000) {
    result *= 2 ** -1000;
    rest += 1000;
  }
  return result * 2 ** rest;
}

/** The nearest float64 (to within one unit in the last place). */
export function toNumber(x: Big): number {
  if (x.m === 0n) return 0;
  const top = x.m >> BigInt(PRECISION - 64);
  return ldexp(Number(top), x.e + PRECISION - 64);
}

export const isZero = (x: Big) => x.m === 0n;
export const sign = (x: Big) => (x.m > 0n ? 1 : x.m < 0n ? -1 : 0);
export const neg = (x: Big) => new Big(-x.m, x.e);
export const abs = (x: Big) => (x.m < 0n ? neg(x) : x);

export function add(a: Big, b: Big): Big {
  if (isZero(a)) return b;
  if (isZero(b)) return a;
  // One far below the other's last bit changes nothing.
  if (a.e - b.e > PRECISION + 2) return a;
  if (b.e - a.e > PRECISION + 2) return b;
  const e = Math.min(a.e, b.e);
  return normalize((a.m << BigInt(a.e - e)) + (b.m << BigInt(b.e - e)), e);
}
export const sub = (a: Big, b: Big) => add(a, neg(b));
export const mul = (a: Big, b: Big) => normalize(a.m * b.m, a.e + b.e);
export function div(a: Big, b: Big): Big {
  if (isZero(b)) throw new Error('division by zero');
  const shift = PRECISION + 4;
  return normalize((a.m << BigInt(shift)) / b.m, a.e - b.e - shift);
}

/** x as a fixed-point BigInt scaled by 2^scale (truncated). */
function toFixed(x: Big, scale: number): bigint {
  const s = x.e + scale;
  return s >= 0 ? x.m << BigInt(s) : x.m < 0n ? -(-x.m >> BigInt(-s)) : x.m >> BigInt(-s);
}

const SCALE = PRECISION + GUARD;

/** ln 2 = 2·atanh(1/3) = 2 Σ 1/((2k+1)·3^(2k+1)). */
const LN2: Big = (() => {
  let term = (1n << BigInt(SCALE)) / 3n;
  let sum = 0n;
  for (let k = 1n; term !== 0n; k += 2n) {
    sum += term / k;
    term /= 9n;
  }
  return normalize(2n * sum, -SCALE);
})();

/** e^x: x = k·ln 2 + r, e^r by its series at r/2^HALVINGS, then squared back HALVINGS times. */
const HALVINGS = 32;
export function exp(x: Big): Big {
  const k = Math.round(toNumber(x) / Math.LN2);
  const r = sub(x, mul(big(k), LN2));
  const scale = SCALE + HALVINGS;
  const one = 1n << BigInt(scale);
  const rFixed = toFixed(r, SCALE); // r/2^HALVINGS at `scale`
  let term = one;
  let sum = one;
  for (let n = 1n; term !== 0n; n++) {
    term = (term * rFixed) / one / n;
    sum += term;
  }
  for (let s = 0; s < HALVINGS; s++) sum = (sum * sum) >> BigInt(scale);
  return normalize(sum, k - scale);
}

/** ln x for x > 0: x = f·2^k with f in [1/√2, √2), ln f = 2·atanh((f − 1)/(f + 1)). */
export function log(x: Big): Big {
  if (sign(x) <= 0) throw new Error('log of a non-positive number');
  let k = x.e + PRECISION - 1;
  let half = 1n << BigInt(PRECISION - 1); // f = m / half
  if (x.m * x.m > 2n * half * half) {
    half <<= 1n;
    k += 1;
  }
  const one = 1n << BigInt(SCALE);
  const u = ((x.m - half) << BigInt(SCALE)) / (x.m + half);
  const u2 = (u * u) >> BigInt(SCALE);
  let term = u;
  let sum = 0n;
  for (let n = 1n; term !== 0n; n += 2n) {
    sum += term / n;
    term = (term * u2) / one;
  }
  return add(normalize(2n * sum, -SCALE), mul(big(k), LN2));
}
