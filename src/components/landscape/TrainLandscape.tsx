import { useCallback, useEffect, useMemo, useState } from 'react';
import { parameterValue, type LandscapeParameter, type Network } from '../../engine';
import { notationFor } from '../../math';
import type { Images } from '../../training/protocol';
import { preparedOf } from '../../training/selectors';
import { useApp, useAppStoreApi } from '../../store/context';
import { useChoices, useRun, useTrainingKit } from '../training/kit';
import { LandscapeFrame } from './LandscapeFrame';
import { LandscapePanel, type LandscapeSource } from './LandscapePanel';

/** The network is sampled for the landscape and its path at most this often while training. */
const SAMPLE_MS = 100;
/** The path keeps at most this many points; older ones are thinned to every other. */
const MAX_PATH = 600;

/** The bench's network with the weights and biases a frame of training sent (its shape kept). */
function networkFrom(shape: Network, images: Images): Network | null {
  let w = 0;
  let b = 0;
  const layers = shape.layers.map((layer) => {
    const n = layer.biases.length;
    const weights = layer.weights.map((row) => {
      const next = Array.from(images.weights.subarray(w, w + n));
      w += row.length;
      return next;
    });
    const biases = Array.from(images.biases.subarray(b, b + n));
    b += n;
    return { ...layer, weights, biases };
  });
  if (w !== images.weights.length || b !== images.biases.length) return null;
  return { ...shape, layers };
}

/**
 * The Train tab's loss landscape: L over the training set (penalty included, as training sees it),
 * the network as it trains, sampled every SAMPLE_MS from the frames of the training worker; the
 * path is those samples since the run began.
 */
export function TrainLandscape() {
  const { choices } = useTrainingKit();
  const open = useChoices((c) => c.landscape.open);
  const setOpen = (next: boolean) =>
    choices.getState().setLandscape({ ...choices.getState().landscape, open: next });
  return (
    <LandscapeFrame open={open} onToggle={setOpen}>
      <TrainLandscapePanel />
    </LandscapeFrame>
  );
}

function TrainLandscapePanel() {
  const { controller, run, choices } = useTrainingKit();
  const choice = useChoices((c) => c.landscape);
  const running = useRun((r) => r.status === 'running');
  const benchStore = useAppStoreApi();
  const digits = useApp((s) => s.view.digits);
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const data = useChoices((c) => preparedOf(c).train);
  const kind = useChoices((c) => c.regularization);
  const rate = useChoices((c) => c.regularizationRate);
  const penalty = useMemo(() => ({ kind, rate }), [kind, rate]);
  const [live, setLive] = useState<{ network: Network; path: Network[] }>(() => {
    const bench = benchStore.getState().network;
    return { network: bench, path: [bench] };
  });

  useEffect(() => {
    // A new network on the bench: where a run starts (reset, undo, a new shape: the path starts
    // again), or where a pause left it (the path goes on).
    const offBench = benchStore.subscribe((state, previous) => {
      if (state.network === previous.network) return;
      const fresh = run.getState().examplesSeen === 0;
      setLive((now) => ({
        network: state.network,
        path: fresh ? [state.network] : [...now.path, state.network],
      }));
    });
    // The run started again from its beginning: so does the path.
    const offRun = run.subscribe((state, previous) => {
      if (state.examplesSeen < previous.examplesSeen) {
        setLive((now) => ({ ...now, path: [now.network] }));
      }
    });
    let last = -Infinity;
    const offImages = controller.onImages((images) => {
      const at = performance.now();
      if (at - last < SAMPLE_MS) return;
      last = at;
      setLive((now) => {
        const network = networkFrom(now.network, images);
        if (!network) return now;
        let path = [...now.path, network];
        if (path.length > MAX_PATH) {
          const half = path.length >> 1;
          path = path
            .slice(0, half)
            .filter((_, k) => k % 2 === 0)
            .concat(path.slice(half));
        }
        return { network, path };
      });
    });
    return () => {
      offBench();
      offRun();
      offImages();
    };
  }, [benchStore, run, controller]);

  const path = useCallback(
    (x: LandscapeParameter, y: LandscapeParameter): [number, number][] =>
      live.path.flatMap((n) => {
        try {
          return [[parameterValue(n, x), parameterValue(n, y)] as [number, number]];
        } catch {
          return [];
        }
      }),
    [live.path],
  );
  const source: LandscapeSource = {
    network: live.network,
    data,
    dataName: `the training set (${data.count} point${data.count === 1 ? '' : 's'})${penalty.kind !== 'none' && penalty.rate > 0 ? ` with the ${penalty.kind} penalty` : ''}`,
    penalty,
    exact: false,
    path,
    notation,
    digits,
    pathUnit: 'tenth of a second of training',
    choice,
    onChoice: (landscape) => choices.getState().setLandscape(landscape),
    live: running,
    // The Train tab's diagram is a picture without edges to click: the two lists only.
    diagram: null,
  };
  return <LandscapePanel source={source} />;
}
