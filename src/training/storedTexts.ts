import type { TrainingChoices } from './choices';
import { csvTextKey, knowTextKey } from './textKey';

/**
 * CSV texts the works keep apart from their saves, by key (works/trainingSide.ts stores and loads
 * them): a 5 MB file is written once, not again with every save of the work that uses it.
 */
const storedTexts = new Map<string, string>();

/** A text stored apart, or loaded from there before a save naming it is read. */
export function rememberCsvText(key: string, text: string): void {
  storedTexts.set(key, text);
  // Its key is known: the next save need not hash 5 MB again.
  knowTextKey(text, key);
}

/** The keys of the stored texts a saved training (its JSON) names. */
export function csvKeysIn(json: string | null): string[] {
  if (!json) return [];
  return [...json.matchAll(/"stored":"(csv-[0-9a-f]{16}-\d{1,8})"/g)].map((m) => m[1] as string);
}

/** The CSV text a training uses, with its key, for the works to store apart; null: none. */
export function csvTextOf(choices: TrainingChoices): { key: string; text: string } | null {
  return choices.csv ? { key: csvTextKey(choices.csv.text), text: choices.csv.text } : null;
}

/** The text kept apart under this key, if it is. */
export function storedCsvText(key: string): string | undefined {
  return storedTexts.get(key);
}

/**
 * The bytes a text was read from (a learner's file, UTF-8), by the text: the table worker and the
 * works' storage take them as they are, a Blob passed by reference, where a 5 MB string would be
 * copied (to the worker, 40 ms) or encoded (into a Blob, 96 ms) on the page's thread. The last one.
 */
let lastBytes: { text: string; bytes: Blob } | null = null;

/** These bytes, read as UTF-8 (Blob.text()), give this text. */
export function rememberTextBytes(text: string, bytes: Blob): void {
  lastBytes = { text, bytes };
}

export function bytesOfText(text: string): Blob | undefined {
  return lastBytes?.text === text ? lastBytes.bytes : undefined;
}
