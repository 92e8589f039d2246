/**
 * Accuracy of classifiers: evaluation on an image folder, Wilson intervals, paired comparisons (McNemar).
 *
 * @example
 * import { evaluate, compareEvaluations } from './eval';
 * const a = await evaluate(model, ds, 'torchvision'); const b = await evaluate(ablated, ds, 'torchvision');
 * compareEvaluations(a, b).top1.mcnemar.p
 */
export { evaluate, type EvaluateOptions, type ModelInput } from './evaluate';
export { compareEvaluations, type Paired, type PairedCounts } from './compare';
export { wilson, mcnemar, erfc, binomialHalfCdf, Z95, type McNemar } from './stats';
export { softmax, topK, looksLikeProbabilities } from './scores';
export { formatEvaluation, formatAccuracy, writeRecordsJsonl, readRecordsJsonl } from './format';
export type { Accuracy, EvalRecord, EvalResult } from './types';
