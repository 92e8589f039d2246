// Pure parts of the ablation study: time saved with its interval, removed share, paired loss interval, config identity.
import { test } from 'node:test';
import * as assert from 'node:assert/strict';
import { medianDifferenceCI, pairedLossCI, removedShare, timeSaved } from '../../src/study/ablationCost';
import { configDifferences, configHash, variantId, variantSlug, type AblationStudyConfig } from '../../src/study/ablationConfig';
import { parseVariant, studyVariants } from '../../src/study/ablationVariants';
import { makeGraph, makeModel, makeNode, tensorInfo } from '../builders';

test('timeSaved: difference of medians, % of the baseline, and a bootstrap interval that holds it', () => {
  const s = timeSaved([10, 10, 10, 10], [9, 9, 9, 9]);
  assert.deepEqual(s, { ms: 1, pct: 10, ci95: [1, 1], pctCi95: [10, 10] });
  const noisy = timeSaved([10, 11, 12, 10.5, 11.5], [8, 9, 10, 8.5, 9.5], 3);
  assert.equal(noisy.ms, 2);
  assert.ok(noisy.ci95[0] < 2 && noisy.ci95[1] > 2 && noisy.ci95[0] > -1, String(noisy.ci95));
  assert.deepEqual(medianDifferenceCI([1, 2, 3], [1, 2, 3], { seed: 5 }), medianDifferenceCI([1, 2, 3], [1, 2, 3], { seed: 5 }), 'seeded');
});

test('removedShare: whole runtime nodes of removed nodes count; fused with kept ones are listed apart; eliminated ones are notRun', () => {
  const byNode = [
    { node: 'conv1', opType: 'Conv', category: 'convolution', ms: 6, pct: 60, fusedFrom: ['conv1', 'relu1'] },
    { node: 'norm1_nchwc', opType: 'LRN', category: 'normalization', ms: 3, pct: 30 },
    { node: 'fc', opType: 'Gemm', category: 'fully connected', ms: 1, pct: 10 },
  ];
  assert.deepEqual(removedShare(byNode, ['norm1']), { ms: 3, pct: 30, nodes: ['norm1_nchwc'], fusedInto: [], notRun: [] });
  assert.deepEqual(removedShare(byNode, ['relu1', 'drop6']), { ms: 0, pct: 0, nodes: [], fusedInto: ['conv1'], notRun: ['drop6'] });
});

test('pairedLossCI: Wald interval of a paired difference of proportions', () => {
  const [lo, hi] = pairedLossCI(12, 2, 1000);
  assert.ok(Math.abs((lo + hi) / 2 - 0.01) < 1e-12);
  assert.ok(Math.abs(hi - 0.01 - 1.959964 * Math.sqrt(14 - 100 / 1000) / 1000) < 1e-6);
  assert.deepEqual(pairedLossCI(0, 0, 50), [0, 0]);
});

const config: AblationStudyConfig = {
  model: { name: 'm', path: '/a/m.onnx', sha256: 'a'.repeat(64) },
  dataset: { root: '/d', labels: '/d/val.txt', groundTruth: 'caffe list', images: 10, itemsSha256: 'b'.repeat(64), limit: null },
  preset: { name: 'torchvision', hash: 'c'.repeat(16) }, seed: 0, modelSeed: 1,
  timing: { runs: 20, warmup: 'auto', threads: 1, interOpThreads: 1, optLevel: 'all' },
};

test('configHash: the identity is the model bytes, images, preset, seeds and timing; paths are recorded, not compared', () => {
  assert.equal(configHash(config), configHash({ ...config, model: { ...config.model, path: '/elsewhere/m.onnx' }, dataset: { ...config.dataset!, root: '/mnt/d' } }));
  assert.notEqual(configHash(config), configHash({ ...config, seed: 1 }));
  assert.deepEqual(configDifferences(config, { ...config, seed: 1, timing: { ...config.timing, runs: 5 } }), ['seed: 0 -> 1', 'timing.runs: 20 -> 5']);
});

test('variants: ids, slugs, parsing, de-duplication', () => {
  assert.equal(variantId([]), 'baseline');
  assert.equal(variantId(parseVariant('bypass node norm1; bypass node norm2')), 'bypass node norm1; bypass node norm2');
  assert.match(variantSlug('bypass node conv1/relu_7x7'), /^bypass-node-conv1-relu_7x7-[0-9a-f]{4}$/);
  assert.notEqual(variantSlug('bypass node a/b'), variantSlug('bypass node a-b'));
  const m = makeModel(makeGraph([makeNode('Relu', ['x'], ['y'], {}, 'r'), makeNode('Dropout', ['y'], ['z'], {}, 'd')], [tensorInfo('x', [1, 2])], [tensorInfo('z', [1, 2])]));
  assert.deepEqual(studyVariants(m, { ops: ['Dropout'], nodes: ['r'], eachBypassable: true }).map(variantId), ['bypass op Dropout', 'bypass node r', 'bypass node d']);
});
