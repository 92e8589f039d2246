/**
 * `layerlab eval <model> --images <dir> [--labels <file>] [--preprocess <preset|file.json>] [--limit N]
 * [--json] [--records out.jsonl]`: top-1/top-5 accuracy with Wilson intervals on an image folder.
 *
 * @example
 * npx layerlab eval squeezenet1.1 --images ../shared/data/imagenet/val-1300 --labels ../shared/data/imagenet/labels/val.txt
 * npx layerlab eval cifar10_full --images ../shared/data/cifar10/test --limit 500 --json
 */
import * as path from 'path';
import type { Command } from '../command';
import { optionalInt, parseArgs } from '../args';
import { checkOutputPath } from '../outputPath';
import { progressBar } from '../progress';
import { UsageError } from '../../errors';
import { registryEntries, resolveModel, settingsFrom } from '../../registry';
import { loadDataset } from '../../data/dataset';
import { loadPreset } from '../../data/preset';
import { preparePreset } from '../../data/preprocess';
import { evaluate } from '../../eval/evaluate';
import { formatEvaluation, writeRecordsJsonl } from '../../eval/format';

export const command: Command = {
  name: 'eval',
  summary: 'top-1/top-5 accuracy (Wilson 95% intervals) of a model on an image folder',
  usage: 'layerlab eval <model.onnx|name> --images <dir> [--labels <val.txt|synsets.txt>] [--preprocess caffe-227|caffe-224|torchvision|cifar10_full|<file.json>] '
    + '[--limit N] [--batch N] [--threads N] [--no-cache] [--json] [--records out.jsonl] [--seed N]',
  async run(argv, io) {
    const a = parseArgs(argv, {
      images: { type: 'string', description: 'image folder' },
      labels: { type: 'string', description: 'Caffe list (<image> <index>) or class list (one id per line)' },
      preprocess: { type: 'string', description: 'preset name or JSON file; default: the registry entry\'s' },
      limit: { type: 'string', description: 'evaluate the first N images only' },
      batch: { type: 'string', description: 'batch size for models with a dynamic batch dimension (default 8)' },
      threads: { type: 'string', description: 'onnxruntime intra-op threads' },
      'no-cache': { type: 'boolean', description: 'do not read or write the tensor cache' },
      json: { type: 'boolean', description: 'print JSON' },
      records: { type: 'string', description: 'write the per-image records to this JSON-lines file' },
      seed: { type: 'string', description: 'seed of the random weights of Caffe networks without trained weights' },
    });
    if (a.positionals.length !== 1) throw new UsageError(`eval needs exactly one model, got ${a.positionals.length} (usage: ${command.usage})`);
    if (typeof a.flags.images !== 'string') throw new UsageError(`eval needs --images <dir> (usage: ${command.usage})`);
    const settings = settingsFrom(io.env, io.cwd);
    const resolved = await resolveModel(a.positionals[0], settings, { cwd: io.cwd, seed: optionalInt(a, 'seed') });
    const entry = resolved.entry ?? registryEntries().find((e) => e.source.kind === 'onnx' && path.resolve(settings.dataRoot, e.source.file) === resolved.path);
    const presetName = (a.flags.preprocess as string | undefined) ?? entry?.preprocess;
    if (!presetName) throw new UsageError(`model "${resolved.path}" is not in the registry: choose a preset with --preprocess (caffe-227, caffe-224, torchvision, cifar10_full or a .json file)`);
    const recordsOut = typeof a.flags.records === 'string' ? checkOutputPath('--records', path.resolve(io.cwd, a.flags.records), [resolved.path]) : undefined;
    const dataset = loadDataset(path.resolve(io.cwd, a.flags.images), { labels: typeof a.flags.labels === 'string' ? path.resolve(io.cwd, a.flags.labels) : undefined });
    const prep = await preparePreset(loadPreset(presetName, { cwd: io.cwd }), { dataRoot: settings.dataRoot });
    const bar = progressBar(process.stderr, 'eval');
    const limit = optionalInt(a, 'limit', 1);
    const threads = optionalInt(a, 'threads', 1);
    let result;
    try {
      result = await evaluate(resolved.path, dataset, prep, {
        dataRoot: settings.dataRoot, cacheDir: a.flags['no-cache'] ? undefined : settings.cacheDir, limit,
        batchSize: optionalInt(a, 'batch', 1) ?? 8, session: threads !== undefined ? { intraOpThreads: threads } : undefined,
        onProgress: (done, total) => bar.update(done, total),
      });
    } finally {
      bar.finish();
    }
    if (recordsOut) writeRecordsJsonl(recordsOut, result.records);
    const { records, ...summary } = result;
    if (a.flags.json) io.out(JSON.stringify({ ...summary, records: recordsOut ?? records }, null, 2));
    else io.out(formatEvaluation(summary) + (recordsOut ? `\nrecords: ${recordsOut}` : ''));
    return 0;
  },
};
