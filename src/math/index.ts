/** TeX for each step of a pass, in each notation: pure functions of the network, snapshot and step. */
export type { EquationBlock, EquationContext, LazyBlock, NetworkContext } from './context';
export { stepEquations, lazyStepEquations, matrixEquations } from './equations';
export { chainRuleEquation } from './chainRule';
export { fullChainEquation } from './fullChain';
export { lossConventionTex, lossName } from './loss';
export { stepTitle, stepDescription } from './titles';
export { stepSummary } from './stepSummary';
export {
  NOTATIONS,
  activationTex,
  preActivationTex,
  deltaTex,
  weightTex,
  biasTex,
  targetTex,
  lossSymbol,
  learningRateTex,
  activationFunctionTex,
  concreteActivationTex,
  activationVectorTex,
  preActivationVectorTex,
  deltaVectorTex,
  weightMatrixTex,
  biasVectorTex,
} from './notation';
export type { Index, LayerRef } from './notation';
export {
  parameterLabel,
  unitValueLabel,
  weightLabel,
  biasLabel,
  lossLabel,
  deltaName,
  learningRateLabel,
  activationName,
  subscript,
  superscript,
} from './labels';
export type { UnitQuantity } from './labels';
export { formatNumber, texNumber } from './format';
