export * from './types';
export * from './appStore';
export * from './selectors';
export * from './shown';
export * from './predict';
export * from './examples';
export * from './limits';
export { layerSizes } from './shape';
