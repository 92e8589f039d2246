/**
 * The ablation study (cost against contribution), in one import for notebooks and programs.
 *
 * @example
 * import { ablationStudy, formatAblationStudy, ablationPoints } from './study/ablation';
 */
export * from './ablationStudy';
export * from './ablationRecords';
export * from './ablationConfig';
export * from './ablationCost';
export * from './ablationVariants';
export * from './ablationFormat';
export * from './zooWeights';
