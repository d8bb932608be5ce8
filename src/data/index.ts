export * from './types';
export * from './generators';
export * from './features';
export * from './split';
export * from './csv';
export { DATA_LIMITS } from './limits';
