/**
 * onnxruntime adapter: the only module importing `onnxruntime-node`. Sessions with typed options,
 * plain-data tensors, seeded random inputs.
 *
 * @example
 * import { runWithRandomInputs } from './runtime';
 * const outputs = await runWithRandomInputs('net.onnx', { seed: 1 });
 */
export {
  openSession, type Session, type SessionOptions, type OptimizationLevel, type HostTensor, type TensorData,
  type TensorType, type ValueMeta,
} from './session';
export { randomInputs, runWithRandomInputs, toFloat16Bits, RANDOM_INT_BOUND, type RandomRunOptions } from './inputs';
export { nativeSession, type PreparedRun } from './session';
export { timeRun } from './timing';
