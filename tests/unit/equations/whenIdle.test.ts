import { afterEach, describe, expect, it, vi } from 'vitest';
import { whenIdle } from '../../../src/components/equations/whenIdle';

describe('whenIdle', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('asks for one idle callback for all that is queued, and runs each task once', () => {
    const callbacks: (() => void)[] = [];
    const ask = vi.fn((callback: () => void, options: { timeout: number }) => {
      expect(options.timeout).toBe(250);
      callbacks.push(callback);
      return callbacks.length;
    });
    vi.stubGlobal('requestIdleCallback', ask);
    const mathml = vi.fn();
    const offScreen = vi.fn();
    whenIdle(mathml);
    whenIdle(offScreen);
    whenIdle(mathml); // queued already
    expect(ask).toHaveBeenCalledTimes(1);
    callbacks[0]?.();
    expect(mathml).toHaveBeenCalledTimes(1);
    expect(offScreen).toHaveBeenCalledTimes(1);
    // Work queued after the idle callback ran asks for a new one.
    whenIdle(mathml);
    expect(ask).toHaveBeenCalledTimes(2);
    callbacks[1]?.();
    expect(mathml).toHaveBeenCalledTimes(2);
  });
});
