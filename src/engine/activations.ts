/**
 * The activation registry: one record per activation, from which everything else derives — the
 * `Activation` type and the `ACTIVATIONS` list, the kernel's loops (activationLoops.ts), the grid,
 * the initialization, the equations' TeX, the labels and the option lists. Each f sits beside its
 * derivative, as in the notes; f' is written in terms of z and a = f(z), since σ' = σ(1 − σ) and
 * tanh' = 1 − tanh² are cheapest from a (and from z where a has saturated).
 *
 * Adding an activation: a record here, and a case in each switch of activationLoops.ts (the
 * compiler points at them). Tests: the references in tests/unit/engine (reference.ts,
 * exactReference.ts) and the hand-written list in arbitraries.ts.
 */

/** How the TeX builders write a number: math passes its own `num` and `factor` (sign-safe). */
export interface TexNumbers {
  num(x: number): string;
  /** The number as a factor of a product: a negative one in parentheses. */
  factor(x: number): string;
}

/** An activation that acts unit by unit: f and f' side by side, and their TeX. */
export interface ElementwiseFunctions {
  /** a = f(z). */
  f(z: number): number;
  /** f'(z), from z and a = f(z). */
  df(z: number, a: number): number;
  /** f(Z) spelled out for the pre-activation symbol Z, e.g. \frac{1}{1+e^{-Z}}; null when f(Z) is all there is to write (tanh). */
  definitionTex(pre: string, n: TexNumbers): string | null;
  /** f(z) with this z's number in it, e.g. \sigma(0.3775) = \frac{1}{1+e^{-0.3775}}. */
  substitutedTex(z: number, n: TexNumbers): string;
  /** f'(Z) in this unit's symbols A = f(Z) and Z, e.g. A(1 - A); a sum comes in parentheses. */
  derivativeTex(act: string, pre: string, n: TexNumbers): string;
  /** The same with this unit's numbers a and z, e.g. 0.751365(1 - 0.751365). */
  derivativeSubstitutedTex(a: number, z: number, n: TexNumbers): string;
}

export interface ActivationRecord {
  /** The name in the learner's words, for titles and labels: 'leaky ReLU'. */
  name: string;
  /** The text of its option in the activation menus: 'leaky ReLU (0.01)'. */
  label: string;
  /** The function itself in TeX: \sigma, \operatorname{ReLU}. */
  symbolTex: string;
  /** The same in plain text, for sentences: σ, ReLU. */
  symbolText: string;
  /**
   * He initialization (normal, std √(2/n_in)) for the ReLU family, which passes about half of a
   * zero-mean input on (ReLU, leaky ReLU, ELU, swish, as PyTorch's and Keras' practice has it);
   * Xavier/Glorot for the others.
   */
  heInit: boolean;
  /** f, f' and their TeX when the function acts unit by unit; null for softmax, which couples the units of a layer. */
  elementwise: ElementwiseFunctions | null;
}

export const LEAKY_RELU_SLOPE = 0.01;

/** σ(z), computed without overflow for any finite z. */
export function sigmoid(z: number): number {
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** softplus(z) = ln(1 + e^z), without overflow: ln σ(z) = −softplus(−z). */
export function softplus(z: number): number {
  return Math.max(z, 0) + Math.log1p(Math.exp(-Math.abs(z)));
}

/**
 * Below these |a| the short forms σ' = a(1 − a) and tanh' = 1 − a² lose at most ~1e-14 relative.
 * Above, 1 − a cancels (σ(40) rounds to 1, so a(1 − a) would be 0 instead of 4.2e-18), so the
 * derivative is taken from z instead: σ'(z) = σ(z)σ(−z), tanh'(z) = 4e^(−2|z|)/(1 + e^(−2|z|))².
 * Saturated units are rare in training, so the extra exp costs next to nothing.
 */
const SIGMOID_SHORT_FORM_LIMIT = 0.99;
export const TANH_SQUARED_SHORT_FORM_LIMIT = 0.99;

/** σ'(z) from z and a = σ(z), relatively exact for every z. */
export function sigmoidDerivative(z: number, a: number): number {
  return a <= SIGMOID_SHORT_FORM_LIMIT ? a * (1 - a) : a * sigmoid(-z);
}

/** tanh'(z) from z and a = tanh(z), relatively exact for every z. */
export function tanhDerivative(z: number, a: number): number {
  const a2 = a * a;
  return a2 <= TANH_SQUARED_SHORT_FORM_LIMIT ? 1 - a2 : saturatedTanhDerivative(z);
}

/** sech² z = 4e^(−2|z|)/(1 + e^(−2|z|))², for |tanh z| near 1. */
export function saturatedTanhDerivative(z: number): number {
  const e = Math.exp(-2 * Math.abs(z));
  return (4 * e) / ((1 + e) * (1 + e));
}

/** ELU with α = 1: z for z > 0, e^z − 1 below (expm1, so relatively exact near 0). */
export function elu(z: number): number {
  return z > 0 ? z : Math.expm1(z);
}

/** ELU'(z) = 1 for z > 0, e^z (= a + 1) below; from z, since a + 1 cancels once e^z < 1e-16. */
export function eluDerivative(z: number): number {
  return z > 0 ? 1 : Math.exp(z);
}

/** swish(z) = z·σ(z) (PyTorch's SiLU). */
export function swish(z: number): number {
  return z * sigmoid(z);
}

/**
 * swish'(z) = σ(z) + zσ(z)(1 − σ(z)) = σ(z)(1 + zσ(−z)), from one exp. The second form has no
 * cancellation at large |z| (a + σ(z)(1 − a) would subtract z from z), only near its zero at
 * z ≈ −1.28, where every form must.
 */
export function swishDerivative(z: number): number {
  const e = Math.exp(-Math.abs(z));
  const big = 1 / (1 + e); // σ(|z|)
  const small = e / (1 + e); // σ(−|z|)
  return z >= 0 ? big * (1 + z * small) : small * (1 + z * big);
}

const indicator = (pre: string, test: '> 0' | '\\le 0') => `\\mathbf{1}[${pre} ${test}]`;

const RECORDS = {
  sigmoid: {
    name: 'sigmoid',
    label: 'sigmoid σ',
    symbolTex: '\\sigma',
    symbolText: 'σ',
    heInit: false,
    elementwise: {
      f: sigmoid,
      df: sigmoidDerivative,
      definitionTex: (Z) => `\\frac{1}{1+e^{-${Z}}}`,
      substitutedTex: (z, n) => `\\sigma(${n.num(z)}) = \\frac{1}{1+e^{${n.num(-z)}}}`,
      derivativeTex: (A) => `${A}(1 - ${A})`,
      derivativeSubstitutedTex: (a, _z, n) => `${n.factor(a)}(1 - ${n.factor(a)})`,
    },
  },
  tanh: {
    name: 'tanh',
    label: 'tanh',
    symbolTex: '\\tanh',
    symbolText: 'tanh',
    heInit: false,
    elementwise: {
      f: Math.tanh,
      df: tanhDerivative,
      definitionTex: () => null,
      substitutedTex: (z, n) => `\\tanh(${n.num(z)})`,
      derivativeTex: (A) => `\\left(1 - \\left(${A}\\right)^2\\right)`,
      derivativeSubstitutedTex: (a, _z, n) => `(1 - ${n.factor(a)}^2)`,
    },
  },
  relu: {
    name: 'ReLU',
    label: 'ReLU',
    symbolTex: '\\operatorname{ReLU}',
    symbolText: 'ReLU',
    heInit: true,
    elementwise: {
      f: (z) => (z > 0 ? z : 0),
      /** relu'(0) = 0. */
      df: (z) => (z > 0 ? 1 : 0),
      definitionTex: (Z) => `\\max(0, ${Z})`,
      substitutedTex: (z, n) => `\\max(0, ${n.num(z)})`,
      derivativeTex: (_A, Z) => indicator(Z, '> 0'),
      derivativeSubstitutedTex: (_a, z, n) => indicator(n.num(z), '> 0'),
    },
  },
  leakyRelu: {
    name: 'leaky ReLU',
    label: `leaky ReLU (${LEAKY_RELU_SLOPE})`,
    symbolTex: '\\operatorname{LeakyReLU}',
    symbolText: 'LeakyReLU',
    heInit: true,
    elementwise: {
      f: (z) => (z > 0 ? z : LEAKY_RELU_SLOPE * z),
      df: (z) => (z > 0 ? 1 : LEAKY_RELU_SLOPE),
      definitionTex: (Z, n) => `\\max(${n.num(LEAKY_RELU_SLOPE)}\\,${Z}, ${Z})`,
      substitutedTex: (z, n) =>
        `\\max(${n.num(LEAKY_RELU_SLOPE)}\\cdot ${n.factor(z)}, ${n.num(z)})`,
      derivativeTex: (_A, Z, n) =>
        `(${indicator(Z, '> 0')} + ${n.num(LEAKY_RELU_SLOPE)}\\cdot${indicator(Z, '\\le 0')})`,
      derivativeSubstitutedTex: (_a, z, n) =>
        `(${indicator(n.num(z), '> 0')} + ${n.num(LEAKY_RELU_SLOPE)}\\cdot${indicator(n.num(z), '\\le 0')})`,
    },
  },
  elu: {
    name: 'ELU',
    label: 'ELU (α = 1)',
    symbolTex: '\\operatorname{ELU}',
    symbolText: 'ELU',
    heInit: true,
    elementwise: {
      f: elu,
      df: eluDerivative,
      definitionTex: (Z) =>
        `\\begin{cases} ${Z} & ${Z} > 0 \\\\ e^{${Z}} - 1 & ${Z} \\le 0 \\end{cases}`,
      substitutedTex: (z, n) => {
        const v = n.num(z);
        return `\\begin{cases} ${v} & ${v} > 0 \\\\ e^{${v}} - 1 & ${v} \\le 0 \\end{cases}`;
      },
      derivativeTex: (A, Z) =>
        `(${indicator(Z, '> 0')} + (${A} + 1)\\cdot${indicator(Z, '\\le 0')})`,
      derivativeSubstitutedTex: (a, z, n) =>
        `(${indicator(n.num(z), '> 0')} + (${n.num(a)} + 1)\\cdot${indicator(n.num(z), '\\le 0')})`,
    },
  },
  swish: {
    name: 'swish',
    label: 'swish z·σ(z) (SiLU)',
    symbolTex: '\\operatorname{swish}',
    symbolText: 'swish',
    heInit: true,
    elementwise: {
      f: swish,
      df: swishDerivative,
      definitionTex: (Z) => `${Z}\\,\\sigma(${Z}) = \\frac{${Z}}{1+e^{-${Z}}}`,
      substitutedTex: (z, n) => `\\frac{${n.num(z)}}{1+e^{${n.num(-z)}}}`,
      derivativeTex: (A, Z) => `\\left(${A} + \\sigma(${Z})(1 - ${A})\\right)`,
      derivativeSubstitutedTex: (a, z, n) =>
        `(${n.num(a)} + ${n.factor(sigmoid(z))}(1 - ${n.factor(a)}))`,
    },
  },
  linear: {
    name: 'linear',
    label: 'linear (identity)',
    symbolTex: '\\operatorname{id}',
    symbolText: 'id',
    heInit: false,
    elementwise: {
      f: (z) => z,
      df: () => 1,
      definitionTex: (Z) => Z,
      substitutedTex: (z, n) => n.num(z),
      derivativeTex: () => '1',
      derivativeSubstitutedTex: () => '1',
    },
  },
  softmax: {
    name: 'softmax',
    label: 'softmax',
    symbolTex: '\\operatorname{softmax}',
    symbolText: 'softmax',
    heInit: false,
    elementwise: null,
  },
} satisfies Record<string, ActivationRecord>;

export type Activation = keyof typeof RECORDS;

/** The activations that act unit by unit (all but softmax). */
export type ElementwiseActivation = {
  [K in Activation]: (typeof RECORDS)[K]['elementwise'] extends null ? never : K;
}[Activation];

/** Every activation's record, keyed by id; `elementwise` is non-null exactly for ElementwiseActivation. */
export const ACTIVATION_REGISTRY: {
  readonly [K in Activation]: ActivationRecord & {
    elementwise: K extends ElementwiseActivation ? ElementwiseFunctions : null;
  };
} = RECORDS;

/** The ids in menu order. Saved work and share links carry them: never rename one. */
export const ACTIVATIONS = Object.keys(RECORDS) as readonly Activation[];

export function isElementwise(activation: Activation): activation is ElementwiseActivation {
  return ACTIVATION_REGISTRY[activation].elementwise !== null;
}

/** The elementwise activations in menu order: what a hidden layer of the Train tab may use. */
export const ELEMENTWISE_ACTIVATIONS: readonly ElementwiseActivation[] =
  ACTIVATIONS.filter(isElementwise);

/** f and f' of each elementwise activation. */
export const elementwise = Object.fromEntries(
  ELEMENTWISE_ACTIVATIONS.map((a) => [a, ACTIVATION_REGISTRY[a].elementwise]),
) as { readonly [K in ElementwiseActivation]: ElementwiseFunctions };
