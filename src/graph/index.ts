/**
 * The plain-data graph IR and everything pure that works on it: types, tensor data, derived maps,
 * surgery, ablations, shape inference.
 *
 * @example
 * import { bypass, cleanup, toposort, inferShapes } from './graph';
 */
export * from './types';
export * from './tensor';
export * from './maps';
export * from './surgery';
export * from './shapes';
