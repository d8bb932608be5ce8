/** passSteps and progressAt: the order a pass is revealed in, and what may be shown after a step. */
import { describe, expect, it } from 'vitest';
import { initializeNetwork, passSteps, progressAt, type PassStep } from '../../../src/engine';

/** 2 inputs, layers of 3, 2 and 1 units. */
const net = initializeNetwork(
  {
    inputSize: 2,
    loss: 'halfSse',
    layers: [
      { units: 3, activation: 'tanh' },
      { units: 2, activation: 'sigmoid' },
      { units: 1, activation: 'linear' },
    ],
  },
  1,
);

const label = (s: PassStep) =>
  [s.kind, 'layer' in s ? s.layer : '', 'unit' in s && s.unit !== undefined ? s.unit : '']
    .join(' ')
    .trim();

describe('passSteps', () => {
  it('layer granularity for 2-3-2-1: forward 1..3, loss, output δ, hidden δ 2 and 1, gradients 3..1, update', () => {
    expect(passSteps(net, 'layer')).toEqual([
      { kind: 'start' },
      { kind: 'forward', layer: 1 },
      { kind: 'forward', layer: 2 },
      { kind: 'forward', layer: 3 },
      { kind: 'loss' },
      { kind: 'outputDelta', layer: 3 },
      { kind: 'hiddenDelta', layer: 2 },
      { kind: 'hiddenDelta', layer: 1 },
      { kind: 'gradients', layer: 3 },
      { kind: 'gradients', layer: 2 },
      { kind: 'gradients', layer: 1 },
      { kind: 'update' },
    ]);
    expect(passSteps(net)).toEqual(passSteps(net, 'layer'));
  });

  it('unit granularity: one step per unit, units in order within a layer', () => {
    const steps = passSteps(net, 'unit');
    // 1 start + 6 forward + 1 loss + 1 output δ + (2 + 3) hidden δ + 6 gradients + 1 update
    expect(steps).toHaveLength(21);
    expect(steps.map(label)).toEqual([
      'start',
      'forward 1 0',
      'forward 1 1',
      'forward 1 2',
      'forward 2 0',
      'forward 2 1',
      'forward 3 0',
      'loss',
      'outputDelta 3 0',
      'hiddenDelta 2 0',
      'hiddenDelta 2 1',
      'hiddenDelta 1 0',
      'hiddenDelta 1 1',
      'hiddenDelta 1 2',
      'gradients 3 0',
      'gradients 2 0',
      'gradients 2 1',
      'gradients 1 0',
      'gradients 1 1',
      'gradients 1 2',
      'update',
    ]);
  });

  it('a single-layer network has no hidden δ', () => {
    const one = initializeNetwork(
      { inputSize: 4, loss: 'sse', layers: [{ units: 2, activation: 'linear' }] },
      2,
    );
    expect(passSteps(one).map(label)).toEqual([
      'start',
      'forward 1',
      'loss',
      'outputDelta 1',
      'gradients 1',
      'update',
    ]);
    expect(passSteps(one, 'unit')).toHaveLength(1 + 2 + 1 + 2 + 2 + 1);
  });
});

describe('progressAt', () => {
  const layerSteps = passSteps(net, 'layer');
  const at = (index: number, steps = layerSteps) => progressAt(net, steps, index);

  it('at the start nothing is shown', () => {
    expect(at(0)).toEqual({
      forwardUnits: [0, 0, 0],
      lossShown: false,
      deltaUnits: [0, 0, 0],
      gradientUnits: [0, 0, 0],
      updated: false,
    });
    expect(at(-1)).toEqual(at(0));
  });

  it('forward layers fill in one after another, then the loss', () => {
    expect(at(1).forwardUnits).toEqual([3, 0, 0]);
    expect(at(2).forwardUnits).toEqual([3, 2, 0]);
    expect(at(3).forwardUnits).toEqual([3, 2, 1]);
    expect(at(3).lossShown).toBe(false);
    expect(at(4).lossShown).toBe(true);
    expect(at(4).deltaUnits).toEqual([0, 0, 0]);
  });

  it('δ flows backwards from the output, gradients after all δ, update last', () => {
    expect(at(5).deltaUnits).toEqual([0, 0, 1]);
    expect(at(6).deltaUnits).toEqual([0, 2, 1]);
    expect(at(7).deltaUnits).toEqual([3, 2, 1]);
    expect(at(7).gradientUnits).toEqual([0, 0, 0]);
    expect(at(8).gradientUnits).toEqual([0, 0, 1]);
    expect(at(10).gradientUnits).toEqual([3, 2, 1]);
    expect(at(10).updated).toBe(false);
    expect(at(11)).toEqual({
      forwardUnits: [3, 2, 1],
      lossShown: true,
      deltaUnits: [3, 2, 1],
      gradientUnits: [3, 2, 1],
      updated: true,
    });
  });

  it('an index past the end is the end', () => {
    expect(at(99)).toEqual(at(layerSteps.length - 1));
  });

  it('unit granularity counts units shown so far within a layer', () => {
    const unitSteps = passSteps(net, 'unit');
    const u = (i: number) => progressAt(net, unitSteps, i);
    expect(u(1).forwardUnits).toEqual([1, 0, 0]);
    expect(u(2).forwardUnits).toEqual([2, 0, 0]);
    expect(u(4).forwardUnits).toEqual([3, 1, 0]);
    expect(u(9).deltaUnits).toEqual([0, 1, 1]);
    expect(u(12).deltaUnits).toEqual([2, 2, 1]);
    expect(u(16).gradientUnits).toEqual([0, 2, 1]);
    expect(u(17).gradientUnits).toEqual([1, 2, 1]);
    expect(u(20).updated).toBe(true);
    // the last step of each phase at unit granularity equals the layer step's progress
    expect(u(20)).toEqual(at(11));
    expect(u(7)).toEqual(at(4));
    expect(u(13)).toEqual(at(7));
  });
});
