import type { TrainingSpeed } from './choices';
import type { SessionClient } from './client';
import { imagesDue, keepsWorkerBusy, MAX_BUDGET_MS, nextBudget } from './plan';

/**
 * While training plays, when the controller asks the session to train (controller.ts): on the
 * page, once per animation frame; in a worker playing as fast as possible, again as soon as a
 * reply comes (keepsWorkerBusy: waiting for the page's next frame left the worker idle a third of
 * the time or more). Pictures at most once a page frame, a checkpoint of the network once every
 * `checkpointMs`, and the training time per request (the budget) backing off after dropped frames.
 */
export interface PlayLoop {
  /** Start asking at the next animation frame. */
  start(): void;
  stop(): void;
  /** Pictures came (now): the next are due as imagesDue says. */
  imagesShown(): void;
}

/** What one request asks for beyond the training itself. */
export interface PlayAsk {
  images: boolean;
  /** Commit the network and the optimizer's state (a checkpoint). */
  network: boolean;
  budgetMs: number;
}

export interface PlayLoopDeps {
  requestFrame: (callback: () => void) => number;
  cancelFrame: (handle: number) => void;
  now: () => number;
  reducedMotion: () => boolean;
  checkpointMs: number;
  /** Whether training still plays. */
  playing: () => boolean;
  /** The session's client once it is set up, else null (nothing is asked yet). */
  client: () => SessionClient | null;
  speed: () => TrainingSpeed;
  /** The last pictures' cost in the session (grid pass and painting, ms), or null. */
  pictureMs: () => number | null;
  /** Ask the session (in the controller's queue); resolves once the reply is applied. */
  send: (client: SessionClient, ask: PlayAsk) => Promise<void>;
}

export function createPlayLoop(deps: PlayLoopDeps): PlayLoop {
  const { requestFrame, cancelFrame, now } = deps;
  let frameHandle = 0;
  let inFlight = false;
  /** An animation frame came since the last pictures were asked for. */
  let framePassed = true;
  let lastImagesAt = -Infinity;
  let lastTickAt = -Infinity;
  let lastCheckpointAt = -Infinity;
  let budgetMs = MAX_BUDGET_MS;

  function tick() {
    frameHandle = 0;
    if (!deps.playing()) return;
    const at = now();
    budgetMs = nextBudget(budgetMs, at - lastTickAt);
    lastTickAt = at;
    framePassed = true;
    ask();
    frameHandle = requestFrame(tick);
  }

  function ask() {
    const client = deps.client();
    if (inFlight || !client || !deps.playing()) return;
    const at = now();
    const images =
      framePassed && imagesDue(at - lastImagesAt, deps.pictureMs(), deps.reducedMotion());
    if (images) framePassed = false;
    const checkpoint = at - lastCheckpointAt >= deps.checkpointMs;
    if (checkpoint) lastCheckpointAt = at;
    inFlight = true;
    void deps.send(client, { images, network: checkpoint, budgetMs }).finally(() => {
      inFlight = false;
      if (keepsWorkerBusy(client.inWorker, deps.speed(), now() - lastTickAt)) ask();
    });
  }

  return {
    start() {
      lastTickAt = Infinity;
      frameHandle = requestFrame(tick);
    },
    stop() {
      if (frameHandle) cancelFrame(frameHandle);
      frameHandle = 0;
    },
    imagesShown() {
      lastImagesAt = now();
    },
  };
}
