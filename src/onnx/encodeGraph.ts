/**
 * IR -> protobufjs plain messages: tensors, attributes, nodes, graphs and functions. Tensor bytes are
 * passed by reference (the writer copies them once, into the output buffer). Numeric tensors are always
 * written as `raw_data`, STRING tensors as `string_data`, external tensors inline.
 *
 * @example
 * const msg = encodeGraph(model.graph, { tensorBytes: 0 });
 */
import { onnx } from 'onnx-proto';
import { STRING } from '../graph/tensor';
import type { Attribute, FunctionDef, Graph, Node, OpsetImport, SparseTensor, Tensor } from '../graph/types';
import { toLongLike } from './int64';
import { encodeType, encodeValueInfo } from './types';

/** Running total of tensor bytes, to refuse models beyond protobuf's 2 GB limit before allocating. */
export interface EncodeContext { tensorBytes: number }

const AT = onnx.AttributeProto.AttributeType;

function withDoc<T extends object>(msg: T, docString: string | undefined): T {
  if (docString !== undefined) (msg as { docString?: string }).docString = docString;
  return msg;
}

/**
 * A `Tensor` as a `TensorProto` (`raw_data` or `string_data`, always inline).
 * @example encodeTensor(floatTensor('W', [2]), { tensorBytes: 0 }).rawData?.byteLength; // 8
 */
export function encodeTensor(t: Tensor, ctx: EncodeContext): onnx.ITensorProto {
  const out: onnx.ITensorProto = { dims: t.dims, dataType: t.dataType };
  if (t.name !== '') out.name = t.name;
  if (t.dataType === STRING) {
    out.stringData = t.strings ?? [];
    for (const s of out.stringData) ctx.tensorBytes += s.byteLength;
  } else {
    out.rawData = t.raw ?? new Uint8Array(0);
    ctx.tensorBytes += out.rawData.byteLength;
  }
  return withDoc(out, t.docString);
}

/**
 * A `SparseTensor` as a `SparseTensorProto`.
 * @example encodeSparse(sparse, ctx).dims;
 */
export function encodeSparse(s: SparseTensor, ctx: EncodeContext): onnx.ISparseTensorProto {
  return { values: encodeTensor(s.values, ctx), indices: encodeTensor(s.indices, ctx), dims: s.dims };
}

/**
 * A tagged `Attribute` as an `AttributeProto` with its type set.
 * @example encodeAttribute('axis', { type: 'int', value: 1 }, ctx); // { name: 'axis', type: 2, i: 1 }
 */
export function encodeAttribute(name: string, a: Attribute, ctx: EncodeContext): onnx.IAttributeProto {
  const out: onnx.IAttributeProto = { name };
  switch (a.type) {
    case 'float': Object.assign(out, { type: AT.FLOAT, f: a.value }); break;
    case 'int': Object.assign(out, { type: AT.INT, i: toLongLike(a.value) }); break;
    case 'string': Object.assign(out, { type: AT.STRING, s: a.value }); break;
    case 'tensor': Object.assign(out, { type: AT.TENSOR, t: encodeTensor(a.value, ctx) }); break;
    case 'graph': Object.assign(out, { type: AT.GRAPH, g: encodeGraph(a.value, ctx) }); break;
    case 'sparse_tensor': Object.assign(out, { type: AT.SPARSE_TENSOR, sparseTensor: encodeSparse(a.value, ctx) }); break;
    case 'type_proto': Object.assign(out, { type: AT.TYPE_PROTO, tp: encodeType(a.value) }); break;
    case 'floats': Object.assign(out, { type: AT.FLOATS, floats: a.value }); break;
    case 'ints': Object.assign(out, { type: AT.INTS, ints: a.value.map(toLongLike) }); break;
    case 'strings': Object.assign(out, { type: AT.STRINGS, strings: a.value }); break;
    case 'tensors': Object.assign(out, { type: AT.TENSORS, tensors: a.value.map((t) => encodeTensor(t, ctx)) }); break;
    case 'graphs': Object.assign(out, { type: AT.GRAPHS, graphs: a.value.map((g) => encodeGraph(g, ctx)) }); break;
    case 'sparse_tensors':
      Object.assign(out, { type: AT.SPARSE_TENSORS, sparseTensors: a.value.map((s) => encodeSparse(s, ctx)) }); break;
    case 'type_protos': Object.assign(out, { type: AT.TYPE_PROTOS, typeProtos: a.value.map(encodeType) }); break;
    case 'undefined': out.type = AT.UNDEFINED; break;
    default: throw new TypeError(`attribute "${name}": invalid attribute type: ${(a as { type: string }).type}`);
  }
  if (a.refAttrName !== undefined) out.refAttrName = a.refAttrName;
  return withDoc(out, a.docString);
}

/**
 * A `Node` as a `NodeProto` (empty name and domain are left out).
 * @example encodeNode(makeNode('Relu', ['x'], ['y']), ctx).opType; // 'Relu'
 */
export function encodeNode(n: Node, ctx: EncodeContext): onnx.INodeProto {
  const out: onnx.INodeProto = {
    input: n.inputs, output: n.outputs, opType: n.opType,
    attribute: Object.entries(n.attributes).map(([k, a]) => encodeAttribute(k, a, ctx)),
  };
  if (n.name !== '') out.name = n.name;
  if (n.domain !== '') out.domain = n.domain;
  return withDoc(out, n.docString);
}

/**
 * A `Graph` as a `GraphProto`, adding its tensor bytes to `ctx.tensorBytes`.
 * @example encodeGraph(model.graph, { tensorBytes: 0 }).node?.length;
 */
export function encodeGraph(g: Graph, ctx: EncodeContext): onnx.IGraphProto {
  const out: onnx.IGraphProto = {
    node: g.nodes.map((n) => encodeNode(n, ctx)),
    name: g.name,
    initializer: g.initializers.map((t) => encodeTensor(t, ctx)),
    sparseInitializer: g.sparseInitializers.map((s) => encodeSparse(s, ctx)),
    input: g.inputs.map(encodeValueInfo),
    output: g.outputs.map(encodeValueInfo),
    valueInfo: g.valueInfo.map(encodeValueInfo),
  };
  if (g.quantizationAnnotation) {
    out.quantizationAnnotation = g.quantizationAnnotation.map((q) => ({
      tensorName: q.tensorName,
      quantParameterTensorNames: Object.entries(q.entries).map(([key, value]) => ({ key, value })),
    }));
  }
  return withDoc(out, g.docString);
}

/**
 * Opset imports as `OperatorSetIdProto`s.
 * @example encodeOpsets([{ domain: '', version: 13 }]);
 */
export function encodeOpsets(list: OpsetImport[]): onnx.IOperatorSetIdProto[] {
  return list.map((o) => ({ domain: o.domain, version: o.version }));
}

/**
 * A `FunctionDef` as a `FunctionProto`.
 * @example encodeFunction(model.functions[0], ctx).name;
 */
export function encodeFunction(f: FunctionDef, ctx: EncodeContext): onnx.IFunctionProto {
  return withDoc({
    name: f.name, domain: f.domain, input: f.inputs, output: f.outputs, attribute: f.attributes,
    node: f.nodes.map((n) => encodeNode(n, ctx)), opsetImport: encodeOpsets(f.opsetImports),
  }, f.docString);
}
