/**
 * One saved work: the stepper and the training choices together, named and dated, with a
 * revision number that every save of its contents raises by one (so a tab can tell when another
 * tab wrote a newer one). The payloads are the texts the serializers produce (`toSaved` for the
 * stepper, `trainingToJson` for training); this layer stores them as they are.
 */
export interface WorkRecord {
  id: string;
  name: string;
  /** ISO dates. */
  created: string;
  updated: string;
  revision: number;
  stepper: string;
  training: string | null;
}

/** What a save writes: the two payloads. */
export interface WorkPayload {
  stepper: string;
  training: string | null;
}

export const NAME_MAX = 80;

/** A name the list can show: trimmed, not empty, not too long. */
export function cleanName(name: string, fallback = 'Untitled work'): string {
  const trimmed = name.replace(/\s+/g, ' ').trim().slice(0, NAME_MAX);
  return trimmed || fallback;
}

export function newRecord(id: string, name: string, payload: WorkPayload, now: Date): WorkRecord {
  const stamp = now.toISOString();
  const { stepper, training } = payload;
  return {
    id,
    name: cleanName(name),
    created: stamp,
    updated: stamp,
    revision: 1,
    stepper,
    training,
  };
}

/** The most recently changed first. */
export function newestFirst(records: readonly WorkRecord[]): WorkRecord[] {
  return [...records].sort(
    (a, b) => b.updated.localeCompare(a.updated) || a.id.localeCompare(b.id),
  );
}

/** "Name (copy)", "Name (copy 2)", … — the first not already in the list. */
export function copyName(name: string, taken: readonly string[]): string {
  const base = cleanName(`${name} (copy)`);
  if (!taken.includes(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = cleanName(`${name} (copy ${n})`);
    if (!taken.includes(candidate)) return candidate;
  }
}

/** The work as one JSON file the "Import JSON" button reads back (training rides along). */
export function recordToJson(record: Pick<WorkRecord, 'name' | 'stepper' | 'training'>): string {
  const stepper = JSON.parse(record.stepper) as Record<string, unknown>;
  const training = record.training === null ? undefined : (JSON.parse(record.training) as unknown);
  return JSON.stringify({ ...stepper, name: record.name, training }, null, 2);
}

/** A file name made from the work's name. */
export function fileNameOf(record: Pick<WorkRecord, 'name'>): string {
  const slug = record.name
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
  return `backstep-${slug || 'work'}.json`;
}
