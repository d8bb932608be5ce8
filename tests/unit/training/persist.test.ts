import { loadRealTextsNamedIn, realText } from '../../../src/data/realDatasets';
import { describe, expect, it } from 'vitest';
import { DEFAULT_TRAINING, type TrainingChoices } from '../../../src/training/choices';
import {
  linkedTrainingOf,
  loadTrainingChoices,
  savedTrainingOf,
  trainingToJson,
} from '../../../src/training/persist';

const CSV = `x1,x2,y\n${'0,0,0\n0,1,1\n1,0,1\n1,1,0\n'.repeat(3)}`;
const withCsv: TrainingChoices = {
  ...DEFAULT_TRAINING,
  source: 'csv',
  csv: { name: 'xor.csv', text: CSV },
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

  it('keeps the loss landscape’s choices; a bad one takes its default, and is said', () => {
    const landscape = {
      open: true,
      x: { kind: 'weight' as const, layer: 2, from: 3, to: 0 },
      y: { kind: 'bias' as const, layer: 1, unit: 2 },
      side: 16 as const,
    };
    const saved = JSON.parse(trainingToJson({ ...DEFAULT_TRAINING, landscape }));
    const loaded = loadTrainingChoices(JSON.stringify(saved));
    expect(loaded.choices.landscape).toEqual(landscape);
    expect(loaded.problem).toBeNull();
    saved.choices.landscape.y = { kind: 'bias', layer: 0, unit: 2 };
    const bad = loadTrainingChoices(JSON.stringify(saved));
    expect(bad.choices.landscape).toEqual(DEFAULT_TRAINING.landscape);
    expect(bad.problem).toMatch(/landscape\.y/);
    delete saved.choices.landscape;
    const older = loadTrainingChoices(JSON.stringify(saved));
    expect(older.choices.landscape).toEqual(DEFAULT_TRAINING.landscape);
    expect(older.problem).toBeNull();
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

  it('reads a save from before the reading choices: its input columns become targets, raw inputs', () => {
    const saved = JSON.parse(trainingToJson(withCsv));
    saved.choices.csv = { name: 'xor.csv', text: CSV, inputColumns: 1 };
    delete saved.choices.reading;
    delete saved.choices.scaling;
    delete saved.choices.real;
    const loaded = loadTrainingChoices(JSON.stringify(saved));
    expect(loaded.problem).toBeNull();
    expect(loaded.choices).toEqual({
      ...withCsv,
      reading: { targets: [1, 2], task: 'auto', dropMissing: false },
      scaling: 'raw',
    });
  });

  it('sets aside a saved choice of target that no longer fits the data, and says so', () => {
    const saved = JSON.parse(trainingToJson(withCsv));
    saved.choices.reading = { targets: [7], task: 'auto', dropMissing: false };
    const loaded = loadTrainingChoices(JSON.stringify(saved));
    expect(loaded.choices).toEqual(withCsv);
    expect(loaded.problem).toMatch(
      /reading \(the saved choice of target no longer fits the data\)/,
    );
  });

  it('saves a dataset in the box by its name, not its rows, and loads its rows before reading it', async () => {
    const digits: TrainingChoices = { ...DEFAULT_TRAINING, source: 'real', real: 'digits' };
    const text = trainingToJson(digits);
    expect(text.length).toBeLessThan(1000);
    // Not loaded yet: the generated data, said.
    expect(realText('digits')).toBeNull();
    const early = loadTrainingChoices(text);
    expect(early.choices.source).toBe('generated');
    expect(early.problem).toMatch(
      /real \(Handwritten digits 8×8 \(1,797 × 64, 10 classes\) could not be loaded\)/,
    );
    await loadRealTextsNamedIn(text);
    expect(realText('digits')).toMatch(/^pixel_0_0,/);
    expect(realText('wine')).toBeNull();
    expect(loadTrainingChoices(text).choices).toEqual(digits);
  });

  it('leaves a CSV too large for a link out of the link, and says so', () => {
    const big = `a,b,y\n${'1.25,2.5,0\n3.75,4.5,1\n'.repeat(10_000)}`;
    const choices: TrainingChoices = { ...withCsv, csv: { name: 'big.csv', text: big } };
    const linked = linkedTrainingOf(choices);
    expect(linked.saved.choices.csv).toBeNull();
    expect(linked.saved.choices.source).toBe('generated');
    expect(linked.leftOut).toBe(
      'The link leaves out your CSV file big.csv (220,006 characters; a link carries at most 200,000): whoever opens it gets the generated data instead. Send the file with the link.',
    );
    expect(linkedTrainingOf(withCsv)).toEqual({ saved: savedTrainingOf(withCsv), leftOut: null });
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
