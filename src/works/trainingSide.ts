import { loadRealTextsNamedIn } from '../data/realDatasets';
import {
  choicesAheadIn,
  csvKeysIn,
  csvTextOf,
  loadTrainingChoices,
  rememberCsvText,
  trainingToJson,
  trainingToStoredJson,
} from '../training/persist';
import { readTableOffThread } from '../training/tableClient';
import type { Workbench } from '../training/workbench';
import type { WorksDatabase } from './database';
import type { TrainingSide } from './session';
import { ensureText } from './texts';

/** Where the texts a work names (a CSV file's) are kept apart from it: the works database. */
export type TextStore = Pick<WorksDatabase, 'getText' | 'updateTexts'>;

/**
 * The Train tab's work as a session saves it. With a text store, a CSV file is named by its key
 * and its text stored apart, once (trainingToStoredJson); without one, as trainingToJson writes it.
 */
export function trainingSideOf(bench: Workbench, texts?: TextStore): TrainingSide {
  return {
    serialize() {
      const { choices, work } = bench.snapshot();
      return texts ? trainingToStoredJson(choices, work) : trainingToJson(choices, work);
    },
    async storeTexts() {
      const csv = texts ? csvTextOf(bench.snapshot().choices) : null;
      if (!texts || !csv) return;
      // Every time, not once: another tab may have deleted it since, when no saved work named it
      // (an undo back to an earlier file), and storing it takes back a mark a sweep left on it.
      await ensureText(texts, csv.key, csv.text);
      rememberCsvText(csv.key, csv.text);
    },
    adopt: (text) => bench.adopt(loadTrainingChoices(text)),
    prepare: (text) => prepareTraining(text, texts),
    subscribe: bench.subscribe,
  };
}

/**
 * The tables a saved training (its JSON, or a link's object) names, read off the page's thread
 * before it is read (reading it checks the choices against the data, which reads the table): the
 * datasets in the box (the digits: 267,000 characters), and a CSV text a link carries.
 */
export async function readTablesNamedIn(saved: unknown): Promise<void> {
  const box = await loadRealTextsNamedIn(saved).catch(() => [] as string[]);
  const carried =
    saved !== null && typeof saved === 'object'
      ? (saved as { choices?: { csv?: { text?: unknown } | null } }).choices?.csv?.text
      : undefined;
  for (const text of typeof carried === 'string' ? [...box, carried] : box) {
    await readTableOffThread(text);
  }
}

/**
 * Load what reading a saved training (its JSON) needs first: the datasets in the box it names, and
 * the CSV texts it names by key, each read into a table off the page's thread (a 5 MB file read on
 * the page would freeze it at startup). What cannot be loaded is said when the save is read.
 */
export async function prepareTraining(json: string | null, texts?: TextStore): Promise<void> {
  await readTablesNamedIn(json);
  if (!texts) return;
  for (const key of csvKeysIn(json)) {
    try {
      const text = await texts.getText(key);
      if (text === undefined) continue;
      rememberCsvText(key, text);
      // The worker also reads the data with the saved choices, and splits it.
      await readTableOffThread(text, undefined, choicesAheadIn(json) ?? undefined);
    } catch {
      // Storage failed: reading the save says the file is missing.
    }
  }
}
