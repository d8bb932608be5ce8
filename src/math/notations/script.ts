/** Real Unicode sub- and superscripts for plain-text names (w₁₂⁽²⁾), and the shared index rules. */

const SUBSCRIPTS: Record<string, string> = {
  '0': '₀',
  '1': '₁',
  '2': '₂',
  '3': '₃',
  '4': '₄',
  '5': '₅',
  '6': '₆',
  '7': '₇',
  '8': '₈',
  '9': '₉',
  '+': '₊',
  '-': '₋',
  '(': '₍',
  ')': '₎',
  i: 'ᵢ',
  j: 'ⱼ',
  k: 'ₖ',
  l: 'ₗ',
  m: 'ₘ',
  n: 'ₙ',
};
const SUPERSCRIPTS: Record<string, string> = {
  '0': '⁰',
  '1': '¹',
  '2': '²',
  '3': '³',
  '4': '⁴',
  '5': '⁵',
  '6': '⁶',
  '7': '⁷',
  '8': '⁸',
  '9': '⁹',
  '+': '⁺',
  '-': '⁻',
  '(': '⁽',
  ')': '⁾',
  i: 'ⁱ',
  j: 'ʲ',
  k: 'ᵏ',
  l: 'ˡ',
  n: 'ⁿ',
  L: 'ᴸ',
  T: 'ᵀ',
};

/** '12' → '₁₂'; characters without a subscript form stay as they are. */
export function subscript(text: string): string {
  return Array.from(text, (c) => SUBSCRIPTS[c] ?? c).join('');
}

/** '(2)' → '⁽²⁾'. */
export function superscript(text: string): string {
  return Array.from(text, (c) => SUPERSCRIPTS[c] ?? c).join('');
}
