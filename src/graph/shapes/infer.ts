/**
 * Static shape inference over a whole model: per-tensor shapes, and per node its output shapes,
 * parameters and MACs. Pure (no I/O) and total: an op without a rule, or whose inputs are unknown,
 * gets unknown output shapes and is listed in `unknownNodes`; graph contents never make it throw.
 *
 * Parameters: each constant tensor (initializer, or a tensor computed from constants only, such as a
 * ConstantOfShape weight) is counted once, at the first node that reads it at run time, unless it is an
 * int64 tensor or sits at a position the op's rule marks as a shape/scale operand.
 * MACs: only Conv/ConvTranspose/QLinearConv (N*Cout*Hout*Wout*(Cin/group)*kH*kW, biases not counted) and
 * Gemm/MatMul/QLinearMatMul (batch*M*N*K) count, as in the published figures; other ops report 0.
 * Without `inputShapes`, a shape declared in `value_info` or the graph outputs stands in for one that
 * cannot be inferred (the node is still listed in `unknownNodes`); with `inputShapes` declarations are
 * ignored, since they describe the original input sizes.
 *
 * @example
 * const r = inferShapes(model, { inputShapes: { data: [1, 3, 224, 224] } });
 * r.params; // 61100840
 * r.nodes.find((n) => n.opType === 'Conv')?.outputShapes[0]; // [1, 96, 54, 54]
 */
import { GraphError } from '../../errors';
import { INT64 } from '../tensor';
import type { DataType, Model, Node, ValueInfo } from '../types';
import { constOutputType } from './constType';
import { smallIntValues } from './constants';
import { product } from './dims';
import { topoOrder } from './order';
import { ruleFor } from './rules';
import type { NodeShapeRecord, RuleContext, RuleOutput, Shape, ShapeOptions, ShapeResult, UnknownNode } from './types';

/** The default-domain opset a model imports (21 when it declares none). */
export function modelOpset(model: Model): number {
  const imp = model.opsetImports.find((o) => o.domain === '' || o.domain === 'ai.onnx');
  return imp ? imp.version : 21;
}

function declaredShape(v: ValueInfo): Shape | null {
  return v.type.kind === 'tensor' && v.type.shape ? [...v.type.shape] : null;
}

function checkInputShapes(model: Model, inputShapes: Record<string, number[]>): void {
  const names = model.graph.inputs.map((v) => v.name);
  const inits = new Set(model.graph.initializers.map((t) => t.name));
  for (const [name, dims] of Object.entries(inputShapes)) {
    if (!names.includes(name)) {
      const real = names.filter((n) => !inits.has(n));
      throw new GraphError(`inputShapes: "${name}" is not a graph input (inputs: ${real.join(', ') || 'none'})`);
    }
    if (!Array.isArray(dims) || !dims.every((d) => Number.isInteger(d) && d >= 0)) {
      throw new GraphError(`inputShapes: "${name}" has an invalid shape [${String(dims)}] (expected non-negative integers)`);
    }
  }
}

interface State {
  shapes: Map<string, Shape | null>;
  values: Map<string, number[]>;
  /** Constant tensors and their data types. */
  constTypes: Map<string, DataType | undefined>;
}

function seed(model: Model, opts: ShapeOptions): State {
  const g = model.graph;
  const st: State = { shapes: new Map(), values: new Map(), constTypes: new Map() };
  for (const t of g.initializers) {
    st.shapes.set(t.name, [...t.dims]);
    st.constTypes.set(t.name, t.dataType);
    const v = smallIntValues(t);
    if (v) st.values.set(t.name, v);
  }
  for (const s of g.sparseInitializers) {
    st.shapes.set(s.values.name, [...s.dims]);
    st.constTypes.set(s.values.name, s.values.dataType);
  }
  for (const v of g.inputs) {
    if (st.constTypes.has(v.name) && !opts.inputShapes?.[v.name]) continue;
    st.shapes.set(v.name, opts.inputShapes?.[v.name] ? [...opts.inputShapes[v.name]] : declaredShape(v));
  }
  return st;
}

function context(node: Node, opset: number, st: State): RuleContext {
  const name = (i: number) => node.inputs[i] ?? '';
  return {
    node, opset,
    has: (i) => name(i) !== '',
    shape: (i) => (name(i) === '' ? null : st.shapes.get(name(i)) ?? null),
    value: (i) => (name(i) === '' ? undefined : st.values.get(name(i))),
  };
}

/** Infer every tensor's shape, and each node's params and MACs. */
export function inferShapes(model: Model, opts: ShapeOptions = {}): ShapeResult {
  if (opts.inputShapes) checkInputShapes(model, opts.inputShapes);
  const g = model.graph;
  const opset = modelOpset(model);
  const st = seed(model, opts);
  const declared = new Map<string, Shape | null>();
  if (!opts.inputShapes) for (const v of [...g.valueInfo, ...g.outputs]) declared.set(v.name, declaredShape(v));
  const claimed = new Set<string>();
  const records: NodeShapeRecord[] = new Array(g.nodes.length);
  const unknown: UnknownNode[] = [];

  for (const index of topoOrder(g)) {
    const node = g.nodes[index];
    const name = node.name || `${node.opType}_${index}`;
    const entry = ruleFor(node.domain, node.opType);
    const ins = node.inputs.filter((i) => i !== '');
    const isConst = node.opType === 'Constant' || (ins.length > 0 && ins.every((i) => st.constTypes.has(i)));
    const inputsKnown = ins.every((i) => st.shapes.get(i) != null);
    let out: RuleOutput | undefined;
    let problem: UnknownNode | undefined;
    if (!entry) problem = { name, opType: node.opType, reason: 'no-rule' };
    else {
      try {
        out = entry.infer(context(node, opset, st));
      } catch (e) {
        problem = { name, opType: node.opType, reason: 'rule-failed', detail: e instanceof Error ? e.message : String(e) };
      }
    }
    const outputs = node.outputs.map((o, i) => (o === '' ? null : out?.outputs[i] ?? declared.get(o) ?? null));
    if (!problem && node.outputs.some((o, i) => o !== '' && !out?.outputs[i])) {
      problem = inputsKnown
        ? { name, opType: node.opType, reason: 'rule-failed', detail: 'an operand the rule needs (shape, axes, kernel) is not a known constant' }
        : { name, opType: node.opType, reason: 'unknown-input-shape' };
    }
    if (problem) unknown.push(problem);
    const inTypes = node.inputs.map((i) => st.constTypes.get(i));
    node.outputs.forEach((o, i) => {
      if (o === '') return;
      st.shapes.set(o, outputs[i]);
      const v = out?.values?.[i];
      if (v) st.values.set(o, v);
      if (isConst) st.constTypes.set(o, constOutputType(node, inTypes));
    });
    let params = 0;
    if (!isConst) {
      node.inputs.forEach((t, pos) => {
        if (t === '' || claimed.has(t) || !st.constTypes.has(t) || st.constTypes.get(t) === INT64) return;
        if (entry?.nonParams?.includes(pos)) return;
        const s = st.shapes.get(t);
        const n = s ? product(s) : null;
        if (n === null) return;
        params += n;
        claimed.add(t);
      });
    }
    const known = outputs.every((s, i) => node.outputs[i] === '' || s !== null);
    const macs = out && !problem ? (out.macs === undefined ? (known ? 0 : null) : out.macs) : null;
    records[index] = { name, opType: node.opType, index, outputShapes: outputs, params, macs, constant: isConst };
  }
  return {
    shapes: st.shapes,
    nodes: records,
    unknownNodes: unknown,
    params: records.reduce((a, r) => a + r.params, 0),
    macs: records.reduce((a, r) => a + (r.macs ?? 0), 0),
    opset,
  };
}
