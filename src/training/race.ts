import { OPTIMIZER_REGISTRY, type Network, type Optimizer } from '../engine';
import { formatNumber } from '../math/format';
import { choiceOf, OPTIMIZER_CHOICES } from '../store/optimizerChoice';
import type { TrainingChoices } from './choices';
import type { SessionClient } from './client';
import { shapeKeyOf } from './plan';
import type { RaceSpec } from './protocol';
import { NEW_RACE, type RaceRun, type RunStore } from './runtime';

/**
 * The race (issue 16): the same network, data and seed trained with two optimizers at once. The
 * first run is the Train tab's own (its network is the bench's); the second is a copy of the same
 * network trained beside it in the session (rival.ts), step for step on the same mini-batches.
 * Here: what a new session is told of it, and keeping a running session's race as the choices say.
 */

/**
 * The second run for a new session on this network: the saved one brought back when it fits (a
 * reload, a link, an undo), else a copy of the network with the optimizer's state at zero.
 */
export function raceSpecOf(
  choices: Pick<TrainingChoices, 'race' | 'raceOptimizer'>,
  network: Network,
  saved: RaceRun | null | undefined,
): RaceSpec | null {
  if (!choices.race) return null;
  const optimizer = choices.raceOptimizer;
  const fits = saved?.network && shapeKeyOf(saved.network) === shapeKeyOf(network);
  if (!saved || !fits) return { optimizer, network: null, optimizerState: null, out: null };
  const state = saved.optimizerState?.kind === optimizer.kind ? saved.optimizerState : null;
  return { optimizer, network: saved.network, optimizerState: state, out: saved.out };
}

/** The race's run to show beside a new session's: the saved one when the session took it up. */
export function raceRunOf(
  spec: RaceSpec | null,
  saved: RaceRun | null | undefined,
): RaceRun | null {
  if (!spec) return null;
  return spec.network && saved ? saved : NEW_RACE;
}

/** What a session's second run trains with (null: no race), to compare with the choices. */
export type SessionRace = Optimizer | null;

/**
 * Bring a running session's race in line with the choices: start the second run (a copy of the
 * first's network as it is, at zero), end it, or give it another optimizer. Returns what the
 * session now runs, and whether a new second run started (it needs its first point drawn).
 */
export async function updateRace(
  client: SessionClient,
  current: SessionRace,
  choices: Pick<TrainingChoices, 'race' | 'raceOptimizer'>,
  run: RunStore,
): Promise<{ race: SessionRace; started: boolean }> {
  const wanted = choices.race ? choices.raceOptimizer : null;
  if ((wanted === null) !== (current === null)) {
    await client.setRace(
      wanted && { optimizer: wanted, network: null, optimizerState: null, out: null },
    );
    run.setState({ race: wanted ? NEW_RACE : null });
    return { race: wanted, started: wanted !== null };
  }
  if (wanted && current !== wanted) await client.setRaceOptimizer(wanted);
  return { race: wanted, started: false };
}

/** The first run's network changed by the learner: the second starts again as a copy of it. */
export async function restartRace(client: SessionClient, optimizer: Optimizer, run: RunStore) {
  await client.setRace({ optimizer, network: null, optimizerState: null, out: null });
  run.setState((s) => ({ race: s.race && { ...s.race, network: null, optimizerState: null } }));
}

/** An optimizer's name and settings, as the race's legend and readouts name it: "Adam β₁ 0.9 …". */
export function optimizerLabel(optimizer: Optimizer): string {
  const name = OPTIMIZER_CHOICES.find((c) => c.id === choiceOf(optimizer))?.name ?? optimizer.kind;
  const values = optimizer as unknown as Record<string, number>;
  const settings = OPTIMIZER_REGISTRY[optimizer.kind].parameters.map(
    (p) => `${p.text} ${formatNumber(values[p.key] ?? NaN, 4)}`,
  );
  return settings.length ? `${name} (${settings.join(', ')})` : name;
}
