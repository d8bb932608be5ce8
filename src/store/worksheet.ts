import type { Parameter } from '../math/vocabulary';
import type { Question } from '../practice/types';
import { stepQuestions } from './predict';
import { selectSteps } from './selectors';
import type { LearnerState } from './types';

/** One line of a worksheet: an asked quantity of the pass, with the step that computes it. */
export interface WorksheetRow extends Question {
  /** Index into the pass's steps. */
  step: number;
}

/**
 * Every asked quantity of the whole pass, in pass order, with its true value: the worksheet's
 * blanks and the answer key's numbers (the same questions predict first asks, step by step).
 */
export function worksheetRows(s: LearnerState): WorksheetRow[] {
  return selectSteps(s).flatMap((_, step) =>
    stepQuestions(s, step).map((question) => ({ ...question, step })),
  );
}

/** The numbers a worksheet gives: every weight and bias, then each sample's inputs and targets. */
export function worksheetParameters(s: LearnerState): Parameter[] {
  const parameters: Parameter[] = [];
  s.network.layers.forEach((layer, l) => {
    layer.biases.forEach((_, to) => {
      layer.weights.forEach((_, from) => {
        parameters.push({ kind: 'weight', layer: l + 1, from, to });
      });
      parameters.push({ kind: 'bias', layer: l + 1, unit: to });
    });
  });
  s.samples.forEach((sample, index) => {
    sample.x.forEach((_, i) => parameters.push({ kind: 'input', sample: index, index: i }));
    sample.y.forEach((_, i) => parameters.push({ kind: 'target', sample: index, index: i }));
  });
  return parameters;
}

/** A weight's, bias's, input's or target's value in this work. */
export function parameterValue(s: LearnerState, p: Parameter): number {
  switch (p.kind) {
    case 'weight':
      return s.network.layers[p.layer - 1]?.weights[p.from]?.[p.to] ?? NaN;
    case 'bias':
      return s.network.layers[p.layer - 1]?.biases[p.unit] ?? NaN;
    case 'input':
      return s.samples[p.sample]?.x[p.index] ?? NaN;
    case 'target':
      return s.samples[p.sample]?.y[p.index] ?? NaN;
  }
}
