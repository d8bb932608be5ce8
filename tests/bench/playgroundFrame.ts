/**
 * TensorFlow Playground's per-frame work, ported line for line from its `nn.ts` and `playground.ts`
 * (github.com/tensorflow/playground), so the bench can time it on the same machine, network and
 * data size as Backstep. Each animation frame Playground runs `oneStep()`:
 *
 *   1. one epoch over the training set: for every point, `constructInput` (an array of its
 *      features), `forwardProp`, `backProp`, and `updateWeights` after every `batchSize` points —
 *      on a graph of Node and Link objects;
 *   2. `getLoss` over the training and the test set (a forward pass per point);
 *   3. `updateUI` → `updateDecisionBoundary`: 100 × 100 grid points, each its own `constructInput`
 *      and `forwardProp`, every node's output stored in boundary[node.id][i][j]; then each node's
 *      picture is `reduceMatrix(boundary[id], 10)`.
 *
 * Not counted: drawing those pictures to canvases, moving the SVG links and the loss chart. So the
 * time measured is less than a Playground frame really takes, and the frame rate and throughput
 * derived from it are Playground's best case.
 *
 * The function is self-contained (no imports, no outer names) so Playwright can run it in the page.
 */
export interface PlaygroundSpec {
  /** Units per layer, inputs first, e.g. [2, 16, 16, 16, 16, 1]. */
  shape: number[];
  trainCount: number;
  testCount: number;
  batchSize: number;
  learningRate: number;
  warmup: number;
  frames: number;
}

export interface PlaygroundTiming {
  /** Time of each measured frame's work, ms. */
  frameMs: number[];
  /** Of which the 100 × 100 decision boundary, ms. */
  boundaryMs: number[];
}

export function playgroundFrames(spec: PlaygroundSpec): PlaygroundTiming {
  const DENSITY = 100;
  const tanh = { output: (x: number) => Math.tanh(x), der: (x: number) => 1 - Math.tanh(x) ** 2 };
  const square = {
    error: (o: number, t: number) => 0.5 * (o - t) ** 2,
    der: (o: number, t: number) => o - t,
  };
  interface Link {
    source: Node;
    dest: Node;
    weight: number;
    errorDer: number;
    accErrorDer: number;
    numAccumulatedDers: number;
  }
  interface Node {
    id: string;
    inputLinks: Link[];
    outputs: Link[];
    bias: number;
    totalInput: number;
    output: number;
    outputDer: number;
    inputDer: number;
    accInputDer: number;
    numAccumulatedDers: number;
  }
  let id = 1;
  const network: Node[][] = spec.shape.map((n, l) =>
    Array.from({ length: n }, (_, i) => ({
      id: l === 0 ? `x${i}` : String(id++),
      inputLinks: [],
      outputs: [],
      bias: 0.1,
      totalInput: 0,
      output: 0,
      outputDer: 0,
      inputDer: 0,
      accInputDer: 0,
      numAccumulatedDers: 0,
    })),
  );
  for (let l = 1; l < network.length; l++) {
    for (const node of network[l] as Node[]) {
      for (const prev of network[l - 1] as Node[]) {
        const link: Link = {
          source: prev,
          dest: node,
          weight: Math.random() - 0.5,
          errorDer: 0,
          accErrorDer: 0,
          numAccumulatedDers: 0,
        };
        prev.outputs.push(link);
        node.inputLinks.push(link);
      }
    }
  }
  const features = [
    (x: number) => x,
    (_x: number, y: number) => y,
    (x: number) => x * x,
    (_x: number, y: number) => y * y,
    (x: number, y: number) => x * y,
    (x: number) => Math.sin(x),
    (_x: number, y: number) => Math.sin(y),
  ].slice(0, spec.shape[0]);
  const constructInput = (x: number, y: number) => features.map((f) => f(x, y));
  const outputs = network[network.length - 1] as Node[];

  function forwardProp(inputs: number[]) {
    (network[0] as Node[]).forEach((node, i) => (node.output = inputs[i] as number));
    for (let l = 1; l < network.length; l++) {
      for (const node of network[l] as Node[]) {
        node.totalInput = node.bias;
        for (const link of node.inputLinks) node.totalInput += link.weight * link.source.output;
        node.output = tanh.output(node.totalInput);
      }
    }
    return outputs.map((node) => node.output);
  }
  function backProp(targets: number[]) {
    outputs.forEach((node, k) => (node.outputDer = square.der(node.output, targets[k] as number)));
    for (let l = network.length - 1; l >= 1; l--) {
      const layer = network[l] as Node[];
      for (const node of layer) {
        node.inputDer = node.outputDer * tanh.der(node.totalInput);
        node.accInputDer += node.inputDer;
        node.numAccumulatedDers++;
      }
      for (const node of layer) {
        for (const link of node.inputLinks) {
          link.errorDer = node.inputDer * link.source.output;
          link.accErrorDer += link.errorDer;
          link.numAccumulatedDers++;
        }
      }
      if (l === 1) continue;
      for (const node of network[l - 1] as Node[]) {
        node.outputDer = 0;
        for (const output of node.outputs) node.outputDer += output.weight * output.dest.inputDer;
      }
    }
  }
  function updateWeights() {
    for (let l = 1; l < network.length; l++) {
      for (const node of network[l] as Node[]) {
        if (node.numAccumulatedDers > 0) {
          node.bias -= (spec.learningRate * node.accInputDer) / node.numAccumulatedDers;
          node.accInputDer = 0;
          node.numAccumulatedDers = 0;
        }
        for (const link of node.inputLinks) {
          if (link.numAccumulatedDers > 0) {
            link.weight -= (spec.learningRate / link.numAccumulatedDers) * link.accErrorDer;
            link.accErrorDer = 0;
            link.numAccumulatedDers = 0;
          }
        }
      }
    }
  }
  // Playground's circle: radius 5, label +1 inside radius 2.5, −1 outside.
  const point = () => {
    const r = Math.random() * 5;
    const a = Math.random() * 2 * Math.PI;
    const x = r * Math.sin(a);
    const y = r * Math.cos(a);
    const label = Math.hypot(x, y) < 2.5 ? 1 : -1;
    return { x, y, targets: outputs.map((_, k) => (k === 0 ? label : -label)) };
  };
  const trainData = Array.from({ length: spec.trainCount }, point);
  const testData = Array.from({ length: spec.testCount }, point);
  const getLoss = (data: typeof trainData) => {
    let loss = 0;
    for (const p of data) {
      const out = forwardProp(constructInput(p.x, p.y));
      out.forEach((o, k) => (loss += square.error(o, p.targets[k] as number)));
    }
    return loss / data.length;
  };
  const boundary: Record<string, number[][]> = {};
  const reduceMatrix = (matrix: number[][], factor: number) => {
    const n = matrix.length / factor;
    const result: number[][] = [];
    for (let i = 0; i < n; i++) {
      const row: number[] = [];
      for (let j = 0; j < n; j++) {
        let avg = 0;
        for (let k = 0; k < factor; k++)
          for (let m = 0; m < factor; m++)
            avg += (matrix[i * factor + k] as number[])[j * factor + m] as number;
        row.push(avg / (factor * factor));
      }
      result.push(row);
    }
    return result;
  };
  function updateDecisionBoundary() {
    const nodes = network.flat().slice(spec.shape[0]);
    for (const node of nodes) boundary[node.id] ??= [];
    for (let i = 0; i < DENSITY; i++) {
      const rows = nodes.map(
        (node) => ((boundary[node.id] as number[][])[i] ??= new Array(DENSITY)),
      );
      for (let j = 0; j < DENSITY; j++) {
        const x = -6 + (12 * i) / (DENSITY - 1);
        const y = 6 - (12 * j) / (DENSITY - 1);
        forwardProp(constructInput(x, y));
        nodes.forEach((node, n) => ((rows[n] as number[])[j] = node.output));
      }
    }
    let sink = 0;
    for (const node of nodes) sink += reduceMatrix(boundary[node.id] as number[][], 10).length;
    return sink;
  }
  function oneStep() {
    trainData.forEach((p, i) => {
      forwardProp(constructInput(p.x, p.y));
      backProp(p.targets);
      if ((i + 1) % spec.batchSize === 0) updateWeights();
    });
    getLoss(trainData);
    getLoss(testData);
    const start = performance.now();
    updateDecisionBoundary();
    return performance.now() - start;
  }

  const frameMs: number[] = [];
  const boundaryMs: number[] = [];
  for (let f = 0; f < spec.warmup + spec.frames; f++) {
    const start = performance.now();
    const grid = oneStep();
    if (f >= spec.warmup) {
      frameMs.push(performance.now() - start);
      boundaryMs.push(grid);
    }
  }
  return { frameMs, boundaryMs };
}
