/**
 * The computation graph of a pass carries the very numbers of its snapshot: every gradient the
 * graph reads from the snapshot equals the one the chain rule over the graph's own local
 * derivatives gives, for every worked example, sample, and way of drawing it (whole or collapsed).
 */
import { describe, expect, it } from 'vitest';
import {
  edgesToRoot,
  fullGraphSize,
  graphShape,
  graphValues,
  initializeNetwork,
  lossTermWeight,
  nodeIndex,
  nodeKey,
  pathCount,
  pathsToRoot,
  runPass,
  type Activation,
  type GraphShape,
  type GraphValues,
  type Loss,
  type Network,
  type Sample,
} from '../../../src/engine';
import { EXAMPLES } from '../../../src/store/examples';

type Draw = 'whole' | 'collapsed' | 'mixed';

function shapeOf(network: Network, samples: number, draw: Draw): GraphShape {
  return graphShape({
    sizes: [network.inputSize, ...network.layers.map((l) => l.biases.length)],
    softmax: network.layers.map((l) => l.activation === 'softmax'),
    samples,
    expanded: (layer, unit) =>
      draw === 'whole' ? true : draw === 'collapsed' ? false : (layer + unit) % 2 === 0,
  });
}

/** ∂L/∂node for every node, by the chain rule over the graph alone (the oracle). */
function backpropagate(shape: GraphShape, values: GraphValues): Float64Array {
  const grad = new Float64Array(shape.nodes.length);
  grad[shape.root] = 1;
  for (let k = shape.nodes.length - 1; k >= 0; k--) {
    if (k === shape.root) continue;
    let total = 0;
    for (const e of shape.nodes[k]?.outputs ?? [])
      total += (grad[shape.edges[e]?.to as number] as number) * (values.local[e] as number);
    grad[k] = total;
  }
  return grad;
}

/** Relative closeness: 1e-12 of the larger, or 1e-15 absolute. */
function expectNear(actual: number, expected: number, what: string) {
  const tolerance = Math.max(1e-15, 1e-12 * Math.max(Math.abs(actual), Math.abs(expected)));
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    tolerance,
  );
}

function checkAgainstSnapshot(network: Network, samples: Sample[], draw: Draw) {
  const snapshot = runPass(network, samples);
  const shape = shapeOf(network, samples.length, draw);
  const m = samples.length;
  const L = network.layers.length;
  samples.forEach((_, sampleIndex) => {
    const values = graphValues(shape, { network, samples, snapshot, sampleIndex });
    const oracle = backpropagate(shape, values);
    const layers = snapshot.samples[sampleIndex]?.layers ?? [];
    shape.nodes.forEach((node, k) => {
      const where = `${draw} sample ${sampleIndex} ${nodeKey(node.kind, node.layer, node.unit, node.from)}`;
      const g = values.grad[k] as number;
      const { layer: l, unit: j, from: i } = node;
      switch (node.kind) {
        case 'weight':
          // This sample's paths and the other samples' share: the snapshot's ∂L/∂w.
          expectNear(g, snapshot.grads[l - 1]?.dW[i]?.[j] as number, where);
          expectNear((oracle[k] as number) + (values.elsewhere[k] as number), g, where);
          break;
        case 'bias':
          expectNear(g, snapshot.grads[l - 1]?.db[j] as number, where);
          expectNear((oracle[k] as number) + (values.elsewhere[k] as number), g, where);
          break;
        case 'addBias':
          expectNear(values.value[k] as number, layers[l - 1]?.z[j] as number, where);
          expectNear(g, (layers[l - 1]?.delta[j] as number) / m, where);
          expectNear(oracle[k] as number, g, where);
          break;
        case 'sum': {
          const z = layers[l - 1]?.z[j] as number;
          expectNear(
            values.value[k] as number,
            z - (network.layers[l - 1]?.biases[j] as number),
            where,
          );
          expectNear(oracle[k] as number, g, where);
          break;
        }
        case 'activation':
        case 'unit':
          expectNear(values.value[k] as number, layers[l - 1]?.a[j] as number, where);
          expectNear(oracle[k] as number, g, where);
          break;
        default:
          expectNear(oracle[k] as number, g, where);
      }
    });
    // The loss's terms add up to the sample's loss, and the mean to the batch's.
    const terms = shape.nodes.flatMap((n, k) =>
      n.kind === 'lossTerm' ? [values.value[k] as number] : [],
    );
    const outputs = network.layers[L - 1]?.biases.length ?? 0;
    const weight = lossTermWeight(network.loss, outputs);
    expectNear(
      weight * terms.reduce((s, t) => s + t, 0),
      snapshot.samples[sampleIndex]?.loss as number,
      'terms',
    );
    expectNear(values.value[shape.root] as number, snapshot.loss, 'root');
  });
}

describe('the computation graph of each worked example', () => {
  for (const example of EXAMPLES) {
    for (const draw of ['whole', 'collapsed', 'mixed'] as const) {
      it(`${example.id}, ${draw}: every gradient is the snapshot's and the chain rule's`, () => {
        checkAgainstSnapshot(example.network, example.samples, draw);
      });
    }
  }

  it('the classic example: ∂L/∂w₁₁⁽¹⁾ = 0.000438568 is the sum of its two paths', () => {
    const example = EXAMPLES.find((e) => e.id === 'classic-2-2-2');
    if (!example) throw new Error('no classic example');
    const { network, samples } = example;
    const shape = shapeOf(network, 1, 'whole');
    const values = graphValues(shape, {
      network,
      samples,
      snapshot: runPass(network, samples),
      sampleIndex: 0,
    });
    const w11 = nodeIndex(shape).get(nodeKey('weight', 1, 0, 0)) as number;
    expect(pathCount(shape, w11)).toBe(2);
    const paths = pathsToRoot(shape, values.local, w11, 10);
    expect(paths).toHaveLength(2);
    // Through the first output unit, then the second: the tutorial's ∂E_o1/∂out_h1 = 0.055399425
    // and ∂E_o2/∂out_h1 = −0.019049119, each times ∂out_h1/∂net_h1 = 0.241300709 and x₁ = 0.05.
    expect(paths[0]?.product).toBeCloseTo(0.05 * 0.241300709 * 0.055399425, 10);
    expect(paths[1]?.product).toBeCloseTo(0.05 * 0.241300709 * -0.019049119, 10);
    expect((paths[0]?.product as number) + (paths[1]?.product as number)).toBeCloseTo(
      0.000438568,
      9,
    );
    expect(values.grad[w11]).toBeCloseTo(0.000438568, 9);
    // Each path has ten edges: w → × → Σ → + → σ → × → Σ → + → σ → (a − y)² → ½Σ.
    expect(paths[0]?.edges).toHaveLength(10);
    // Four edges to a₁⁽¹⁾, then six to the loss through each of the two units it feeds.
    expect(edgesToRoot(shape, w11).size).toBe(4 + 2 * 6);
  });
});

describe('every activation and loss', () => {
  const cases: { activation: Activation; output: Activation; loss: Loss }[] = [
    { activation: 'tanh', output: 'linear', loss: 'sse' },
    { activation: 'relu', output: 'sigmoid', loss: 'binaryCrossEntropy' },
    { activation: 'leakyRelu', output: 'softmax', loss: 'crossEntropy' },
    { activation: 'elu', output: 'sigmoid', loss: 'crossEntropy' },
    { activation: 'swish', output: 'linear', loss: 'mse' },
    { activation: 'sigmoid', output: 'tanh', loss: 'halfSse' },
  ];
  for (const c of cases) {
    it(`${c.activation} hidden, ${c.output} output, ${c.loss}`, () => {
      const network = initializeNetwork(
        {
          inputSize: 3,
          layers: [
            { units: 4, activation: c.activation },
            { units: 3, activation: c.activation },
            { units: 3, activation: c.output },
          ],
          loss: c.loss,
        },
        7,
      );
      network.layers = network.layers.map((layer, l) => ({
        ...layer,
        biases: layer.biases.map((_, j) => 0.1 * (j - l)),
      }));
      const samples: Sample[] = [
        { x: [0.5, -1, 2], y: [0, 1, 0] },
        { x: [-0.3, 0.8, 0.1], y: [0.2, 0.3, 0.5] },
      ];
      for (const draw of ['whole', 'collapsed', 'mixed'] as const)
        checkAgainstSnapshot(network, samples, draw);
    });
  }
});

describe('the shape', () => {
  it('has as many nodes as fullGraphSize says when drawn whole', () => {
    for (const example of EXAMPLES) {
      const { network, samples } = example;
      const sizes = [network.inputSize, ...network.layers.map((l) => l.biases.length)];
      expect(shapeOf(network, samples.length, 'whole').nodes).toHaveLength(
        fullGraphSize(sizes, samples.length),
      );
    }
  });

  it('the classic 2-2-2 has a few dozen nodes, each after the nodes it reads', () => {
    const shape = shapeOf(EXAMPLES[0]?.network as Network, 1, 'whole');
    expect(shape.nodes).toHaveLength(39);
    shape.edges.forEach((e) => expect(e.from).toBeLessThan(e.to));
    expect(shape.root).toBe(shape.nodes.length - 1);
  });

  it('a softmax layer expands whole or not at all', () => {
    const example = EXAMPLES.find((e) => e.id === 'softmax-classifier');
    const network = example?.network as Network;
    const shape = graphShape({
      sizes: [2, 3, 3],
      softmax: network.layers.map((l) => l.activation === 'softmax'),
      samples: 3,
      expanded: (layer, unit) => layer === 2 && unit === 1,
    });
    expect(shape.expanded).toEqual([
      [false, false, false],
      [true, true, true],
    ]);
  });
});
