/**
 * Graph surgery: pure functions on the IR, each returning a new Graph (or Model) that shares unchanged data.
 *
 * @example
 * import { bypass, cleanup, toposort, assertValid } from './surgery';
 * const g2 = assertValid(toposort(cleanup(bypass(g, 'norm1'))));
 */
export { bypass, uniqueNodeName } from './bypass';
export { BYPASSABLE, bypassProblem, dataInputOf } from './bypassable';
export { removeOpType, removeNodes } from './remove';
export { replaceWithIdentity } from './identity';
export { cleanup } from './cleanup';
export { toposort, nodeDependencies } from './toposort';
export { validate, assertValid, type ValidationIssue, type ValidationIssueKind } from './validate';
export { randomizeWeights, RANDOMIZE_SEED_KEY, RANDOMIZE_COUNT_KEY, type RandomizeOptions } from './randomize';
export { ROLES, weightRoles, type Fill, type Role } from './weightRoles';
export { runtimeWeights, constantInts, type RuntimeWeight } from './constantOfShape';
export { applyAblations, applyAblation, ablationContext, describeAblation, parseAblation, ABLATIONS_KEY, type Ablation, type AblationContext } from './ablation';
export { bypassGroup, groupBoundary, layerGroups, layerMembers, type ShapeLookup } from './layerBypass';
export { bypassableUnits } from './bypassableUnits';
export { outerReads, nodeReads, renameReads, subgraphs, definedNames, graphOuterReads } from './scope';
export { requireNode } from './lookup';
export { nodeLabel } from './label';
export { closeNames, didYouMean } from './suggest';
