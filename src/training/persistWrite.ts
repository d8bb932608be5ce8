import { SGD, type Overflow } from '../engine';
import { choicesOf } from './store';
import { appendRecords, type EpochRecord } from './runtime';
import type { TrainingChoices } from './choices';
import { csvTextKey } from './textKey';
import { SAVED_RECORDS, TRAINING_VERSION, type TrainingWork } from './persistSchema';

/** Writing a training: the saved and linked JSON, the works' JSON with its CSV stored apart. */

/** Six significant digits: a curve needs no more, and a link stays short. */
const short = (v: number) => (Number.isFinite(v) ? Number(v.toPrecision(6)) : v);

function savedRecord(r: EpochRecord): EpochRecord {
  return {
    epoch: short(r.epoch),
    trainLoss: short(r.trainLoss),
    testLoss: short(r.testLoss),
    trainAccuracy: r.trainAccuracy === null ? null : short(r.trainAccuracy),
    testAccuracy: r.testAccuracy === null ? null : short(r.testAccuracy),
    gradientNorms: r.gradientNorms.map(short),
    penalty: short(r.penalty),
  };
}

const savedHistory = (history: EpochRecord[]) =>
  appendRecords([], history, SAVED_RECORDS).map(savedRecord);

/** Overflow's value is ±∞ or NaN: JSON writes null, read back as NaN. */
const savedOut = (out: Overflow | null) => out && { ...out };

/** What is saved and linked: plain data, the curves thinned (weights exact). */
export function savedTrainingOf(choices: TrainingChoices, work?: TrainingWork | null) {
  const race = work?.progress.race;
  return {
    app: 'backstep-training' as const,
    version: TRAINING_VERSION,
    choices: choicesOf(choices),
    ...(work
      ? {
          work: {
            network: work.network,
            learningRate: work.learningRate,
            trainBiases: work.trainBiases,
            optimizer: work.optimizer ?? SGD,
            ...(work.optimizerState ? { optimizerState: work.optimizerState } : {}),
            progress: {
              epoch: work.progress.epoch,
              examplesSeen: work.progress.examplesSeen,
              history: savedHistory(work.progress.history),
              ...(race
                ? {
                    race: {
                      history: savedHistory(race.history),
                      network: race.network,
                      optimizerState: race.optimizerState,
                      out: savedOut(race.out),
                    },
                  }
                : {}),
            },
          },
        }
      : {}),
  };
}

/** The CSV text as JSON, kept: a session saves after every pause, and a 5 MB file is the same. */
let csvJson: { text: string; json: string } | null = null;
const CSV_PLACEHOLDER = '"text":"\\u0000"';

/**
 * The last JSON written, with what it was written from: a session asks for it on every change
 * (and compares it with the last save), and with a 5 MB file each new string costs a copy and a
 * comparison of megabytes. The same choices and work give the very same string.
 */
let lastJson: { key: unknown[]; json: string } | null = null;

export function trainingToJson(choices: TrainingChoices, work?: TrainingWork | null): string {
  const key = [
    choices,
    work?.network,
    work?.learningRate,
    work?.trainBiases,
    work?.optimizer,
    work?.optimizerState,
    work?.progress.epoch,
    work?.progress.examplesSeen,
    work?.progress.history,
    work?.progress.race?.history,
    work?.progress.race?.network,
    work?.progress.race?.optimizerState,
    work?.progress.race?.out,
    work?.progress.race === undefined,
  ];
  if (lastJson && lastJson.key.every((part, i) => part === key[i])) return lastJson.json;
  const json = writeTrainingJson(choices, work);
  lastJson = { key, json };
  return json;
}

function writeTrainingJson(choices: TrainingChoices, work?: TrainingWork | null): string {
  const saved = savedTrainingOf(choices, work);
  const csv = saved.choices.csv;
  if (!csv) return JSON.stringify(saved);
  if (csvJson?.text !== csv.text) csvJson = { text: csv.text, json: JSON.stringify(csv.text) };
  const json = csvJson.json;
  const rest = JSON.stringify({
    ...saved,
    choices: { ...saved.choices, csv: { ...csv, text: '\u0000' } },
  });
  return rest.replace(CSV_PLACEHOLDER, () => `"text":${json}`);
}

let lastStored: { key: unknown[]; json: string } | null = null;

/**
 * The Train tab's work as the works store it: as trainingToJson writes it, but the CSV named by
 * its key (csvTextOf), its text stored apart. A few kB, whatever the file.
 */
export function trainingToStoredJson(choices: TrainingChoices, work?: TrainingWork | null): string {
  const key = [choices, work?.network, work?.learningRate, work?.trainBiases, work?.progress];
  if (lastStored && lastStored.key.every((part, i) => part === key[i])) return lastStored.json;
  const saved = savedTrainingOf(choices, work);
  const csv = saved.choices.csv;
  const json = JSON.stringify(
    csv
      ? {
          ...saved,
          choices: { ...saved.choices, csv: { name: csv.name, stored: csvTextKey(csv.text) } },
        }
      : saved,
  );
  lastStored = { key, json };
  return json;
}

/**
 * CSV text a share link carries at most: a link holds up to 2,000,000 characters of JSON
 * (LINK_LIMITS), and the stepper's largest work takes about half of that. The datasets in the box
 * are linked by name, so only a learner's own file can be too large.
 */
export const LINK_CSV_CHARS = 200_000;

/** What a share link carries: the saved training, without a CSV too large for a link (said). */
export function linkedTrainingOf(
  choices: TrainingChoices,
  work?: TrainingWork | null,
): { saved: ReturnType<typeof savedTrainingOf>; leftOut: string | null } {
  const csv = choices.csv;
  if (!csv || csv.text.length <= LINK_CSV_CHARS) {
    return { saved: savedTrainingOf(choices, work), leftOut: null };
  }
  const source = choices.source === 'csv' ? 'generated' : choices.source;
  const leftOut = `The link leaves out your CSV file ${csv.name} (${csv.text.length.toLocaleString('en-US')} characters; a link carries at most ${LINK_CSV_CHARS.toLocaleString('en-US')}): whoever opens it gets the generated data instead. Send the file with the link.`;
  return { saved: savedTrainingOf({ ...choices, csv: null, source }, work), leftOut };
}
