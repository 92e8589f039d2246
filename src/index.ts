/**
 * layerlab's library: import it from notebooks (`../dist/src/index`) or other programs.
 * Data flows one way: file -> IR -> (surgery) -> session -> records -> tables and figures.
 *
 * @example
 * import { readModel, inspectModel, applyAblations } from 'layerlab';
 * const m = await readModel('alexnet.onnx');
 * const noLrn = applyAblations(m, [{ kind: 'bypass', op: 'LRN' }]);
 */
export * from './errors';
export * from './graph';
export * from './onnx';
export * from './runtime';
export * from './caffe';
export * from './registry';
export * from './inspect/inspect';
export * from './inspect/format';
export * from './env/record';
export * from './util/random';
export * from './profile';
export * from './data';
export * from './eval';
export * from './report';
export * from './study/inspection';
export * from './study/reproduce';
export * from './study/measure';
export * from './study/figures';
export * from './study/statements';
export * from './study/published';
export * from './study/table';
export * from './study/ablation';
