import type { PreparedData } from '../data';
import type { Network, Sample } from '../engine';
import type { AppStore } from '../store/appStore';
import { nextTask } from './client';
import type { TrainingHistory } from './history';
import type { RunStore } from './runtime';
import { fitProblem, fittedNetwork, fittedNotice, preparedOf, stepperSamples } from './selectors';
import type { TrainingStore } from './store';
import type { TrainingChoices } from './choices';

/**
 * The bench's network fitted to the chosen data if it does not fit it (its inputs, outputs or
 * loss), with the notice that says why; the choices read, their data and the network to train. New data (a 5 MB CSV)
 * is drawn in the task that chose it; the network is fitted to it, checked and drawn again in the
 * next, so that neither makes one long task. What to fit is read after.
 */
export async function fitToData(
  bench: AppStore,
  choices: TrainingStore,
  run: RunStore,
  setBench: (network: Network, samples: Sample[]) => string | null,
  history: TrainingHistory | undefined,
): Promise<{ c: TrainingChoices; data: PreparedData; network: Network }> {
  if (fitProblem(bench.getState().network, preparedOf(choices.getState()))) await nextTask();
  const c = choices.getState();
  const data = preparedOf(c);
  const network = bench.getState().network;
  const problem = fitProblem(network, data);
  if (!problem) return { c, data, network };
  const fitted = fittedNetwork(network, data, c.initSeed);
  let outcome: string | null = null;
  const fit = () => (outcome = setBench(fitted, stepperSamples(data, c.batchSize)));
  // Part of the change of data that made it needed: one undo step with it.
  if (history) history.quietly(fit);
  else fit();
  if (outcome) throw new Error(outcome);
  run.setState({ notice: fittedNotice(problem, fitted, data, c.initSeed) });
  return { c, data, network: fitted };
}
