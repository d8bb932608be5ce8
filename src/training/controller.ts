import type { PreparedData } from '../data';
import { freshState, sampleAt, type Network, type OptimizerState, type Sample } from '../engine';
import type { AppStore } from '../store/appStore';
import {
  fitProblem,
  fittedNetwork,
  penaltyOfChoices,
  preparedOf,
  reinitialized,
  stepperSamples,
} from './selectors';
import { fitToData } from './fitToData';
import { NO_PROGRESS, type TrainingProgress } from './history';
import { EMPTY_RUN, type RunStore } from './runtime';
import type { TrainingStore } from './store';
import { DATA_CHOICES } from './choices';
import { createSessionClient, localClient, WORKER_FAILED, type SessionClient } from './client';
import { playRequest, sessionInitOf, shapeKeyOf } from './plan';
import { createPlayLoop } from './playLoop';
import type { FrameReply, FrameRequest } from './protocol';
import { raceRunOf, raceSpecOf, restartRace, updateRace, type SessionRace } from './race';
import { prefersReducedMotion } from './motion';
import { createRunFeed } from './runFeed';
import { createPictureViews } from './pictureViews';
import type { ControllerOptions, TrainingController } from './controllerApi';

export type { ControllerOptions, ImageListener, TrainingController } from './controllerApi';

/**
 * While playing, the network, the optimizer's state and the place in the batch order are committed
 * this often (a checkpoint): a reload mid-training goes on from there, with the state it had.
 */
export const CHECKPOINT_MS = 1000;

export function createTrainingController(
  /** The training network's store (the Train tab's own: the stepper's is another). */
  bench: AppStore,
  choices: TrainingStore,
  run: RunStore,
  options: ControllerOptions = {},
): TrainingController {
  const makeClient = options.makeClient ?? createSessionClient;
  const reducedMotion = options.reducedMotion ?? prefersReducedMotion;
  const requestFrame = options.requestFrame ?? ((f) => requestAnimationFrame(f));
  const cancelFrame = options.cancelFrame ?? ((h) => cancelAnimationFrame(h));
  const now = options.now ?? (() => performance.now());

  let client: SessionClient | null = null;
  let session: {
    data: PreparedData;
    shape: string;
    network: Network;
    race: SessionRace;
  } | null = null;
  let chain: Promise<void> = Promise.resolve();
  let refreshQueued = false;
  const feed = createRunFeed(run, reducedMotion);
  const pictures = createPictureViews();
  const { history } = options;
  /** The progress to resume when the next session starts with this very network. */
  let resumeFrom = options.resume
    ? { network: bench.getState().network, progress: options.resume }
    : null;
  /** True while this controller itself changes the bench's network. */
  let ownChange = false;
  const own = <T>(change: () => T): T => {
    ownChange = true;
    try {
      return change();
    } finally {
      ownChange = false;
    }
  };
  const setBench = (network: Network, samples: Sample[]) =>
    own(() => bench.getState().setNetwork(network, samples));

  const fail = (error: unknown) =>
    run.setState({ status: 'idle', error: (error as Error).message ?? String(error) });
  const enqueue = (task: () => Promise<void>): Promise<void> =>
    (chain = chain.then(task).catch(fail));

  const clearRun = () => {
    feed.reset();
    run.setState({ ...EMPTY_RUN, status: run.getState().status, notice: run.getState().notice });
  };

  /**
   * Commit what training reached to the bench — the network and the optimizer's state — and the
   * race's second run to the run, with where they are: progress, not an edit (undo does not stop
   * at it).
   */
  const commit = (reply: FrameReply & { network: Network }) => {
    const { network, optimizerState, race } = reply;
    if (session) session.network = network;
    own(() => bench.setState({ network, ...(optimizerState ? { optimizerState } : {}) }));
    run.setState((s) => ({
      checkpoint: { epoch: reply.epoch, examplesSeen: reply.examplesSeen },
      race:
        s.race && race?.network
          ? { ...s.race, network: race.network, optimizerState: race.optimizerState }
          : s.race,
    }));
  };

  /** The bench's optimizer state if it is the one to go on from (its own kind), else none. */
  const benchState = (): OptimizerState | null => {
    const { optimizer, optimizerState } = bench.getState();
    return optimizerState.kind === optimizer.kind && optimizerState.t > 0 ? optimizerState : null;
  };

  /** Make the session train the bench's network on the chosen data, fitting it if needed. */
  async function sync(): Promise<SessionClient> {
    const { c, data, network } = await fitToData(bench, choices, run, setBench, history);
    client ??= makeClient();
    const shape = shapeKeyOf(network);
    if (!session || session.data !== data || session.shape !== shape) {
      const { learningRate, trainBiases, optimizer } = bench.getState();
      const resume = resumeFrom?.network === network ? resumeFrom.progress : null;
      resumeFrom = null;
      const race = raceSpecOf(c, network, resume?.race);
      const init = {
        ...sessionInitOf(network, c, learningRate, trainBiases, optimizer),
        examplesSeen: resume?.examplesSeen ?? 0,
        // A run brought back goes on with its optimizer's state; a new one starts it at zero.
        optimizerState: resume ? benchState() : null,
        race,
      };
      if (!resume && benchState())
        own(() => bench.setState({ optimizerState: freshState(optimizer) }));
      try {
        await client.init(init);
      } catch (error) {
        if (!client.inWorker || !(error as Error).message.startsWith(WORKER_FAILED)) throw error;
        // A worker that cannot start (an old browser, a strict policy): train on the page instead.
        client.dispose();
        client = localClient();
        await client.init(init);
      }
      session = { data, shape, network, race: race?.optimizer ?? null };
      clearRun();
      const { epoch, examplesSeen, history } = resume ?? NO_PROGRESS;
      run.setState({
        ...(resume ? { epoch, examplesSeen, history } : {}),
        race: raceRunOf(race, resume?.race),
      });
    } else if (session.network !== network) {
      await client.setNetwork(network);
      session.network = network;
      // The learner changed the network: the race goes on from it, both runs alike.
      if (session.race) await restartRace(client, session.race, run);
    }
    return client;
  }

  function apply(reply: FrameReply) {
    feed.add(reply);
    if (reply.images) {
      loop.imagesShown();
      pictures.show(reply.images, reply.hidden);
    }
    const finished = reply.overflow !== null || reply.stopped !== null;
    feed.flush(finished || run.getState().status !== 'running');
    const out = reply.race?.out;
    if (out) run.setState((s) => ({ race: s.race && { ...s.race, out } }));
    if (reply.network) commit({ ...reply, network: reply.network });
    if (finished) {
      loop.stop();
      run.setState({
        status: 'idle',
        stopReason: reply.stopped,
        overflow: reply.overflow && {
          ...reply.overflow,
          learningRate: bench.getState().learningRate,
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
    view: pictures.view(),
  });

  const loop = createPlayLoop({
    requestFrame,
    cancelFrame,
    now,
    reducedMotion,
    checkpointMs: CHECKPOINT_MS,
    playing: () => run.getState().status === 'running',
    client: () => (session ? client : null),
    speed: () => choices.getState().speed,
    pictureMs: () => (feed.gridMs === null ? null : feed.gridMs + (feed.paintMs ?? 0)),
    send: (current, ask) =>
      enqueue(async () => {
        if (run.getState().status !== 'running') return;
        const c = choices.getState();
        const request = playRequest(c, current.inWorker, ask.images, ask.budgetMs);
        apply(await current.frame({ ...request, view: pictures.view(), network: ask.network }));
      }),
  });

  const pause = (): Promise<void> => {
    if (run.getState().status !== 'running') return chain;
    loop.stop();
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

  /** A new session from the bench's network, with this progress (inside the chain). */
  async function restartNow(progress: TrainingProgress) {
    session = null;
    resumeFrom = { network: bench.getState().network, progress };
    run.setState({ ...EMPTY_RUN, ...progress, race: progress.race ?? null });
    await request(still(false));
  }

  /** The initial weights of this seed (false: the same, true: the next, or one typed) on the bench. */
  function drawInitial(seed: boolean | number): string | null {
    if (seed === true) choices.getState().newInitSeed();
    else if (typeof seed === 'number') {
      const outcome = choices.getState().setInitSeed(seed);
      if (outcome) return outcome;
    }
    const c = choices.getState();
    const data = preparedOf(c);
    const network = bench.getState().network;
    const fresh = fitProblem(network, data)
      ? fittedNetwork(network, data, c.initSeed)
      : reinitialized(network, c.initSeed);
    return setBench(fresh, stepperSamples(data, c.batchSize));
  }

  /** Changes made as one undo step, then a new run from the bench's network (inside the chain). */
  async function startOver(change: () => string | null) {
    let outcome: string | null = null;
    const draw = () => (outcome = change());
    if (history) history.group(draw);
    else draw();
    if (outcome) throw new Error(outcome);
    await restartNow(NO_PROGRESS);
  }

  const unsubscribeRestore = history?.onRestore((progress) => {
    void enqueue(() => restartNow(progress));
  });

  const unsubscribeChoices = choices.subscribe((state, previous) => {
    if (state.mode !== previous.mode) {
      if (state.mode === 'train') refresh();
      else void pause();
    }
    if (state.race !== previous.race || state.raceOptimizer !== previous.raceOptimizer) {
      void enqueue(async () => {
        if (!client || !session) return; // The next session takes the race up.
        const updated = await updateRace(client, session.race, choices.getState(), run);
        session.race = updated.race;
        if (updated.started && run.getState().status !== 'running') refresh();
      });
    }
    if (DATA_CHOICES.some((key) => state[key] !== previous[key])) {
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

  const unsubscribeBench = bench.subscribe((state, previous) => {
    if (
      state.learningRate !== previous.learningRate ||
      state.trainBiases !== previous.trainBiases ||
      state.optimizer !== previous.optimizer
    ) {
      void enqueue(async () => {
        // Another optimizer starts its state afresh in the trainer; new hyper-parameters keep it.
        await client?.setOptions({
          learningRate: state.learningRate,
          trainBiases: state.trainBiases,
          optimizer: state.optimizer,
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
      void enqueue(async () => {
        await sync();
      });
      loop.start();
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
    async stepThrough(stepper) {
      await pause();
      await enqueue(async () => {
        const current = await sync();
        if (!session) return;
        const indices = await current.nextBatch();
        const train = session.data.train;
        const samples = indices.filter((i) => i < train.count).map((i) => sampleAt(train, i));
        const { learningRate, trainBiases, optimizer } = bench.getState();
        // Points that are a picture's pixels: the stepper draws the input layer as the picture.
        const shape = session.data.picture;
        const picture = shape && { width: shape.width, height: shape.height };
        // The optimizer and the state training left it in: the stepper's update goes on from there.
        const optimizerState = benchState() ?? freshState(optimizer);
        const outcome = stepper.getState().setNetwork(session.network, samples, {
          ...{ learningRate, trainBiases, picture, optimizer, optimizerState },
        });
        if (outcome) throw new Error(outcome);
        choices.getState().setMode('step');
      });
    },
    changeData(task) {
      // Queued now, not after the pause: a click that comes while it runs waits for it.
      void pause();
      return enqueue(task);
    },
    async reset(seed) {
      await pause();
      // The seed and its weights: one undo step.
      await enqueue(() => startOver(() => drawInitial(seed)));
    },
    async race(on) {
      await pause();
      await enqueue(async () => {
        if (choices.getState().race === on) return;
        if (!on || run.getState().examplesSeen === 0) return choices.getState().setRace(on);
        await startOver(() => {
          choices.getState().setRace(true);
          return drawInitial(false);
        });
      });
    },
    async restart(progress) {
      await pause();
      await enqueue(() => restartNow(progress));
    },
    setView(next) {
      pictures.setView(next);
      if (run.getState().status !== 'running') refresh();
    },
    view: pictures.view,
    onView: pictures.onView,
    onImages: pictures.onImages,
    latestImages: pictures.latest,
    dispose() {
      loop.stop();
      unsubscribeChoices();
      unsubscribeBench();
      unsubscribeRestore?.();
      client?.dispose();
      client = null;
    },
  };
}
