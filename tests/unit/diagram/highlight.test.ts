import { describe, expect, it } from 'vitest';
import {
  biasIsCurrent,
  columnCurrent,
  edgeIsCurrent,
  stepDimsOthers,
  unitFocus,
} from '../../../src/components/diagram/highlight';
import type { PassStep } from '../../../src/engine';

const L = 2;

describe('what the current step lights up in the diagram', () => {
  it('forward: the incoming edges, biases and source units of the layer computed', () => {
    const step: PassStep = { kind: 'forward', layer: 2 };
    expect(columnCurrent(step, 2)).toBe('all');
    expect(columnCurrent(step, 1)).toBe('none');
    expect(edgeIsCurrent(step, 2, 1, 0)).toBe(true);
    expect(edgeIsCurrent(step, 1, 0, 0)).toBe(false);
    expect(biasIsCurrent(step, 2, 1)).toBe(true);
    expect(unitFocus(step, 2, 0, L)).toBe('computing-forward');
    expect(unitFocus(step, 1, 1, L)).toBe('source-a');
    expect(unitFocus(step, 0, 0, L)).toBe('');
  });

  it('forward, one unit at a time: only the edges into that unit', () => {
    const step: PassStep = { kind: 'forward', layer: 1, unit: 1 };
    expect(columnCurrent(step, 1)).toBe('some');
    expect(edgeIsCurrent(step, 1, 0, 1)).toBe(true);
    expect(edgeIsCurrent(step, 1, 0, 0)).toBe(false);
    expect(biasIsCurrent(step, 1, 1)).toBe(true);
    expect(biasIsCurrent(step, 1, 0)).toBe(false);
    expect(unitFocus(step, 1, 1, L)).toBe('computing-forward');
    expect(unitFocus(step, 1, 0, L)).toBe('');
  });

  it('hidden δ: the outgoing edges and the next layer’s δ that feed it, not the biases', () => {
    const step: PassStep = { kind: 'hiddenDelta', layer: 1 };
    expect(columnCurrent(step, 2)).toBe('weights');
    expect(columnCurrent(step, 1)).toBe('none');
    expect(biasIsCurrent(step, 2, 0)).toBe(false);
    expect(unitFocus(step, 1, 0, L)).toBe('computing-delta');
    expect(unitFocus(step, 2, 1, L)).toBe('source-delta');
    const one: PassStep = { kind: 'hiddenDelta', layer: 1, unit: 0 };
    expect(edgeIsCurrent(one, 2, 0, 1)).toBe(true);
    expect(edgeIsCurrent(one, 2, 1, 0)).toBe(false);
  });

  it('output δ and loss: the output units', () => {
    expect(unitFocus({ kind: 'outputDelta', layer: 2 }, 2, 1, L)).toBe('computing-delta');
    expect(unitFocus({ kind: 'loss' }, 2, 0, L)).toBe('source-a');
    expect(unitFocus({ kind: 'loss' }, 1, 0, L)).toBe('');
    expect(columnCurrent({ kind: 'loss' }, 2)).toBe('none');
  });

  it('gradients: the edges whose ∂L/∂w are computed, from a and δ', () => {
    const step: PassStep = { kind: 'gradients', layer: 2, unit: 0 };
    expect(edgeIsCurrent(step, 2, 1, 0)).toBe(true);
    expect(edgeIsCurrent(step, 2, 1, 1)).toBe(false);
    expect(biasIsCurrent(step, 2, 0)).toBe(true);
    expect(unitFocus(step, 2, 0, L)).toBe('source-delta');
    expect(unitFocus(step, 1, 1, L)).toBe('source-a');
  });

  it('dims the rest only while a step is about part of the network', () => {
    expect(stepDimsOthers({ kind: 'start' })).toBe(false);
    expect(stepDimsOthers({ kind: 'update' })).toBe(false);
    expect(stepDimsOthers({ kind: 'forward', layer: 1 })).toBe(true);
  });
});
