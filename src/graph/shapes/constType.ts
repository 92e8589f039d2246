/**
 * The data type of a node's output when every input is constant (constant folding only needs to know
 * whether a tensor is an integer shape operand or a weight).
 *
 * @example
 * constOutputType(castNode, [FLOAT]); // the Cast's `to`
 */
import { FLOAT, INT64, UINT8 } from '../tensor';
import type { DataType, Node } from '../types';

export function constOutputType(node: Node, inputTypes: (DataType | undefined)[]): DataType | undefined {
  const a = node.attributes;
  switch (node.opType) {
    case 'Shape': case 'Size': case 'ArgMax': case 'ArgMin': return INT64;
    case 'Cast': return a.to && a.to.type === 'int' ? Number(a.to.value) : undefined;
    case 'DequantizeLinear': return FLOAT;
    case 'QuantizeLinear': return inputTypes[2] ?? UINT8;
    case 'ConstantOfShape': return a.value && a.value.type === 'tensor' ? a.value.value.dataType : FLOAT;
    case 'Constant': {
      const v = a.value ?? a.sparse_value ?? a.value_int ?? a.value_ints ?? a.value_float ?? a.value_floats;
      if (!v) return undefined;
      if (v.type === 'tensor') return v.value.dataType;
      if (v.type === 'sparse_tensor') return v.value.values.dataType;
      return v.type === 'int' || v.type === 'ints' ? INT64 : FLOAT;
    }
    default: return inputTypes.find((t) => t !== undefined);
  }
}
