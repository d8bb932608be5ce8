import type { Network, Optimizer, PackedSet, TrainerOptions } from '../engine';
import type {
  FrameReply,
  FrameRequest,
  FromWorker,
  RaceSpec,
  SessionInit,
  ToWorker,
} from './protocol';
import { createSession, type Session } from './session';

/**
 * The page's handle on a training session: in a Web Worker when the browser has one, else on the
 * page itself (same session code, same answers). Every call is a promise, answered in order.
 */
export interface SessionClient {
  readonly inWorker: boolean;
  init(init: SessionInit): Promise<void>;
  frame(request: FrameRequest): Promise<FrameReply>;
  setOptions(options: Partial<TrainerOptions>): Promise<void>;
  setNetwork(network: Network): Promise<void>;
  nextBatch(): Promise<number[]>;
  setRace(race: RaceSpec | null): Promise<void>;
  setRaceOptimizer(optimizer: Optimizer): Promise<void>;
  dispose(): void;
}

/** How a worker that broke down (rather than refused a request) is reported. */
export const WORKER_FAILED = 'The training worker failed';

type Payload = ToWorker extends infer M
  ? M extends { id: number }
    ? Omit<M, 'id'>
    : never
  : never;

/** The next task: the page draws and answers between two slices of work. */
export const nextTask = () => new Promise<void>((resolve) => setTimeout(resolve, 0));

/** Numbers copied per task: a few hundred kilobytes, a few milliseconds. */
const SLICE = 1 << 16;

async function copyInSlices(values: Float64Array): Promise<Float64Array> {
  const copy = new Float64Array(values.length);
  for (let at = 0; at < values.length; at += SLICE) {
    if (at > 0) await nextTask();
    copy.set(values.subarray(at, at + SLICE), at);
  }
  return copy;
}

/**
 * A copy of a set whose arrays can move to the worker: a 20,000-row training set is megabytes,
 * and copying it in one message (postMessage clones it) held the page for a long task.
 */
async function movableCopy(set: PackedSet): Promise<PackedSet> {
  if (set.inputs.length + set.targets.length <= SLICE) return set;
  return {
    ...set,
    inputs: await copyInSlices(set.inputs),
    targets: await copyInSlices(set.targets),
  };
}

function workerClient(worker: Worker): SessionClient {
  let nextId = 1;
  const pending = new Map<number, { resolve: (v: unknown) => void; reject: (e: Error) => void }>();
  worker.onmessage = (event: MessageEvent<FromWorker>) => {
    const reply = event.data;
    const waiting = pending.get(reply.id);
    pending.delete(reply.id);
    if (!waiting) return;
    if (reply.ok) waiting.resolve(reply.result);
    else waiting.reject(new Error(reply.error));
  };
  worker.onerror = (event) => {
    event.preventDefault();
    const error = new Error(`${WORKER_FAILED}: ${event.message || 'it could not start'}.`);
    for (const waiting of pending.values()) waiting.reject(error);
    pending.clear();
  };
  const call = <T>(message: Payload, transfer: Transferable[] = []): Promise<T> =>
    new Promise<T>((resolve, reject) => {
      const id = nextId++;
      pending.set(id, { resolve: resolve as (v: unknown) => void, reject });
      worker.postMessage({ ...message, id } as ToWorker, transfer);
    });
  return {
    inWorker: true,
    async init(init) {
      const train = await movableCopy(init.train);
      const test = await movableCopy(init.test);
      const moved = [train, test]
        .filter((set, k) => set !== (k === 0 ? init.train : init.test))
        .flatMap((set) => [set.inputs.buffer, set.targets.buffer]);
      return call({ kind: 'init', init: { ...init, train, test } }, moved);
    },
    frame: (request) => call({ kind: 'frame', request }),
    setOptions: (options) => call({ kind: 'options', options }),
    setNetwork: (network) => call({ kind: 'network', network }),
    nextBatch: () => call({ kind: 'nextBatch' }),
    setRace: (race) => call({ kind: 'race', race }),
    setRaceOptimizer: (optimizer) => call({ kind: 'raceOptimizer', optimizer }),
    dispose: () => worker.terminate(),
  };
}

/** The same session on the page's own thread. */
export function localClient(): SessionClient {
  let session: Session | null = null;
  const withSession = <T>(f: (s: Session) => T): Promise<T> => {
    try {
      if (!session) throw new Error('Training has not been set up yet.');
      return Promise.resolve(f(session));
    } catch (error) {
      return Promise.reject(error as Error);
    }
  };
  return {
    inWorker: false,
    init(init) {
      try {
        session = createSession(init);
        return Promise.resolve();
      } catch (error) {
        return Promise.reject(error as Error);
      }
    },
    frame: (request) => withSession((s) => s.frame(request)),
    setOptions: (options) => withSession((s) => s.setOptions(options)),
    setNetwork: (network) => withSession((s) => s.setNetwork(network)),
    nextBatch: () => withSession((s) => s.nextBatch()),
    setRace: (race) => withSession((s) => s.setRace(race)),
    setRaceOptimizer: (optimizer) => withSession((s) => s.setRaceOptimizer(optimizer)),
    dispose() {
      session = null;
    },
  };
}

export function createSessionClient(): SessionClient {
  if (typeof Worker === 'undefined') return localClient();
  try {
    return workerClient(
      new Worker(new URL('./trainWorker.ts', import.meta.url), { type: 'module' }),
    );
  } catch {
    return localClient();
  }
}
