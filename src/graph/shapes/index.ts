/**
 * Static shape inference, parameters and MACs: `inferShapes(model)`.
 *
 * @example
 * import { inferShapes } from './graph/shapes';
 * const { nodes, params, macs } = inferShapes(model);
 */
export { inferShapes, modelOpset } from './infer';
export { RULES, ruleFor } from './rules';
export { spatialOut } from './conv';
export { broadcast } from './dims';
export type { NodeShapeRecord, Rule, RuleContext, RuleEntry, RuleOutput, Shape, ShapeOptions, ShapeResult, UnknownNode, UnknownReason } from './types';
