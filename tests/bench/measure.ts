/** What the browser benchmarks and profiles read from Chromium traces, and how they summarize it. */

/** An event of a Chromium trace (the fields read here). */
export interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  ts: number;
  dur?: number;
  args?: {
    name?: string;
    data?: {
      startTime?: number;
      timeDeltas?: number[];
      cpuProfile?: { nodes?: ProfileNode[]; samples?: number[] };
    };
  };
}

/** A node of the CPU profile a trace carries (disabled-by-default-v8.cpu_profiler). */
export interface ProfileNode {
  id: number;
  parent?: number;
  callFrame: { functionName: string; url?: string; lineNumber: number };
}

/**
 * The p-quantile of ascending `sorted`, by nearest rank: the smallest value with at least a share p
 * of the values at or below it (of 40 frames, p95 is the 38th: two are slower). The one definition
 * every benchmark here uses.
 */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.max(0, Math.ceil(p * sorted.length) - 1)] ?? NaN;
}

/** The median of `values` (any order): the lower middle of an even count. */
export function median(values: readonly number[]): number {
  return quantile(
    [...values].sort((a, b) => a - b),
    0.5,
  );
}

export function percentiles(values: number[]) {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: quantile(sorted, 0.5), p95: quantile(sorted, 0.95), max: sorted.at(-1) ?? NaN };
}
