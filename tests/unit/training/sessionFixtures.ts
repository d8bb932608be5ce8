import type { PreparedData } from '../../../src/data';
import type { Network } from '../../../src/engine';
import { sessionInitOf } from '../../../src/training/plan';
import type { FrameRequest } from '../../../src/training/protocol';
import { preparedOf } from '../../../src/training/selectors';
import { createSession } from '../../../src/training/session';
import { createTrainingStore } from '../../../src/training/store';

/** A training session on these choices (η 0.1) with the network made for their data. */
export function trainingSession(
  init: Parameters<typeof createTrainingStore>[0],
  networkFor: (data: PreparedData) => Network,
) {
  const choices = createTrainingStore(init).getState();
  const data = preparedOf(choices);
  const network = networkFor(data);
  return { s: createSession(sessionInitOf(network, choices, 0.1)), data, network, choices };
}

/** A frame request: no work, no pictures, no network back, unless said. */
export const request = (r: Partial<FrameRequest>): FrameRequest => ({
  work: 'none',
  budgetMs: 5,
  stop: { kind: 'none', epochs: 1, loss: 0 },
  images: false,
  network: false,
  ...r,
});
