import type { PackedSet } from '../engine';
import {
  createLandscapeWorkshop,
  type LandscapeJob,
  type LandscapeReply,
  type LandscapeResult,
} from './landscapeJob';

/**
 * The page's handle on the landscape worker. Only the newest job counts: while one is computed,
 * a newer one waits and replaces any that waited before it, so a landscape drawn live is never
 * behind by more than one job. Without Workers (unit tests) the job runs on the page, a task later.
 */
export interface LandscapeClient {
  /** Compute this job (its data: the set the job is on; sent to the worker only when it changed). */
  submit(job: Omit<LandscapeJob, 'data'> & { data: PackedSet }): void;
  dispose(): void;
}

export function createLandscapeClient(
  onResult: (result: LandscapeResult, job: LandscapeJob) => void,
  onError: (message: string) => void,
): LandscapeClient {
  let worker: Worker | null = null;
  if (typeof Worker !== 'undefined') {
    try {
      worker = new Worker(new URL('./landscapeWorker.ts', import.meta.url), { type: 'module' });
    } catch {
      worker = null;
    }
  }
  const local = worker ? null : createLandscapeWorkshop();
  let sentData: PackedSet | null = null;
  let busy: LandscapeJob | null = null;
  let waiting: (LandscapeJob & { full: PackedSet }) | null = null;
  let nextId = 1;
  let disposed = false;

  const finish = (reply: LandscapeReply) => {
    const job = busy;
    busy = null;
    if (disposed || !job) return;
    if (reply.ok) onResult(reply.result, job);
    else onError(reply.error);
    if (waiting) start(waiting);
  };

  function start(job: LandscapeJob & { full: PackedSet }) {
    waiting = null;
    const { full, ...rest } = job;
    const data = full === sentData ? null : full;
    sentData = full;
    busy = { ...rest, data: full };
    const id = nextId++;
    if (worker) {
      worker.postMessage({ ...rest, data, id });
      return;
    }
    setTimeout(() => {
      try {
        finish({
          id,
          ok: true,
          result: (local as ReturnType<typeof createLandscapeWorkshop>)({ ...rest, data }),
        });
      } catch (error) {
        finish({ id, ok: false, error: (error as Error).message });
      }
    }, 0);
  }

  if (worker) {
    worker.onmessage = (event: MessageEvent<LandscapeReply>) => finish(event.data);
    worker.onerror = (event) => {
      event.preventDefault();
      busy = null;
      onError(`The landscape worker failed: ${event.message || 'it could not start'}.`);
    };
  }

  return {
    submit(job) {
      const queued = { ...job, full: job.data };
      if (busy) waiting = queued;
      else start(queued);
    },
    dispose() {
      disposed = true;
      worker?.terminate();
    },
  };
}
