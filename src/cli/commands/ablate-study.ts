/**
 * `layerlab ablate-study <model> [--ops LRN,Dropout] [--nodes norm1,norm2] [--each-bypassable] [--variant "bypass node
 * norm1; bypass node norm2"]... [--images <dir> --labels <file>] [--limit N] [--runs N] [--out results.jsonl]`: cost
 * against contribution of each layer, resumable (see src/study/ablationStudy.ts).
 *
 * @example
 * npx layerlab ablate-study squeezenet1.1 --each-bypassable --images ../shared/data/imagenet/val-1300 --labels ../shared/data/imagenet/labels/val.txt --out reports/ablation/squeezenet1.1.jsonl
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Command } from '../command';
import { optionalInt, parseArgs, warmupFlag, type Parsed } from '../args';
import { checkOutputPath } from '../outputPath';
import { UsageError } from '../../errors';
import { settingsFrom } from '../../registry';
import type { ProfileOptions } from '../../profile/types';
import { ablationStudy } from '../../study/ablationStudy';
import { formatAblationStudy } from '../../study/ablationFormat';
import { parseVariant } from '../../study/ablationVariants';

/** Values of a repeatable, comma-separated flag. */
function list(a: Parsed, name: string): string[] | undefined {
  const v = a.flags[name] as string[] | undefined;
  return v ? v.flatMap((s) => s.split(',')).map((s) => s.trim()).filter((s) => s !== '') : undefined;
}

export const command: Command = {
  name: 'ablate-study',
  summary: 'cost against contribution: time saved and accuracy lost (paired) per bypassed layer or op type; resumable JSON lines',
  usage: 'layerlab ablate-study <model.onnx|name> [--ops LRN,Dropout] [--nodes norm1,norm2] [--each-bypassable] [--variant "bypass node a; bypass node b"]... ' +
    '[--images <dir> [--labels <file>] [--preprocess <preset>] [--limit N]] [--runs N] [--warmup K|auto] [--threads T] [--opt-level L] ' +
    '[--seed S] [--model-seed S] [--eval-threads T] [--batch N] [--out results.jsonl] [--force-new] [--json]',
  async run(argv, io) {
    const a = parseArgs(argv, {
      ops: { type: 'string', multiple: true, description: 'op types, each bypassed everywhere as one variant' },
      nodes: { type: 'string', multiple: true, description: 'node or layer names, each one variant' },
      'each-bypassable': { type: 'boolean', description: 'every bypassable node or layer as its own variant' },
      variant: { type: 'string', multiple: true, description: 'one variant of several ablations joined by ";"' },
      images: { type: 'string' }, labels: { type: 'string' }, preprocess: { type: 'string' }, limit: { type: 'string' },
      runs: { type: 'string' }, warmup: { type: 'string' }, threads: { type: 'string' }, 'opt-level': { type: 'string' },
      seed: { type: 'string', description: 'seed of the timed runs\' random inputs and of the bootstrap' },
      'model-seed': { type: 'string', description: 'seed of the random weights of Caffe networks without trained weights' },
      'eval-threads': { type: 'string' }, batch: { type: 'string' },
      out: { type: 'string', alias: 'o' }, 'force-new': { type: 'boolean' }, json: { type: 'boolean' },
    });
    if (a.positionals.length !== 1) throw new UsageError(`ablate-study needs exactly one model, got ${a.positionals.length} (usage: ${command.usage})`);
    const ops = list(a, 'ops'), nodes = list(a, 'nodes'), combined = (a.flags.variant as string[] | undefined)?.map(parseVariant);
    if (!ops && !nodes && !combined && !a.flags['each-bypassable']) {
      throw new UsageError('ablate-study needs variants: --ops, --nodes, --variant or --each-bypassable');
    }
    if (a.flags.labels !== undefined && a.flags.images === undefined) throw new UsageError('--labels needs --images <dir>');
    const model = a.positionals[0];
    const outFlag = typeof a.flags.out === 'string' ? a.flags.out : path.join('reports', 'ablation', `${path.basename(model).replace(/\.onnx$/, '')}.jsonl`);
    const outAbs = path.resolve(io.cwd, outFlag);
    if (typeof a.flags.out !== 'string') fs.mkdirSync(path.dirname(outAbs), { recursive: true });
    const out = checkOutputPath('--out', outAbs, [path.resolve(io.cwd, model)]);
    const opt = (name: string, min = 0): number | undefined => optionalInt(a, name, min);
    const warmup = warmupFlag(a);
    const r = await ablationStudy({
      model, settings: settingsFrom(io.env, io.cwd), out, cwd: io.cwd, ops, nodes, combined, eachBypassable: a.flags['each-bypassable'] === true,
      images: a.flags.images as string | undefined, labels: a.flags.labels as string | undefined, preset: a.flags.preprocess as string | undefined,
      limit: opt('limit', 1), runs: opt('runs', 1), warmup, threads: opt('threads', 1), optLevel: a.flags['opt-level'] as ProfileOptions['optLevel'] | undefined,
      seed: opt('seed'), modelSeed: opt('model-seed'), evalThreads: opt('eval-threads', 1), batchSize: opt('batch', 1), forceNew: a.flags['force-new'] === true,
      onProgress: (line) => io.err(line),
    });
    if (a.flags.json) io.out(JSON.stringify(r.records, null, 2));
    else {
      io.out(formatAblationStudy(r.records));
      io.out(`\n${r.records.length} variants (${r.resumed.length} from an earlier run) in ${r.file}` +
        (r.damaged.length ? `; ${r.damaged.length} damaged line(s) ignored` : ''));
    }
    return 0;
  },
};
