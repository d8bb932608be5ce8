import type { PreparedData } from '../data';
import type { Network } from '../engine';
import type { AppStore } from '../store/appStore';
import {
  fitProblem,
  fittedNetwork,
  penaltyOfChoices,
  preparedOf,
  reinitialized,
  stepperSamples,
} from './selectors';
import { EMPTY_RUN, type RunStore } from './runtime';
import type { TrainingStore } from './store';
import type { TrainingChoices } from './choices';
import { createSessionClient, localClient, WORKER_FAILED, type SessionClient } from './client';
import {
  imagesDue,
  MAX_BUDGET_MS,
  nextBudget,
  playRequest,
  sessionInitOf,
  shapeKeyOf,
} from './plan';
import type { FrameReply, FrameRequest, HiddenLayout, Images, PlotView } from './protocol';
import { prefersReducedMotion } from './motion';
import { createRunFeed } from './runFeed';

/**
 * Runs training for the live view: keeps a session (in a worker) in step with the learner's
 * network and choices, drives it one animation frame at a time, sends heatmaps straight to the
 * canvases, curves to the run store (a few times a second), and commits the network to the main
 * store whenever training pauses — so the stepper, undo and saving see it.
 */
export interface TrainingController {
  refresh(): void;
  play(): void;
  pause(): Promise<void>;
  oneEpoch(): Promise<void>;
  /** Hand the next mini-batch to the stepper, as the pass training would run next. */
  openNextBatch(): Promise<void>;
  reset(newSeed: boolean): Promise<void>;
  /** Discretize the big picture, or show one unit in it instead of the output; redraws. */
  setView(view: Partial<PlotView>): void;
  view(): PlotView;
  onView(listener: () => void): () => void;
  onImages(listener: ImageListener): () => void;
  latestImages(): { images: Images; hidden: HiddenLayout } | null;
  dispose(): void;
}

export type ImageListener = (images: Images, hidden: HiddenLayout) => void;

export interface ControllerOptions {
  makeClient?: () => SessionClient;
  reducedMotion?: () => boolean;
  requestFrame?: (callback: () => void) => number;
  cancelFrame?: (handle: number) => void;
}

const DATA_KEYS: (keyof TrainingChoices)[] = [
  'source',
  'dataset',
  'noise',
  'count',
  'dataSeed',
  'trainFraction',
  'csv',
  'features',
];

export function createTrainingController(
  app: AppStore,
  choices: TrainingStore,
  run: RunStore,
  options: ControllerOptions = {},
): TrainingController {
  const makeClient = options.makeClient ?? createSessionClient;
  const reducedMotion = options.reducedMotion ?? prefersReducedMotion;
  const requestFrame = options.requestFrame ?? ((f) => requestAnimationFrame(f));
  const cancelFrame = options.cancelFrame ?? ((h) => cancelAnimationFrame(h));

  let client: SessionClient | null = null;
  let session: { data: PreparedData; shape: string; network: Network } | null = null;
  let chain: Promise<void> = Promise.resolve();
  let frameHandle = 0;
  let inFlight = false;
  let refreshQueued = false;
  let lastImagesAt = -Infinity;
  let lastTickAt = -Infinity;
  let budgetMs = MAX_BUDGET_MS;
  const feed = createRunFeed(run, reducedMotion);
  let latest: { images: Images; hidden: HiddenLayout } | null = null;
  const listeners = new Set<ImageListener>();
  /** What the big picture shows (a view option, not saved). */
  let view: PlotView = { discretize: false, focus: null, hover: null };
  const viewListeners = new Set<() => void>();
  /** The mini-batch last handed to the stepper, and the network it was handed with. */
  let handedBatch: { network: Network; samples: PreparedData['train'] } | null = null;
  /** True while this controller itself changes the main store's network. */
  let ownChange = false;
  const setMain = (network: Network, samples?: PreparedData['train']) => {
    ownChange = true;
    try {
      return app.getState().setNetwork(network, samples);
    } finally {
      ownChange = false;
    }
  };

  const fail = (error: unknown) =>
    run.setState({ status: 'idle', error: (error as Error).message ?? String(error) });
  const enqueue = (task: () => Promise<void>): Promise<void> =>
    (chain = chain.then(task).catch(fail));

  const clearRun = () => {
    feed.reset();
    run.setState({ ...EMPTY_RUN, status: run.getState().status, notice: run.getState().notice });
  };

  /** Commit a network from training to the main store (undoable; the stepper starts over). */
  const commit = (network: Network) => {
    if (session) session.network = network;
    const outcome = setMain(network);
    if (outcome === null || !session) return;
    const retry = setMain(network, stepperSamples(session.data, choices.getState().batchSize));
    if (retry) throw new Error(retry);
  };

  /** Make the session train the main store's network on the chosen data, fitting it if needed. */
  async function sync(): Promise<SessionClient> {
    const c = choices.getState();
    const data = preparedOf(c);
    let network = app.getState().network;
    const problem = fitProblem(network, data);
    if (problem) {
      network = fittedNetwork(network, data, c.initSeed);
      const outcome = setMain(network, stepperSamples(data, c.batchSize));
      if (outcome) throw new Error(outcome);
      run.setState({
        notice: `${problem} So the network was set up for this data: ${network.inputSize} input${network.inputSize === 1 ? '' : 's'}, the same hidden layers, and an output for ${data.task === 'regression' ? 'regression' : 'classification'}, with new weights (seed ${c.initSeed}). Undo (Ctrl+Z) brings the previous network back.`,
      });
    }
    client ??= makeClient();
    const shape = shapeKeyOf(network);
    if (!session || session.data !== data || session.shape !== shape) {
      const { learningRate, trainBiases } = app.getState();
      const init = sessionInitOf(network, c, learningRate, trainBiases);
      try {
        await client.init(init);
      } catch (error) {
        if (!client.inWorker || !(error as Error).message.startsWith(WORKER_FAILED)) throw error;
        // A worker that cannot start (an old browser, a strict policy): train on the page instead.
        client.dispose();
        client = localClient();
        await client.init(init);
      }
      session = { data, shape, network };
      clearRun();
    } else if (session.network !== network) {
      // The stepper took the gradient step on the batch it was handed: training moves past it.
      const handed = handedBatch;
      handedBatch = null;
      if (handed && app.getState().samples === handed.samples && network !== handed.network) {
        await client.skipBatch();
      }
      await client.setNetwork(network);
      session.network = network;
    }
    handedBatch = null;
    return client;
  }

  function apply(reply: FrameReply) {
    feed.add(reply);
    if (reply.images) {
      lastImagesAt = performance.now();
      latest = { images: reply.images, hidden: reply.hidden };
      for (const listener of listeners) listener(reply.images, reply.hidden);
    }
    const finished = reply.overflow !== null || reply.stopped !== null;
    feed.flush(finished || run.getState().status !== 'running');
    if (reply.network) commit(reply.network);
    if (finished) {
      stopLoop();
      run.setState({
        status: 'idle',
        stopReason: reply.stopped,
        overflow: reply.overflow && {
          ...reply.overflow,
          learningRate: app.getState().learningRate,
        },
      });
    }
  }

  const request = async (req: FrameRequest) => apply(await (await sync()).frame(req));
  const still = (network: boolean): FrameRequest => ({
    work: 'none',
    budgetMs: 0,
    stop: choices.getState().stop,
    images: true,
    network,
    view,
  });

  function stopLoop() {
    if (frameHandle) cancelFrame(frameHandle);
    frameHandle = 0;
  }

  function tick() {
    frameHandle = 0;
    if (run.getState().status !== 'running') return;
    const at = performance.now();
    budgetMs = nextBudget(budgetMs, at - lastTickAt);
    lastTickAt = at;
    if (!inFlight && client && session) {
      inFlight = true;
      const images = imagesDue(
        performance.now() - lastImagesAt,
        feed.gridMs === null ? null : feed.gridMs + (feed.paintMs ?? 0),
        reducedMotion(),
      );
      const current = client;
      void enqueue(async () => {
        if (run.getState().status !== 'running') return;
        const request = playRequest(choices.getState(), current.inWorker, images, budgetMs);
        apply(await current.frame({ ...request, view }));
      }).finally(() => (inFlight = false));
    }
    frameHandle = requestFrame(tick);
  }

  const pause = (): Promise<void> => {
    if (run.getState().status !== 'running') return chain;
    stopLoop();
    run.setState({ status: 'idle' });
    return enqueue(() => request(still(true)));
  };

  const refresh = () => {
    if (refreshQueued || run.getState().status === 'running') return;
    refreshQueued = true;
    void enqueue(async () => {
      refreshQueued = false;
      await request(still(false));
    });
  };

  const unsubscribeChoices = choices.subscribe((state, previous) => {
    if (state.mode !== previous.mode) {
      if (state.mode === 'train') refresh();
      else void pause();
    }
    if (DATA_KEYS.some((key) => state[key] !== previous[key])) {
      void pause().then(() => state.mode === 'train' && refresh());
    } else if (
      state.batchSize !== previous.batchSize ||
      state.regularization !== previous.regularization ||
      state.regularizationRate !== previous.regularizationRate
    ) {
      void enqueue(async () => {
        await client?.setOptions({ batchSize: state.batchSize, penalty: penaltyOfChoices(state) });
      });
    }
  });

  const unsubscribeApp = app.subscribe((state, previous) => {
    if (
      state.learningRate !== previous.learningRate ||
      state.trainBiases !== previous.trainBiases
    ) {
      void enqueue(async () => {
        await client?.setOptions({
          learningRate: state.learningRate,
          trainBiases: state.trainBiases,
        });
      });
    }
    const external =
      !ownChange && state.network !== previous.network && state.network !== session?.network;
    if (external && choices.getState().mode === 'train' && run.getState().status !== 'running') {
      refresh();
    }
  });

  return {
    refresh,
    play() {
      if (run.getState().status === 'running') return;
      run.setState({ status: 'running', overflow: null, stopReason: null, error: null });
      feed.startClock();
      lastTickAt = Infinity;
      void enqueue(async () => {
        await sync();
      });
      frameHandle = requestFrame(tick);
    },
    pause,
    async oneEpoch() {
      await pause();
      run.setState({ overflow: null, stopReason: null, error: null });
      const c = choices.getState();
      await enqueue(() =>
        request({ ...still(true), work: 'epoch', stop: { ...c.stop, kind: 'none' } }),
      );
    },
    async openNextBatch() {
      await pause();
      await enqueue(async () => {
        const current = await sync();
        if (!session) return;
        const indices = await current.nextBatch();
        const samples = indices.map((i) => session?.data.train[i]).filter((s) => s !== undefined);
        const outcome = setMain(session.network, samples);
        if (outcome) throw new Error(outcome);
        // Training skips this batch only if the learner steps past its update in the stepper
        // (see sync); otherwise it is still the batch training runs next.
        handedBatch = { network: app.getState().network, samples: app.getState().samples };
        choices.getState().setMode('step');
      });
    },
    async reset(newSeed) {
      await pause();
      if (newSeed) choices.getState().newInitSeed();
      await enqueue(async () => {
        const c = choices.getState();
        const data = preparedOf(c);
        const network = app.getState().network;
        const fresh = fitProblem(network, data)
          ? fittedNetwork(network, data, c.initSeed)
          : reinitialized(network, c.initSeed);
        const outcome = setMain(fresh, stepperSamples(data, c.batchSize));
        if (outcome) throw new Error(outcome);
        session = null;
        run.setState({ ...EMPTY_RUN });
        await request(still(false));
      });
    },
    setView(next) {
      view = { ...view, ...next };
      for (const listener of viewListeners) listener();
      if (run.getState().status !== 'running') refresh();
    },
    view: () => view,
    onView(listener) {
      viewListeners.add(listener);
      return () => viewListeners.delete(listener);
    },
    onImages(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    latestImages: () => latest,
    dispose() {
      stopLoop();
      unsubscribeChoices();
      unsubscribeApp();
      client?.dispose();
      client = null;
    },
  };
}
