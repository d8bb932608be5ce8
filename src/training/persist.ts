/**
 * The Train tab's work — its choices, its network with η and "Train biases", and how far the run
 * got (epoch count and curves) — saved beside the stepper's work under its own key and version,
 * and carried in share links. In parts: what a save holds (persistSchema.ts), reading one back
 * (persistRead.ts), writing one (persistWrite.ts), and the CSV texts the works keep apart from
 * their saves (storedTexts.ts).
 */
export {
  SAVED_RECORDS,
  TRAINING_KEY,
  TRAINING_VERSION,
  trainingSchema,
  type SavedTraining,
  type TrainingWork,
} from './persistSchema';
export {
  choicesAheadIn,
  loadTrainingChoices,
  parseTraining,
  type LoadedTraining,
} from './persistRead';
export {
  LINK_CSV_CHARS,
  linkedTrainingOf,
  savedTrainingOf,
  trainingToJson,
  trainingToStoredJson,
} from './persistWrite';
export { csvKeysIn, csvTextOf, rememberCsvText } from './storedTexts';
export { csvTextKey } from './textKey';
