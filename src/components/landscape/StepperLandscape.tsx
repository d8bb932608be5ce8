import { useCallback, useMemo } from 'react';
import {
  NO_PENALTY,
  packSamples,
  parameterValue,
  type LandscapeParameter,
  type Network,
} from '../../engine';
import { notationFor } from '../../math';
import { questionKey } from '../../practice/questions';
import { isShown, selectProgress, selectSelectionComputed, selectSnapshot } from '../../store';
import { useApp, useAppStoreApi } from '../../store/context';
import type { LandscapeChoice } from '../../store/types';
import { LandscapeFrame } from './LandscapeFrame';
import { LandscapePanel, type LandscapeSource } from './LandscapePanel';
import type { DiagramPicks } from './ParameterPicks';

/**
 * The stepper's loss landscape: L over the batch, the path through the passes the learner applied
 * (the store's history, then the network now), and −∇ and the tangent's slope as the stepper shows
 * ∂L/∂θ — only once the pass has computed it, "?" while predict first asks for it.
 */
export function StepperLandscape() {
  const open = useApp((s) => s.view.landscape.open);
  const store = useAppStoreApi();
  const setOpen = (next: boolean) =>
    store.getState().setView({ landscape: { ...store.getState().view.landscape, open: next } });
  return (
    <LandscapeFrame open={open} onToggle={setOpen}>
      <StepperLandscapePanel />
    </LandscapeFrame>
  );
}

function StepperLandscapePanel() {
  const network = useApp((s) => s.network);
  const samples = useApp((s) => s.samples);
  const choice = useApp((s) => s.view.landscape);
  const history = useApp((s) => s.history);
  const digits = useApp((s) => s.view.digits);
  const notation = useApp((s) => notationFor(s.notation, s.network));
  const loss = useApp((s) => selectSnapshot(s).loss);
  const lossComputed = useApp((s) => selectProgress(s).lossShown);
  const lossShown = useApp((s) => isShown(selectProgress(s), { kind: 'loss' }));
  // Read when drawn: the progress and the snapshot (both memoized) say when it changes.
  const store = useAppStoreApi();
  useApp(selectProgress);
  useApp(selectSnapshot);
  const data = useMemo(
    () =>
      packSamples(
        samples,
        network.inputSize,
        network.layers[network.layers.length - 1]?.biases.length ?? 0,
      ),
    [samples, network.inputSize, network.layers],
  );
  const path = useCallback(
    (x: LandscapeParameter, y: LandscapeParameter): [number, number][] =>
      [...history, network].flatMap((n: Network) => {
        try {
          return [[parameterValue(n, x), parameterValue(n, y)] as [number, number]];
        } catch {
          // A network of another shape in the history (the learner changed it): not on this map.
          return [];
        }
      }),
    [history, network],
  );
  const shownGradient = (p: LandscapeParameter): number | null => {
    // What the stepper shows of the gradient: the pass's number once computed, NaN while asked.
    const s = store.getState();
    if (selectSelectionComputed(s, p)) {
      const g = selectSnapshot(s).grads[p.layer - 1];
      return ((p.kind === 'weight' ? g?.dW[p.from]?.[p.to] : g?.db[p.unit]) as number) ?? null;
    }
    const key = questionKey(p.kind === 'weight' ? { ...p, kind: 'dW' } : { ...p, kind: 'db' });
    return selectProgress(s).hidden.has(key) ? NaN : null;
  };
  // The diagram's edges select a weight or bias; while picking, each one selected is a pick.
  const diagram = useMemo(
    (): DiagramPicks => ({
      listen(onPick) {
        store.getState().select(null);
        return store.subscribe((state, previous) => {
          const picked = state.selection;
          if (picked !== previous.selection && picked && picked.kind !== 'unit') onPick(picked);
        });
      },
    }),
    [store],
  );
  const source: LandscapeSource = {
    network,
    data,
    dataName:
      samples.length === 1 ? 'the batch (1 sample)' : `the batch (${samples.length} samples)`,
    penalty: NO_PENALTY,
    exact: true,
    path,
    shownGradient,
    shownLoss: lossShown ? loss : lossComputed ? NaN : null,
    notation,
    digits,
    pathUnit: 'pass',
    choice,
    onChoice: (landscape: LandscapeChoice) => store.getState().setView({ landscape }),
    live: false,
    diagram,
  };
  return <LandscapePanel source={source} />;
}
