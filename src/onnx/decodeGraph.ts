/**
 * protobufjs messages -> IR: tensors, attributes, nodes, graphs and functions. Bytes fields stay views of
 * the input buffer (no copy); typed tensor fields become little-endian `raw` bytes.
 *
 * @example
 * const g = decodeGraph(onnx.GraphProto.decode(bytes), { source: 'g.pb', external: new ExternalFiles(undefined, 'g.pb') });
 */
import { onnx } from 'onnx-proto';
import { ModelFormatError } from '../errors';
import { STRING } from '../graph/tensor';
import type { Attribute, FunctionDef, Graph, Node, OpsetImport, SparseTensor, Tensor } from '../graph/types';
import { ExternalFiles, parseExternalRef } from './external';
import { toInt, toNumber, type LongLike } from './int64';
import { typedToRaw, type TypedFields } from './tensorData';
import { decodeType, decodeValueInfo } from './types';

/** What decoding needs besides the message: the file name for errors and the external data reader. */
export interface DecodeContext { source: string; external: ExternalFiles }

const has = (o: object, k: string): boolean => Object.prototype.hasOwnProperty.call(o, k);
const AT = onnx.AttributeProto.AttributeType;

/** Copy an optional string field when it is present in the message. */
function optional<K extends string>(msg: object, key: string, as: K): { [P in K]?: string } {
  const v = (msg as Record<string, unknown>)[key];
  return has(msg, key) && typeof v === 'string' ? ({ [as]: v } as { [P in K]?: string }) : {};
}

/**
 * A `TensorProto` as a `Tensor`: `raw` is a view of the input (or normalized typed fields, or external data).
 * @example decodeTensor({ name: 'W', dataType: 1, dims: [2], floatData: [1, 2] }, ctx).raw; // 8 bytes
 */
export function decodeTensor(t: onnx.ITensorProto, ctx: DecodeContext): Tensor {
  const out: Tensor = {
    name: t.name ?? '', dataType: t.dataType ?? 0, dims: (t.dims ?? []).map((d) => toNumber(d as number | LongLike)),
    ...optional(t, 'docString', 'docString'),
  };
  if (t.dataLocation === onnx.TensorProto.DataLocation.EXTERNAL) {
    const ref = parseExternalRef(t.externalData ?? [], out.name, ctx.source);
    out.raw = ctx.external.read(out.name, ref);
    out.external = ref;
  } else if (out.dataType === STRING) {
    out.strings = [...(t.stringData ?? [])];
  } else {
    try {
      out.raw = has(t, 'rawData') && t.rawData ? t.rawData : typedToRaw(t as TypedFields);
    } catch (e) {
      throw new ModelFormatError(`model "${ctx.source}": tensor "${out.name}": ${(e as Error).message}`, { cause: e });
    }
  }
  return out;
}

/**
 * A `SparseTensorProto` as a `SparseTensor`.
 * @example decodeSparse({ values, indices, dims: [3, 4] }, ctx).dims; // [3, 4]
 */
export function decodeSparse(s: onnx.ISparseTensorProto, ctx: DecodeContext): SparseTensor {
  return {
    values: decodeTensor(s.values ?? {}, ctx), indices: decodeTensor(s.indices ?? {}, ctx),
    dims: (s.dims ?? []).map((d) => toNumber(d as number | LongLike)),
  };
}

/** The attribute's type; files from before IR version 2 may leave it unset, so infer it from the field present. */
function attributeType(a: onnx.IAttributeProto): number {
  if (a.type) return a.type;
  const single: [string, number][] = [['f', AT.FLOAT], ['i', AT.INT], ['s', AT.STRING], ['t', AT.TENSOR], ['g', AT.GRAPH],
    ['sparseTensor', AT.SPARSE_TENSOR], ['tp', AT.TYPE_PROTO]];
  for (const [k, type] of single) if (has(a, k)) return type;
  const lists: [keyof onnx.IAttributeProto, number][] = [['floats', AT.FLOATS], ['ints', AT.INTS], ['strings', AT.STRINGS],
    ['tensors', AT.TENSORS], ['graphs', AT.GRAPHS], ['sparseTensors', AT.SPARSE_TENSORS], ['typeProtos', AT.TYPE_PROTOS]];
  for (const [k, type] of lists) if ((a[k] as unknown[] | undefined)?.length) return type;
  return AT.UNDEFINED;
}

/**
 * An `AttributeProto` as a tagged `Attribute` (`where` names the node for errors).
 * @example decodeAttribute({ name: 'axis', type: 2, i: 1 }, ctx, 'node "c"'); // { type: 'int', value: 1 }
 */
export function decodeAttribute(a: onnx.IAttributeProto, ctx: DecodeContext, where: string): Attribute {
  const extra = { ...optional(a, 'refAttrName', 'refAttrName'), ...optional(a, 'docString', 'docString') };
  const type = attributeType(a);
  switch (type) {
    case AT.FLOAT: return { type: 'float', value: a.f ?? 0, ...extra };
    case AT.INT: return { type: 'int', value: toInt(a.i as number | LongLike), ...extra };
    case AT.STRING: return { type: 'string', value: a.s ?? new Uint8Array(0), ...extra };
    case AT.TENSOR: return { type: 'tensor', value: decodeTensor(a.t ?? {}, ctx), ...extra };
    case AT.GRAPH: return { type: 'graph', value: decodeGraph(a.g ?? {}, ctx), ...extra };
    case AT.SPARSE_TENSOR: return { type: 'sparse_tensor', value: decodeSparse(a.sparseTensor ?? {}, ctx), ...extra };
    case AT.TYPE_PROTO: return { type: 'type_proto', value: decodeType(a.tp), ...extra };
    case AT.FLOATS: return { type: 'floats', value: [...(a.floats ?? [])], ...extra };
    case AT.INTS: return { type: 'ints', value: (a.ints ?? []).map((v) => toInt(v as number | LongLike)), ...extra };
    case AT.STRINGS: return { type: 'strings', value: [...(a.strings ?? [])], ...extra };
    case AT.TENSORS: return { type: 'tensors', value: (a.tensors ?? []).map((t) => decodeTensor(t, ctx)), ...extra };
    case AT.GRAPHS: return { type: 'graphs', value: (a.graphs ?? []).map((g) => decodeGraph(g, ctx)), ...extra };
    case AT.SPARSE_TENSORS:
      return { type: 'sparse_tensors', value: (a.sparseTensors ?? []).map((s) => decodeSparse(s, ctx)), ...extra };
    case AT.TYPE_PROTOS: return { type: 'type_protos', value: (a.typeProtos ?? []).map(decodeType), ...extra };
    case AT.UNDEFINED: return { type: 'undefined', value: null, ...extra };
    default:
      throw new ModelFormatError(`model "${ctx.source}": ${where} attribute "${a.name}" has unknown type ${type}`);
  }
}

/**
 * A `NodeProto` as a `Node`; attributes keyed by name in file order.
 * @example decodeNode({ opType: 'Relu', input: ['x'], output: ['y'] }, ctx).domain; // ''
 */
export function decodeNode(n: onnx.INodeProto, ctx: DecodeContext): Node {
  const name = n.name ?? '';
  const attributes: Record<string, Attribute> = {};
  for (const a of n.attribute ?? []) {
    attributes[a.name ?? ''] = decodeAttribute(a, ctx, `node "${name}" (${n.opType ?? ''})`);
  }
  return {
    name, opType: n.opType ?? '', domain: n.domain ?? '', inputs: [...(n.input ?? [])], outputs: [...(n.output ?? [])],
    attributes, ...optional(n, 'docString', 'docString'),
  };
}

/**
 * A `GraphProto` as a `Graph` (subgraphs of If/Loop/Scan recursively).
 * @example decodeGraph(modelProto.graph, ctx).nodes.length;
 */
export function decodeGraph(g: onnx.IGraphProto, ctx: DecodeContext): Graph {
  const out: Graph = {
    name: g.name ?? '',
    nodes: (g.node ?? []).map((n) => decodeNode(n, ctx)),
    inputs: (g.input ?? []).map(decodeValueInfo),
    outputs: (g.output ?? []).map(decodeValueInfo),
    valueInfo: (g.valueInfo ?? []).map(decodeValueInfo),
    initializers: (g.initializer ?? []).map((t) => decodeTensor(t, ctx)),
    sparseInitializers: (g.sparseInitializer ?? []).map((s) => decodeSparse(s, ctx)),
    ...optional(g, 'docString', 'docString'),
  };
  if (g.quantizationAnnotation?.length) {
    out.quantizationAnnotation = g.quantizationAnnotation.map((q) => ({
      tensorName: q.tensorName ?? '',
      entries: Object.fromEntries((q.quantParameterTensorNames ?? []).map((e) => [e.key ?? '', e.value ?? ''])),
    }));
  }
  return out;
}

/**
 * Opset imports with numeric versions.
 * @example decodeOpsets([{ domain: '', version: 13 }]); // [{ domain: '', version: 13 }]
 */
export function decodeOpsets(list: onnx.IOperatorSetIdProto[] | null | undefined): OpsetImport[] {
  return (list ?? []).map((o) => ({ domain: o.domain ?? '', version: toNumber(o.version as number | LongLike) }));
}

/**
 * A model-local `FunctionProto` as a `FunctionDef`.
 * @example decodeFunction(modelProto.functions[0], ctx).nodes;
 */
export function decodeFunction(f: onnx.IFunctionProto, ctx: DecodeContext): FunctionDef {
  return {
    name: f.name ?? '', domain: f.domain ?? '', inputs: [...(f.input ?? [])], outputs: [...(f.output ?? [])],
    attributes: [...(f.attribute ?? [])], nodes: (f.node ?? []).map((n) => decodeNode(n, ctx)),
    opsetImports: decodeOpsets(f.opsetImport), ...optional(f, 'docString', 'docString'),
  };
}
