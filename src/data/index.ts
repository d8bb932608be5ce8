export * from './types';
export * from './generators';
export * from './features';
export * from './split';
export * from './csv';
export { DATA_LIMITS, TRAINING_SIZES, type NetworkSizes } from './limits';
export * from './table';
export * from './scaling';
export * from './picture';
