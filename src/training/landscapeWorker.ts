/// <reference lib="webworker" />
import { createLandscapeWorkshop, type LandscapeJob, type LandscapeReply } from './landscapeJob';

/**
 * The loss landscape's worker: a 64 × 64 grid is 4,096 passes over the data, far too long for the
 * page's thread, and apart from the training worker so training keeps its pace meanwhile.
 */
const scope = self as unknown as DedicatedWorkerGlobalScope;
const run = createLandscapeWorkshop();

scope.onmessage = (event: MessageEvent<LandscapeJob & { id: number }>) => {
  const { id, ...job } = event.data;
  let reply: LandscapeReply;
  try {
    reply = { id, ok: true, result: run(job) };
  } catch (error) {
    reply = { id, ok: false, error: (error as Error).message };
  }
  const transfer = reply.ok
    ? [reply.result.losses.buffer, ...(reply.result.slice ? [reply.result.slice.buffer] : [])]
    : [];
  scope.postMessage(reply, transfer as ArrayBuffer[]);
};
