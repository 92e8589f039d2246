/**
 * The role of each parameter input of the common layers, and the fill a freshly initialised network
 * would give it: He-normal weights (fan-in from the shape), zero biases, unit scales and variances.
 *
 * @example
 * weightRoles(g).get('conv1_w')?.({ dims: [96, 3, 11, 11] }) // { kind: 'normal', std: Math.sqrt(2 / 363) }
 */
import { isDefaultDomain } from './bypassable';
import { constantInts } from './constantOfShape';
import type { Graph, Node } from './types';

/**
 * How to fill a parameter tensor.
 * @example const f: Fill = { kind: 'constant', value: 1 };
 */
export type Fill = { kind: 'normal'; std: number } | { kind: 'constant'; value: number };

/**
 * A role: given a tensor's dims (and the node reading it), the fill to use.
 * @example const bias: Role = () => ({ kind: 'constant', value: 0 });
 */
export type Role = (dims: readonly number[], node: Node) => Fill;

const prod = (xs: readonly number[]): number => xs.reduce((a, b) => a * b, 1);
const he = (fanIn: number): Fill => ({ kind: 'normal', std: Math.sqrt(2 / Math.max(1, fanIn)) });
const constant = (value: number): Role => () => ({ kind: 'constant', value });
const zeros = constant(0);
const ones = constant(1);
/** Conv-like weight [M, C/group, k...]: fan-in = C/group * prod(k). */
const convWeight: Role = (dims) => he(prod(dims.slice(1)));
/** Gemm B: [K, N], or [N, K] when transB = 1. */
const gemmWeight: Role = (dims, node) => {
  const t = node.attributes.transB;
  const transB = t !== undefined && t.type === 'int' && Number(t.value) === 1;
  return he(dims.length === 2 ? dims[transB ? 1 : 0] : prod(dims.slice(1)));
};
/** MatMul B: [..., K, N] -> fan-in K. */
const matmulWeight: Role = (dims) => he(dims.length >= 2 ? dims[dims.length - 2] : dims[0] ?? 1);
/** RNN/GRU/LSTM W and R: [directions, gates*hidden, input or hidden] -> fan-in = last dim. */
const recurrentWeight: Role = (dims) => he(dims[dims.length - 1] ?? 1);

/**
 * Op type -> parameter input index -> role. Inputs not listed (data, shapes, limits, scales) are never touched.
 * @example ROLES.Gemm[1]([1000, 4096], gemmNode) // { kind: 'normal', std: Math.sqrt(2 / 4096) } when transB = 1
 */
export const ROLES: Readonly<Record<string, Readonly<Record<number, Role>>>> = {
  Conv: { 1: convWeight, 2: zeros },
  ConvTranspose: { 1: convWeight, 2: zeros },
  Gemm: { 1: gemmWeight, 2: zeros },
  MatMul: { 1: matmulWeight },
  BatchNormalization: { 1: ones, 2: zeros, 3: zeros, 4: ones },
  InstanceNormalization: { 1: ones, 2: zeros },
  LayerNormalization: { 1: ones, 2: zeros },
  GroupNormalization: { 1: ones, 2: zeros },
  PRelu: { 1: constant(0.25) },
  RNN: { 1: recurrentWeight, 2: recurrentWeight, 3: zeros },
  GRU: { 1: recurrentWeight, 2: recurrentWeight, 3: zeros },
  LSTM: { 1: recurrentWeight, 2: recurrentWeight, 3: zeros, 7: zeros },
};

/** Output dims of a view-like node (Reshape, Flatten, Transpose, Identity) for input dims, or undefined. */
function viewDims(g: Graph, n: Node, dims: readonly number[]): number[] | undefined {
  switch (n.opType) {
    case 'Identity': return [...dims];
    case 'Flatten': {
      const a = n.attributes.axis;
      const axis0 = a?.type === 'int' ? Number(a.value) : 1;
      const axis = axis0 < 0 ? axis0 + dims.length : axis0;
      return [prod(dims.slice(0, axis)), prod(dims.slice(axis))];
    }
    case 'Transpose': {
      const p = n.attributes.perm;
      return p?.type === 'ints' ? p.value.map((i) => dims[Number(i)]) : [...dims].reverse();
    }
    case 'Reshape': {
      const shape = constantInts(g, n.inputs[1] ?? '');
      if (!shape) return undefined;
      const out = shape.map((d, i) => (d === 0 ? dims[i] : d));
      const known = prod(out.filter((d) => d !== -1));
      return out.map((d) => (d === -1 ? prod(dims) / Math.max(1, known) : d));
    }
    default: return undefined;
  }
}

const VIEWS = new Set(['Identity', 'Flatten', 'Transpose', 'Reshape']);

/**
 * Tensor name -> its role and the first node reading it in that role (graph order).
 * A tensor feeding a parameter input through view-like nodes (Reshape with a constant shape, Flatten,
 * Transpose, Identity: the classifier weight of the ONNX zoo's GoogLeNet is reshaped before its Gemm)
 * has the role of that input, computed on the reshaped dims. A tensor read only as data (or by ops not
 * in `ROLES`) has no role.
 *
 * @example
 * weightRoles(g).get('fc6_w')?.node.opType // 'Gemm'
 */
export function weightRoles(g: Graph): Map<string, { role: Role; node: Node }> {
  const roles = new Map<string, { role: Role; node: Node }>();
  for (const n of g.nodes) {
    if (!isDefaultDomain(n)) continue;
    const table: Readonly<Record<number, Role>> | undefined = ROLES[n.opType];
    if (!table) continue;
    n.inputs.forEach((t, i) => {
      const role: Role | undefined = table[i];
      if (role !== undefined && t !== '' && !roles.has(t)) roles.set(t, { role, node: n });
    });
  }
  for (let k = g.nodes.length - 1; k >= 0; k--) {
    const n = g.nodes[k];
    if (!isDefaultDomain(n) || !VIEWS.has(n.opType)) continue;
    const [input, output] = [n.inputs[0] ?? '', n.outputs[0] ?? ''];
    const target = roles.get(output);
    if (!target || input === '' || roles.has(input)) continue;
    const role: Role = (dims) => target.role(viewDims(g, n, dims) ?? dims, target.node);
    roles.set(input, { role, node: target.node });
  }
  return roles;
}
