/** TeX for each step of a pass, in each notation: pure functions of the network, snapshot and step. */
export type { EquationBlock, EquationContext, LazyBlock, NetworkContext } from './context';
export { stepEquations, lazyStepEquations, matrixEquations } from './equations';
export { chainRuleEquation } from './chainRule';
export { fullChainEquation, lazyFullChain } from './fullChain';
export { lossConventionTex, lossName } from './loss';
export { stepTitle, stepDescription } from './titles';
export { stepSummary } from './stepSummary';
export {
  NOTATIONS,
  NOTATION_IDS,
  isNotationId,
  notationOf,
  notationFor,
  subscript,
  superscript,
} from './notations';
export type { Index, LayerRef, Notation, NotationSpec } from './notations';
export { activationFunctionTex, concreteActivationTex, partialTex } from './notation';
export { notationIn } from './context';
export { parameterLabel, activationName } from './labels';
export type { UnitQuantity } from './labels';
export { formatNumber, texNumber } from './format';
