export * from './types';
export { runPass, applyGradients, optimizerStep, train, lossOf } from './pass';
export type { StepOptions, StepResult } from './pass';
export {
  OPTIMIZER_REGISTRY,
  OPTIMIZER_KINDS,
  SGD,
  freshState,
  stateFor,
  validateOptimizer,
  validateOptimizerState,
  moveParameter,
  newMove,
} from './optimizers';
export type {
  Optimizer,
  OptimizerKind,
  OptimizerRecord,
  OptimizerState,
  HyperParameter,
  LayerBuffer,
  ParameterMove,
} from './optimizers';
export { numericalGradients } from './numerical';
export { createRng, normal, initializeNetwork, initializeLayer } from './init';
export type { LayerSpec, NetworkSpec } from './init';
export { passSteps, progressAt } from './steps';
export type { PassStep, Granularity, Progress } from './steps';
export { validateNetwork, validateBatch, validateLearningRate, lossProblem } from './validate';
export {
  sigmoid,
  softplus,
  elementwise,
  LEAKY_RELU_SLOPE,
  ACTIVATION_REGISTRY,
  ELEMENTWISE_ACTIVATIONS,
  isElementwise,
} from './activations';
export type { ActivationRecord, ElementwiseFunctions, TexNumbers } from './activations';
export { activate, multiplyByActivationDerivative } from './activationLoops';
export {
  LOSS_REGISTRY,
  SQUARED_LOSSES,
  squaredError,
  squaredErrorFactor,
  needsProbabilities,
} from './lossRegistry';
export type {
  LossRecord,
  LossFamily,
  SquaredErrorRecord,
  CrossEntropyRecord,
} from './lossRegistry';
export { assertNever } from './assertNever';
export {
  REGULARIZATIONS,
  NO_PENALTY,
  penaltyOf,
  penaltyDerivative,
  networkPenalty,
  flatPenalty,
} from './regularization';
export type { Regularization, Penalty } from './regularization';
export { createTrainer, MAX_PARAMETER } from './trainer';
export { packSamples, sampleAt, samplesOf } from './packed';
export type { PackedSet } from './packed';
export type { Trainer, TrainerOptions, Evaluation, AccuracyRule, Overflow } from './trainer';
export { createGridForward } from './grid';
export type { GridForward, GridWeights, GridOptions } from './grid';
export { gradientCheck, relativeError, RELATIVE_TOLERANCE, ABSOLUTE_NOISE } from './gradientCheck';
export type { GradientCheck, GradientCheckRow, LayerCheck } from './gradientCheck';
export { compile } from './kernel';
export type { Kernel } from './kernel';
export { classOf, targetClasses, confusionMatrix, classScores, misclassified } from './confusion';
export type { ClassRule, ClassScores } from './confusion';
export {
  FULL_GRAPH_NODES,
  fullGraphSize,
  graphShape,
  nodeIndex,
  nodeKey,
  unitNodeKey,
} from './graph';
export type { GraphEdge, GraphNode, GraphNodeKind, GraphShape, GraphShapeSpec } from './graph';
export { graphValues } from './graphValues';
export type { GraphPass, GraphValues } from './graphValues';
export { edgesToRoot, pathCount, pathsToRoot } from './graphPaths';
export type { GraphPath } from './graphPaths';
export { lossTerm, lossTermWeight } from './losses';
export type { LossTerm } from './losses';
export {
  lossLandscape,
  landscapeGradient,
  landscapeWorkPerPoint,
  axisValues,
  defaultSpan,
  parameterValue,
  MAX_LANDSCAPE_SIDE,
} from './landscape';
export type { LandscapeParameter, LandscapeAxis, LandscapeOptions } from './landscape';
