import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, type TrainingChoices } from '../../../src/training/choices';
import { loadTrainingChoices, trainingToJson } from '../../../src/training/persist';

const CSV = `x1,x2,y\n${'0,0,0\n0,1,1\n1,0,1\n1,1,0\n'.repeat(3)}`;
const withCsv: TrainingChoices = {
  ...DEFAULT_TRAINING,
  source: 'csv',
  csv: { name: 'xor.csv', text: CSV, inputColumns: 2 },
  dataset: 'xor',
  count: 200,
};

describe('loading training settings part by part', () => {
  it('reads a part out of range as its default, keeps the rest and the pasted CSV, and says so', () => {
    const saved = JSON.parse(trainingToJson(withCsv));
    saved.choices.noise = 0.6;
    const text = JSON.stringify(saved);
    const loaded = loadTrainingChoices(text);
    expect(loaded.choices).toEqual({ ...withCsv, noise: DEFAULT_TRAINING.noise });
    expect(loaded.problem).toMatch(/noise/);
    expect(loaded.choices.csv?.text).toBe(CSV);
  });

  it('reads a missing or damaged part as its default, and a CSV source without a CSV as generated', () => {
    const saved = JSON.parse(trainingToJson(withCsv));
    delete saved.choices.features;
    saved.choices.csv = { name: 'x', text: 42 };
    const loaded = loadTrainingChoices(JSON.stringify(saved));
    expect(loaded.choices).toEqual({
      ...withCsv,
      features: DEFAULT_TRAINING.features,
      csv: null,
      source: 'generated',
    });
    expect(loaded.problem).toMatch(/csv.*features/);
  });

  it('loads a whole save without a word, and refuses another app or version outright', () => {
    expect(loadTrainingChoices(trainingToJson(withCsv))).toEqual({
      choices: withCsv,
      work: null,
      problem: null,
    });
    const other = JSON.stringify({ app: 'other', version: 1, choices: withCsv });
    expect(loadTrainingChoices(other)).toMatchObject({
      choices: DEFAULT_TRAINING,
      problem: expect.stringMatching(/could not be read \(app/),
    });
  });
});
