/**
 * The profiler: measure a model (init, inference statistics, memory), parse onnxruntime's trace into
 * records, aggregate them by node, op type and the study's categories.
 *
 * @example
 * const r = await profileModel('nin', settingsFrom(process.env), { runs: 20 });
 */
export * from './types';
export * from './profile';
export * from './format';
export * from './stats';
export * from './trace';
export * from './aggregate';
export * from './categories';
export * from './attribution';
export * from './options';
