import type { Network, PassSnapshot } from '../engine';
import type { Quantity } from './types';

/** A pass as the views show it: its snapshot and, on the update step, the network after it. */
export interface ShownPass {
  snapshot: PassSnapshot;
  updated?: { network: Network; loss: number };
}

/**
 * The pass with every hidden quantity (one the learner is asked to predict) replaced by NaN, which
 * the views write as "?" (math/format.ts). Whatever an equation computes from a hidden number is
 * NaN too, so it cannot show through another one: the loss after the update hides while any new
 * weight does, and a hidden loss hides each sample's loss, its parts. z, a and δ are the shown
 * sample's. Nothing hidden: the same pass, not a copy.
 *
 * `alone`: only the hidden numbers themselves (each sample's loss stays, unless the batch's is the
 * one sample's; the loss after the update stays), so that exactly one equation has a hidden
 * result: the one that computes it (help.ts finds it so).
 */
export function maskPass(
  pass: ShownPass,
  sampleIndex: number,
  hidden: readonly Quantity[],
  alone = false,
): ShownPass {
  if (hidden.length === 0) return pass;
  const { snapshot } = pass;
  const shown = snapshot.samples[sampleIndex];
  const layers = shown?.layers.map((l) => ({
    z: Array.from(l.z),
    a: Array.from(l.a),
    delta: Array.from(l.delta),
  }));
  const grads = snapshot.grads.map((g) => ({
    dW: g.dW.map((row) => Array.from(row)),
    db: Array.from(g.db),
  }));
  const after = pass.updated?.network;
  const next = after?.layers.map((l) => ({
    ...l,
    weights: l.weights.map((row) => row.slice()),
    biases: l.biases.slice(),
  }));
  let loss = snapshot.loss;
  let lossAfter = pass.updated?.loss ?? NaN;
  for (const q of hidden) {
    switch (q.kind) {
      case 'z':
      case 'a':
      case 'delta': {
        const values = layers?.[q.layer - 1]?.[q.kind];
        if (values && q.unit < values.length) values[q.unit] = NaN;
        break;
      }
      case 'loss':
        loss = NaN;
        break;
      case 'dW': {
        const row = grads[q.layer - 1]?.dW[q.from];
        if (row && q.to < row.length) row[q.to] = NaN;
        break;
      }
      case 'db': {
        const db = grads[q.layer - 1]?.db;
        if (db && q.unit < db.length) db[q.unit] = NaN;
        break;
      }
      case 'w': {
        const row = next?.[q.layer - 1]?.weights[q.from];
        if (row && q.to < row.length) row[q.to] = NaN;
        if (!alone) lossAfter = NaN;
        break;
      }
      case 'b': {
        const biases = next?.[q.layer - 1]?.biases;
        if (biases && q.unit < biases.length) biases[q.unit] = NaN;
        if (!alone) lossAfter = NaN;
        break;
      }
    }
  }
  const samples = snapshot.samples.map((s, index) => ({
    loss: Number.isNaN(loss) && (!alone || snapshot.samples.length === 1) ? NaN : s.loss,
    layers: index === sampleIndex && layers ? layers : s.layers,
  }));
  return {
    snapshot: { loss, samples, grads },
    ...(pass.updated && after && next
      ? { updated: { network: { ...after, layers: next }, loss: lossAfter } }
      : {}),
  };
}
