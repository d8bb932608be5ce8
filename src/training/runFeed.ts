import { appendRecords, type ClassResults, type EpochRecord, type RunStore } from './runtime';
import type { FrameReply } from './protocol';

/**
 * Feeds the run store from frame replies without re-rendering every frame: records, the epoch
 * counter, the speed and the latest results for classes are gathered and written at most every 100 ms (every second when the
 * learner prefers reduced motion), or at once when training stops.
 */
export interface RunFeed {
  add(reply: FrameReply): void;
  flush(force: boolean): void;
  /** Forget what is pending (a new run). */
  reset(): void;
  /** Start measuring examples per second from now. */
  startClock(): void;
  /** Smoothed time of one grid pass, in ms. */
  readonly gridMs: number | null;
  /** Smoothed time to paint the images from it, in ms. */
  readonly paintMs: number | null;
}

export function createRunFeed(run: RunStore, reducedMotion: () => boolean): RunFeed {
  let pending: EpochRecord[] = [];
  /** The race's second run's points, taken with the first's. */
  let pendingRace: EpochRecord[] = [];
  let results: ClassResults | null = null;
  let latest: Pick<FrameReply, 'epoch' | 'examplesSeen' | 'gridPoints'> | null = null;
  let lastFlush = -Infinity;
  let gridMs: number | null = null;
  let paintMs: number | null = null;
  let clock = { since: performance.now(), examples: 0 };
  /**
   * In a race, each run's steps' time since the clock started, and the examples in it: summed over
   * the whole run, because a worker's clock reads in steps of up to 100 µs (more than a step takes),
   * which only averages out over many steps.
   */
  let own = { examples: 0, first: 0, second: 0 };

  return {
    add(reply) {
      if (reply.record) pending.push(reply.record);
      if (reply.race?.record) pendingRace.push(reply.race.record);
      if (reply.results) results = reply.results;
      latest = reply;
      clock.examples += reply.trained;
      if (reply.race) {
        own.examples += reply.trained;
        own.first += reply.race.ms.first;
        own.second += reply.race.ms.second;
      }
      if (reply.gridMs !== null) {
        gridMs = gridMs === null ? reply.gridMs : 0.8 * gridMs + 0.2 * reply.gridMs;
      }
      if (reply.paintMs !== null) {
        paintMs = paintMs === null ? reply.paintMs : 0.8 * paintMs + 0.2 * reply.paintMs;
      }
    },
    flush(force) {
      const now = performance.now();
      if (!force && now - lastFlush < (reducedMotion() ? 1000 : 100)) return;
      lastFlush = now;
      const records = pending;
      const raceRecords = pendingRace;
      const at = latest;
      const fresh = results;
      pending = [];
      pendingRace = [];
      results = null;
      const elapsed = now - clock.since;
      const perSecond = elapsed > 250 ? (clock.examples * 1000) / elapsed : null;
      // Each run's own: its examples over its steps' time (a run out of the race takes none).
      const rate = (ms: number) => (ms > 0 ? (own.examples * 1000) / ms : 0);
      const raceSpeeds =
        perSecond !== null && own.first > 0
          ? { first: rate(own.first), second: rate(own.second) }
          : null;
      if (perSecond !== null) clock = { since: now, examples: 0 };
      run.setState((s) => ({
        history: records.length ? appendRecords(s.history, records) : s.history,
        race:
          s.race && raceRecords.length
            ? { ...s.race, history: appendRecords(s.race.history, raceRecords) }
            : s.race,
        ...(at
          ? { epoch: at.epoch, examplesSeen: at.examplesSeen, gridPoints: at.gridPoints }
          : {}),
        ...(perSecond !== null ? { examplesPerSecond: perSecond } : {}),
        ...(raceSpeeds ? { raceExamplesPerSecond: raceSpeeds } : {}),
        ...(fresh ? { results: fresh } : {}),
        gridMs,
        paintMs,
      }));
    },
    reset() {
      pending = [];
      pendingRace = [];
      results = null;
      latest = null;
      gridMs = null;
      paintMs = null;
    },
    startClock() {
      clock = { since: performance.now(), examples: 0 };
      own = { examples: 0, first: 0, second: 0 };
    },
    get gridMs() {
      return gridMs;
    },
    get paintMs() {
      return paintMs;
    },
  };
}
