/** The contract between the engine and everything else. Shapes follow the notes: weights are n_prev × n. */
import type { Activation } from './activations';
import type { Loss } from './lossRegistry';
import type { Optimizer } from './optimizers';

export type { Activation, ElementwiseActivation } from './activations';
export { ACTIVATIONS } from './activations';
export type { Loss } from './lossRegistry';
export { LOSSES } from './lossRegistry';

export interface Layer {
  activation: Activation;
  /** W^(l), n_prev × n: weights[i][j] connects unit i of the previous layer to unit j of this one. */
  weights: number[][];
  /** b^(l), length n. */
  biases: number[];
}

export interface Network {
  inputSize: number;
  layers: Layer[];
  loss: Loss;
}

export interface Sample {
  /** Input x = a^(0), length inputSize. */
  x: number[];
  /** Target y, length of the output layer. */
  y: number[];
}

/** What one sample's pass computed in one layer. */
export interface LayerValues {
  /** z^(l) = (W^(l))ᵀ a^(l−1) + b^(l), the pre-activation; length n. */
  z: ArrayLike<number>;
  /** a^(l) = f(z^(l)), the activation; length n. */
  a: ArrayLike<number>;
  /** δ^(l) = ∂(this sample's loss)/∂z^(l); length n. */
  delta: ArrayLike<number>;
}

export interface LayerGradients {
  /** ∂L/∂W^(l), mean over the batch, n_prev rows of n. */
  dW: ArrayLike<number>[];
  /** ∂L/∂b^(l), mean over the batch, length n. */
  db: ArrayLike<number>;
}

export interface PassSnapshot {
  /** Mean of the per-sample losses. */
  loss: number;
  samples: { loss: number; layers: LayerValues[] }[];
  grads: LayerGradients[];
}

export interface TrainOptions {
  learningRate: number;
  batchSize: number;
  epochs: number;
  /** False: the biases keep their values. Default true. */
  trainBiases?: boolean;
  /** Plain SGD when absent; its state starts at zero. */
  optimizer?: Optimizer;
}
