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
export * from './study/inspection';
export * from './study/reproduce';
