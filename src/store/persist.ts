import { compressToEncodedURIComponent } from 'lz-string';
import { LIMITS } from './limits';
import { CURRENT_VERSION, savedSchema } from './schema';
import { unpackLink } from './linkText';
import type { LearnerState } from './types';
import { pathOf, workProblem } from './workCheck';

/**
 * `training`: what a share link carries of the Train tab's work, unread here (the training layer
 * checks it: see training/persist.ts); absent in files and older links.
 */
export type Loaded =
  { ok: true; work: LearnerState; training?: unknown } | { ok: false; error: string };

/** Older saved shapes, upgraded one version at a time: version n → n + 1. */
const MIGRATIONS: Record<number, (old: Record<string, unknown>) => Record<string, unknown>> = {
  // Version 2 adds "Train biases"; every update before it moved the biases.
  1: (old) => ({ ...old, version: 2, work: withDefault(old.work, 'trainBiases', true) }),
};

/** An object with `key` added where it is missing; anything else as it was (the schema says why). */
function withDefault(work: unknown, key: string, value: unknown): unknown {
  if (work === null || typeof work !== 'object' || Array.isArray(work) || key in work) return work;
  return { ...work, [key]: value };
}

export function toSaved(
  work: LearnerState,
  training?: unknown,
): {
  app: 'backstep';
  version: number;
  work: LearnerState;
  training?: unknown;
} {
  return {
    app: 'backstep',
    version: CURRENT_VERSION,
    work: {
      ...work,
      history: work.history.slice(-LIMITS.maxHistory),
      optimizerHistory: work.optimizerHistory.slice(-LIMITS.maxHistory),
    },
    ...(training === undefined ? {} : { training }),
  };
}

/** Bring an older saved shape up to the current version; refuse a newer one. */
function migrate(raw: unknown): Record<string, unknown> | string {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw))
    return 'It is not a Backstep save (expected a JSON object).';
  let data = raw as Record<string, unknown>;
  if (data.app !== 'backstep') return 'It is not a Backstep save (no "app": "backstep" field).';
  if (typeof data.version !== 'number' || !Number.isInteger(data.version))
    return 'It has no version number.';
  let version: number = data.version;
  if (version > CURRENT_VERSION) {
    return `It was saved by a newer Backstep (version ${version}; this one reads up to ${CURRENT_VERSION}).`;
  }
  while (version < CURRENT_VERSION) {
    const step = MIGRATIONS[version];
    if (!step) return `Version ${version} saves can no longer be read.`;
    data = step(data);
    version = data.version as number;
  }
  return data;
}

/** Check anything loaded — a file, a link, storage — completely before it may replace the work. */
export function parseSaved(raw: unknown): Loaded {
  const migrated = migrate(raw);
  if (typeof migrated === 'string') return { ok: false, error: migrated };
  const parsed = savedSchema.safeParse(migrated);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const where = issue ? pathOf(issue.path) : '';
    return { ok: false, error: `${where ? `${where}: ` : ''}${issue?.message ?? 'invalid'}.` };
  }
  const work = parsed.data.work as LearnerState;
  // The parts together (the history's networks against the samples, too): nothing accepted here
  // can break a later step.
  const problem = workProblem(work);
  if (problem) return { ok: false, error: problem };
  const { training } = parsed.data;
  return training === undefined ? { ok: true, work } : { ok: true, work, training };
}

export function parseSavedText(text: string): Loaded {
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch (error) {
    return { ok: false, error: `It is not valid JSON (${(error as Error).message}).` };
  }
  return parseSaved(raw);
}

export function workToJson(work: LearnerState): string {
  return JSON.stringify(toSaved(work), null, 2);
}

/**
 * The whole work in a URL fragment, compressed, with the Train tab's work when given. JSON keeps
 * every float64 exactly.
 */
export function encodeShare(work: LearnerState, training?: unknown): string {
  return compressToEncodedURIComponent(JSON.stringify(toSaved(work, training)));
}

/** A link's fragment, unpacked within the size any work can have (linkText.ts), then checked. */
export function decodeShare(fragment: string): Loaded {
  const text = unpackLink(fragment);
  return text.ok ? parseSavedText(text.text) : text;
}

const LEARNER_KEYS = [
  'network',
  'samples',
  'sampleIndex',
  'learningRate',
  'trainBiases',
  'stepIndex',
  'granularity',
  'selection',
  'notation',
  'view',
  'exampleId',
  'exercise',
  'history',
  'optimizer',
  'optimizerState',
  'optimizerHistory',
  'predict',
  'picture',
] as const;

/** Just the learner's choices out of the store's state (no actions, no undo stacks). */
export function learnerOf(state: LearnerState): LearnerState {
  const work = {} as Record<string, unknown>;
  for (const key of LEARNER_KEYS) work[key] = state[key];
  return work as unknown as LearnerState;
}
