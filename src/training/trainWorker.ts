/// <reference lib="webworker" />
import type { FromWorker, ToWorker } from './protocol';
import { createSession, transferablesOf, type Session } from './session';

/**
 * The training worker: training and the heatmap grid run here, off the page's thread, so the page
 * only draws. Messages are handled in order; each gets one reply with the same id.
 */
let session: Session | null = null;

function handle(message: ToWorker): { result: unknown; transfer: ArrayBuffer[] } {
  if (message.kind === 'init') {
    session = createSession(message.init);
    return { result: null, transfer: [] };
  }
  if (!session) throw new Error('Training has not been set up yet.');
  switch (message.kind) {
    case 'frame': {
      const reply = session.frame(message.request);
      return { result: reply, transfer: transferablesOf(reply) };
    }
    case 'options':
      session.setOptions(message.options);
      return { result: null, transfer: [] };
    case 'network':
      session.setNetwork(message.network);
      return { result: null, transfer: [] };
    case 'nextBatch':
      return { result: session.nextBatch(), transfer: [] };
    case 'race':
      session.setRace(message.race);
      return { result: null, transfer: [] };
    case 'raceOptimizer':
      session.setRaceOptimizer(message.optimizer);
      return { result: null, transfer: [] };
  }
}

self.onmessage = (event: MessageEvent<ToWorker>) => {
  const message = event.data;
  let reply: FromWorker;
  let transfer: ArrayBuffer[] = [];
  try {
    const handled = handle(message);
    reply = { id: message.id, ok: true, result: handled.result };
    transfer = handled.transfer;
  } catch (error) {
    reply = { id: message.id, ok: false, error: (error as Error).message };
  }
  (self as unknown as DedicatedWorkerGlobalScope).postMessage(reply, transfer);
};
