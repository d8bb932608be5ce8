import type { Backward } from './backward';
import { widthOf } from './truth';
import { timesWords, type Mistake } from './words';

/** The loss: another squared error's (the ½, the factor 2, the mean over outputs), the batch's sum. */
export function lossMistakes(b: Backward): Mistake[] {
  const { ctx, words: w } = b;
  const m = ctx.samples.length;
  const K = widthOf(ctx.network, ctx.network.layers.length);
  const out: Mistake[] = b.conventions.map(({ record, pass }) => ({
    id: 'lossFactor',
    value: pass.loss,
    message: `That is the ${record.name}, ${timesWords(record.total(1, K) / (b.squared?.total(1, K) ?? NaN))} the right value: here ${w.loss} is the ${b.squared?.name ?? ''}.`,
  }));
  if (m > 1) {
    out.push({
      id: 'batchSum',
      value: ctx.snapshot.samples.reduce((s, sample) => s + sample.loss, 0),
      message: `That is the sum of the ${m} samples' losses; ${w.loss} is their mean: divide by ${m}.`,
    });
  }
  return out;
}
