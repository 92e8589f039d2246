/**
 * The plain-data graph IR of layerlab.
 *
 * Edges are tensor names, as in ONNX itself. Producer/consumer maps are derived on demand (see
 * `./index.ts`), never stored. Every surgery returns a new `Graph`/`Model` and shares unchanged data.
 * Nothing here touches protobuf, the file system or a runtime: `src/onnx/` converts between ONNX files
 * and these types.
 *
 * @example
 * const relu: Node = { name: 'relu1', opType: 'Relu', domain: '', inputs: ['x'], outputs: ['y'], attributes: {} };
 */

/** An ONNX int64 value: a `number` when it is a safe integer, otherwise a `bigint` (exact round trip). */
export type Int = number | bigint;

/** One dimension: a fixed size, a symbolic name (`dim_param`), or `null` when unknown. */
export type Dim = number | string | null;

/** ONNX `TensorProto.DataType` numbers (FLOAT = 1, UINT8 = 2, ..., see `DATA_TYPES`). */
export type DataType = number;

/** The type of a value (`TypeProto`), tagged by kind. A tensor with `shape` undefined has unknown rank. */
export type TypeInfo =
  | { kind: 'tensor'; elemType: DataType; shape?: Dim[]; denotation?: string }
  | { kind: 'sparse_tensor'; elemType: DataType; shape?: Dim[]; denotation?: string }
  | { kind: 'sequence'; elem: TypeInfo; denotation?: string }
  | { kind: 'map'; keyType: DataType; value: TypeInfo; denotation?: string }
  | { kind: 'optional'; elem: TypeInfo; denotation?: string }
  | { kind: 'unknown'; denotation?: string };

/** A named value with its (possibly unknown) type: graph inputs, outputs and `value_info`. */
export interface ValueInfo {
  name: string;
  type: TypeInfo;
  docString?: string;
}

/** Where an initializer's bytes were stored when read from a file with external data. */
export interface ExternalRef {
  location: string;
  offset?: number;
  length?: number;
  checksum?: string;
}

/**
 * A constant tensor (initializer, or the value of a tensor attribute).
 * Numeric data is kept as little-endian bytes (`raw`) and decoded on demand with `tensorValues`;
 * STRING tensors keep `strings`.
 */
export interface Tensor {
  name: string;
  dataType: DataType;
  dims: number[];
  /** Little-endian element bytes, as in ONNX's `raw_data`. Absent for STRING tensors. */
  raw?: Uint8Array;
  /** Elements of a STRING tensor, as bytes. */
  strings?: Uint8Array[];
  docString?: string;
  /** Set when the bytes came from an external data file; `raw` holds them already. */
  external?: ExternalRef;
}

/** A sparse tensor (`SparseTensorProto`). */
export interface SparseTensor {
  values: Tensor;
  indices: Tensor;
  dims: number[];
}

/** A node attribute, tagged by type so that ints and floats round-trip exactly. */
export type Attribute = (
  | { type: 'float'; value: number }
  | { type: 'int'; value: Int }
  | { type: 'string'; value: Uint8Array }
  | { type: 'tensor'; value: Tensor }
  | { type: 'graph'; value: Graph }
  | { type: 'sparse_tensor'; value: SparseTensor }
  | { type: 'type_proto'; value: TypeInfo }
  | { type: 'floats'; value: number[] }
  | { type: 'ints'; value: Int[] }
  | { type: 'strings'; value: Uint8Array[] }
  | { type: 'tensors'; value: Tensor[] }
  | { type: 'graphs'; value: Graph[] }
  | { type: 'sparse_tensors'; value: SparseTensor[] }
  | { type: 'type_protos'; value: TypeInfo[] }
  | { type: 'undefined'; value: null }
) & {
  /** Inside a function body: the name of the function attribute this one refers to. */
  refAttrName?: string;
  docString?: string;
};

export type AttributeType = Attribute['type'];

/** One operator application. `inputs` may contain '' for an omitted optional input. */
export interface Node {
  name: string;
  opType: string;
  /** '' (or 'ai.onnx') is the default ONNX domain. */
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: Record<string, Attribute>;
  docString?: string;
}

/** A computation graph. Edges are tensor names. */
export interface Graph {
  name: string;
  nodes: Node[];
  inputs: ValueInfo[];
  outputs: ValueInfo[];
  /** Intermediate value types (`value_info`). */
  valueInfo: ValueInfo[];
  initializers: Tensor[];
  sparseInitializers: SparseTensor[];
  docString?: string;
  /** `quantization_annotation`: tensor name -> (key -> value tensor name). */
  quantizationAnnotation?: { tensorName: string; entries: Record<string, string> }[];
}

export interface OpsetImport {
  domain: string;
  version: number;
}

/** A model-local function (`FunctionProto`). */
export interface FunctionDef {
  name: string;
  domain: string;
  inputs: string[];
  outputs: string[];
  attributes: string[];
  nodes: Node[];
  opsetImports: OpsetImport[];
  docString?: string;
}

/** A whole model (`ModelProto`). `metadata` is `metadata_props`, in file order. */
export interface Model {
  irVersion: number;
  opsetImports: OpsetImport[];
  producerName?: string;
  producerVersion?: string;
  domain?: string;
  modelVersion?: Int;
  docString?: string;
  metadata: Record<string, string>;
  graph: Graph;
  functions: FunctionDef[];
}
