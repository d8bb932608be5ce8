import {
  ACTIVATION_REGISTRY,
  LOSS_REGISTRY,
  lossTermWeight,
  type GraphNode,
  type Network,
} from '../engine';
import { formatNumber } from './format';
import { subscript, type Notation } from './notations';

/**
 * The words and symbols of the computation graph (engine/graph.ts) in the learner's notation: each
 * node's operation and name, what it is called aloud, and what its gate does with the gradient.
 */

export interface GraphNodeLabel {
  /** The operation, drawn in front of the name: ×, Σ, +, σ (θ, f), (·)², ½Σ; '' for a leaf. */
  op: string;
  /** What it computes, in the notation: w₁₁⁽¹⁾, w₁₁⁽¹⁾·x₁, z₁⁽¹⁾, a₁⁽²⁾, (a₁⁽²⁾ − y₁)², L. */
  name: string;
  /** The node in words, for its accessible name: 'Weight w₁₁⁽¹⁾', 'Sum of the products into z₁⁽¹⁾'. */
  spoken: string;
}

/** The shape a label is written for: the network and the batch size. */
export interface GraphWording {
  network: Network;
  notation: Notation;
  /** Samples in the batch, and which one's graph this is. */
  samples: number;
  sampleIndex: number;
}

/** The activation function's symbol in this notation: θ (LFD), f (note 004), else σ, tanh, ReLU. */
function functionSymbol(w: GraphWording, layer: number): string {
  const activation = w.network.layers[layer - 1]?.activation ?? 'linear';
  return w.notation.activationFunction?.text ?? ACTIVATION_REGISTRY[activation].symbolText;
}

/** The factor in front of the sum of the loss's terms, in plain text: Σ, ½Σ, (1/2)Σ. */
function lossSumOp(w: GraphWording): string {
  const outputs = w.network.layers[w.network.layers.length - 1]?.biases.length ?? 1;
  const weight = lossTermWeight(w.network.loss, outputs);
  if (weight === 1) return 'Σ';
  if (weight === 0.5) return '½Σ';
  return `(1/${outputs})Σ`;
}

/** The loss of sample n (0-based), or of the batch: L₂, L (C, e, E in other notations). */
export function lossText(notation: Notation, sample?: number): string {
  return sample === undefined
    ? notation.loss.text
    : `${notation.loss.text}${subscript(String(sample + 1))}`;
}

export function graphNodeLabel(node: GraphNode, w: GraphWording): GraphNodeLabel {
  const { text } = w.notation;
  const { layer: l, unit: j, from: i } = node;
  const L = w.network.layers.length;
  const a = (layer: number, unit: number) => text.unit('a', layer, unit);
  switch (node.kind) {
    case 'input':
      return { op: '', name: a(0, j), spoken: `Input ${a(0, j)}` };
    case 'target':
      return { op: '', name: text.target(j), spoken: `Target ${text.target(j)}` };
    case 'weight':
      return { op: '', name: text.weight(l, i, j), spoken: `Weight ${text.weight(l, i, j)}` };
    case 'bias':
      return { op: '', name: text.bias(l, j), spoken: `Bias ${text.bias(l, j)}` };
    case 'product': {
      const name = `${text.weight(l, i, j)}·${a(l - 1, i)}`;
      return { op: '×', name, spoken: `Product ${name}` };
    }
    case 'sum':
      return {
        op: 'Σ',
        name: '',
        spoken: `Sum of the products into ${text.unit('z', l, j)}`,
      };
    case 'addBias': {
      const z = text.unit('z', l, j);
      return { op: '+', name: z, spoken: `${z}, the sum plus ${text.bias(l, j)}` };
    }
    case 'activation':
      return {
        op: functionSymbol(w, l),
        name: a(l, j),
        spoken: `Activation ${a(l, j)}`,
      };
    case 'unit':
      return {
        op: functionSymbol(w, l),
        name: a(l, j),
        spoken: `Unit ${a(l, j)}, collapsed`,
      };
    case 'lossTerm': {
      const A = a(L, j);
      const Y = text.target(j);
      const family = LOSS_REGISTRY[w.network.loss].family;
      const name =
        family === 'squared'
          ? `(${A} − ${Y})²`
          : family === 'crossEntropy'
            ? `−${Y} ln ${A}`
            : `BCE(${A}, ${Y})`;
      return { op: '', name, spoken: `Loss term ${name}` };
    }
    case 'sampleLoss': {
      const name = lossText(w.notation, w.samples > 1 ? w.sampleIndex : undefined);
      return { op: lossSumOp(w), name, spoken: `Loss ${name}` };
    }
    case 'otherSamples': {
      const others = Array.from({ length: w.samples }, (_, n) => n).filter(
        (n) => n !== w.sampleIndex,
      );
      const name =
        others.length <= 3
          ? others.map((n) => lossText(w.notation, n)).join(' + ')
          : `${others.length} other losses`;
      return { op: 'Σ', name, spoken: `The other samples’ losses, ${name}` };
    }
    case 'batchMean': {
      const name = lossText(w.notation);
      return { op: `(1/${w.samples})Σ`, name, spoken: `Loss ${name}, the mean over the batch` };
    }
  }
}

/** A node's label as one line: '× w₁₁⁽¹⁾·x₁', 'Σ', 'w₁₁⁽¹⁾'. */
export function graphNodeTitle(label: GraphNodeLabel): string {
  return [label.op, label.name].filter(Boolean).join(' ');
}

/** ∂L/∂(name), with the notation's loss: ∂L/∂w₁₁⁽¹⁾, ∂e/∂s₁⁽¹⁾. */
export function gradientOf(notation: Notation, name: string): string {
  return `∂${notation.loss.text}/∂${name}`;
}

/** A factor of a product, negative ones in parentheses: 0.05, (−0.01905). */
export function factorText(x: number, digits: number): string {
  const written = formatNumber(x, digits);
  return x < 0 ? `(${written})` : written;
}

/** a × b × c. */
export function productText(factors: readonly number[], digits: number): string {
  return factors.map((f) => factorText(f, digits)).join(' × ');
}

/** a + b + c, negative terms in parentheses. */
export function sumText(terms: readonly number[], digits: number): string {
  return terms.map((t) => factorText(t, digits)).join(' + ');
}

/**
 * What the node's gate does with the gradient that reaches it (CS231n's gate patterns): add
 * passes it to every input, multiply swaps its inputs, ReLU routes it; the others scale it by
 * their local derivative. `g` is ∂L/∂(node); `locals` the local derivative to each input.
 */
export function gateSentence(
  node: GraphNode,
  w: GraphWording,
  g: number,
  locals: readonly number[],
  digits: number,
): string {
  const n = (x: number) => formatNumber(x, digits);
  const label = graphNodeLabel(node, w);
  const grad = gradientOf(w.notation, label.name || label.op);
  switch (node.kind) {
    case 'input':
    case 'target':
    case 'weight':
    case 'bias':
    case 'otherSamples':
      return `A leaf: nothing flows further back. Its ${grad} is the sum over every path from it to the loss of the product of the local derivatives along the path.`;
    case 'sum':
    case 'addBias':
      return `Add distributes: every input gets the same gradient, ${n(g)} (each local derivative is 1).`;
    case 'product':
      return `Multiply swaps: each input gets the gradient times the other input — the weight gets ${n(g)} × ${factorText(locals[0] ?? NaN, digits)}, the activation ${n(g)} × ${factorText(locals[1] ?? NaN, digits)}.`;
    case 'activation': {
      const activation = w.network.layers[node.layer - 1]?.activation ?? 'linear';
      const f = functionSymbol(w, node.layer);
      // Softmax reads every z of its layer: the diagonal ∂aⱼ/∂zⱼ is its input j.
      const d = locals[activation === 'softmax' ? node.unit : 0] ?? NaN;
      if (activation === 'relu') {
        return d > 0
          ? `ReLU (max) routes: z > 0, so the gradient passes through unchanged (${f}′ = 1).`
          : `ReLU (max) routes: z ≤ 0, so no gradient passes back (${f}′ = 0).`;
      }
      if (activation === 'leakyRelu') {
        return `Leaky ReLU routes: z ${d === 1 ? '> 0, so the gradient passes through unchanged' : '≤ 0, so only ' + n(d) + ' of it passes back'} (${f}′ = ${n(d)}).`;
      }
      if (activation === 'softmax') {
        return `Softmax couples its layer: it reads every z of the layer, so each z gets a share of the gradient from every output of the softmax, ∂aⱼ/∂zₖ = aⱼ(1[j = k] − aₖ).`;
      }
      return `${f} scales the gradient by its local derivative ${f}′(z) = ${n(d)}: ${n(g)} × ${factorText(d, digits)} goes back to z.`;
    }
    case 'unit':
      return `A whole unit in one node: its local derivative to each input aᵢ is ${w.notation.activationFunction?.text ?? 'f'}′(z)·wᵢⱼ. Expand it to see its products, sum and bias.`;
    case 'lossTerm':
      return `The loss's term for one output: its local derivative to the output is ${factorText(locals[0] ?? NaN, digits)}, to the target ${factorText(locals[1] ?? NaN, digits)}.`;
    case 'sampleLoss':
      return `${lossSumOp(w)} adds the terms, scaled by ${n(locals[0] ?? NaN)}: every term gets ${n(g)} × ${n(locals[0] ?? NaN)}.`;
    case 'batchMean':
      return `The mean over the ${w.samples} samples passes 1/${w.samples} of the gradient to each sample's loss.`;
  }
}
