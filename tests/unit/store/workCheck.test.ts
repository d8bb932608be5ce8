import { describe, expect, it, vi } from 'vitest';
import { createAppStore, LIMITS, type AppStore } from '../../../src/store';
import { learnerOf, parseSaved, toSaved } from '../../../src/store/persist';
import { partProblem, workProblem } from '../../../src/store/workCheck';
import { learnerSchema } from '../../../src/store/schema';

/** The classic 2-2-2 network made linear, fed x = 1000 and y = −1000 at η = 10: it diverges. */
function divergingStore(): AppStore {
  const store = createAppStore();
  const s = store.getState();
  s.setActivation(1, 'linear');
  s.setActivation(2, 'linear');
  for (const index of [0, 1]) {
    expect(s.setParameter({ kind: 'input', sample: 0, index }, 1000)).toBeNull();
    expect(s.setParameter({ kind: 'target', sample: 0, index }, -1000)).toBeNull();
  }
  expect(s.setLearningRate(LIMITS.maxLearningRate)).toBeNull();
  s.goToEnd();
  return store;
}

describe('an update that would leave what the work can keep', () => {
  it('is stopped with the reason in the learner’s words, and changes nothing', () => {
    const store = divergingStore();
    const before = store.getState();
    const outcome = store.getState().stepForward();
    expect(outcome).toMatch(
      /^Stopped before the update: Weight w\S+ would be −\d(\.\d+)?e7, beyond ±1,000,000, the largest number Backstep can save\. Gradient descent is diverging; lower the learning rate η/,
    );
    const after = store.getState();
    expect(after.network).toBe(before.network);
    expect(after.stepIndex).toBe(before.stepIndex);
    expect(after.history).toBe(before.history);
    // What is shown can still be saved and read back.
    expect(parseSaved(JSON.parse(JSON.stringify(toSaved(learnerOf(after)))))).toMatchObject({
      ok: true,
    });
    // A smaller step does not diverge (yet): the same pass with η = 0.000001 updates.
    expect(after.setLearningRate(1e-6)).toBeNull();
    expect(store.getState().stepForward()).toBeNull();
    expect(store.getState().history).toHaveLength(1);
  });

  it('is refused as an edit too (a network handed over from training)', () => {
    const store = createAppStore();
    const { network } = store.getState();
    const [first, ...rest] = network.layers;
    if (!first) throw new Error('no layer');
    const huge = {
      ...network,
      layers: [{ ...first, biases: first.biases.map(() => 2e6) }, ...rest],
    };
    expect(store.getState().setNetwork(huge)).toMatch(/^Bias b\S+ would be 2e6, beyond ±1,000,000/);
    expect(store.getState().network).toBe(network);
    const infinite = { ...network, layers: [{ ...first, biases: [Infinity, 0] }, ...rest] };
    expect(store.getState().setNetwork(infinite)).toMatch(/would not be a finite number/);
  });
});

describe('an edit whose update would overflow', () => {
  it('is refused: an update beyond what can be saved has its pass run, where it overflows', () => {
    const store = createAppStore();
    const s = store.getState();
    expect(s.setLearningRate(LIMITS.maxLearningRate)).toBeNull();
    // Nine linear layers of 16 with every number at 1000, fed 1000: gradients near 1e80, so the
    // update moves weights to about 1e81, and the updated network's pass leaves the float64 range.
    const width = (l: number) => (l === 0 ? 2 : 16);
    const deep = {
      inputSize: 2,
      loss: 'sse' as const,
      layers: Array.from({ length: 9 }, (_, l) => ({
        activation: 'linear' as const,
        weights: Array.from({ length: width(l) }, () =>
          Array<number>(l === 8 ? 2 : 16).fill(1000),
        ),
        biases: Array<number>(l === 8 ? 2 : 16).fill(1000),
      })),
    };
    const before = store.getState().network;
    expect(store.getState().setNetwork(deep)).toMatch(/overflowed to -?Infinity/);
    expect(store.getState().network).toBe(before);
    // The same network with weights of 0.1 updates within the bound, and is taken.
    const small = {
      ...deep,
      layers: deep.layers.map((l) => ({
        ...l,
        weights: l.weights.map((row) => row.map(() => 0.1)),
        biases: l.biases.map(() => 0.1),
      })),
    };
    expect(store.getState().setNetwork(small)).toBeNull();
  });
});

describe('the whole work, checked as one', () => {
  const work = () => learnerOf(createAppStore().getState());

  it('refuses a history of another shape, which would break stepping back', () => {
    const store = createAppStore();
    store.getState().setUnits(0, 3);
    const wider = store.getState().network;
    const saved = toSaved({ ...work(), history: [wider] });
    const loaded = parseSaved(JSON.parse(JSON.stringify(saved)));
    expect(loaded).toEqual({
      ok: false,
      error: expect.stringMatching(
        /^history\[0\]: its network has layers of 3–2–2 units but the work's has 2–2–2/,
      ) as string,
    });
  });

  it('refuses a selection of something the network does not have', () => {
    const selection = { kind: 'weight' as const, layer: 2, from: 5, to: 0 };
    expect(workProblem({ ...work(), selection })).toMatch(/^selection:/);
  });

  it('names a number out of range the way the diagram names it', () => {
    const w = work();
    const samples = [{ x: [1, -3e6], y: [0, 1] }];
    expect(partProblem(w, 'samples', samples)).toMatch(/^Input \S+ would be −3e6/);
    expect(partProblem(w, 'learningRate', 11)).toMatch(/^learningRate: /);
    expect(partProblem(w, 'learningRate', 10)).toBeNull();
  });
});

describe('the gate parses only what an edit changes', () => {
  it('checks a weight edit’s network, not the samples it leaves as they were, and the other way round', () => {
    const store = createAppStore();
    const samples = vi.spyOn(learnerSchema.shape.samples, 'safeParse');
    const network = vi.spyOn(learnerSchema.shape.network, 'safeParse');
    try {
      const s = store.getState();
      expect(s.setParameter({ kind: 'weight', layer: 1, from: 0, to: 0 }, 0.25)).toBeNull();
      expect(network).toHaveBeenCalledTimes(1);
      expect(samples).not.toHaveBeenCalled();
      expect(s.setParameter({ kind: 'input', sample: 0, index: 0 }, 0.5)).toBeNull();
      expect(samples).toHaveBeenCalledTimes(1);
      expect(network).toHaveBeenCalledTimes(1);
    } finally {
      samples.mockRestore();
      network.mockRestore();
    }
  });
});
