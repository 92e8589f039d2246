/**
 * `layerlab reproduce [--out reports/study] [--seed N] [--runs N] [--warmup N] [--threads 1,2] [--cold N] [--no-charts]`:
 * the main job (see src/study/reproduce.ts).
 *
 * @example
 * npx layerlab reproduce --out reports/study --runs 20
 */
import * as path from 'path';
import type { Command } from '../command';
import { optionalInt, parseArgs } from '../args';
import { UsageError } from '../../errors';
import { settingsFrom } from '../../registry';
import { reproduceStudy } from '../../study/reproduce';

export const command: Command = {
  name: 'reproduce',
  summary: 'reproduce the study into a report folder: AlexNet, NIN, GoogLeNet profiled (1 vs 2 threads), table, charts, verdicts',
  usage: 'layerlab reproduce [--out reports/study] [--seed N] [--runs 20] [--warmup 5] [--threads 1,2] [--cold 5] [--no-charts]',
  async run(argv, io) {
    const a = parseArgs(argv, {
      out: { type: 'string' }, seed: { type: 'string' }, runs: { type: 'string' }, warmup: { type: 'string' },
      threads: { type: 'string' }, cold: { type: 'string' }, 'no-charts': { type: 'boolean' },
    });
    const out = path.resolve(io.cwd, (a.flags.out as string | undefined) ?? 'reports/study');
    const threadsText = (a.flags.threads as string | undefined) ?? '1,2';
    const threads = threadsText.split(',').map((t) => Number(t.trim()));
    if (threads.some((t) => !Number.isInteger(t) || t < 0)) throw new UsageError(`invalid --threads: ${threadsText} — expected thread counts such as 1,2`);
    const report = await reproduceStudy(out, settingsFrom(io.env, io.cwd), {
      seed: optionalInt(a, 'seed'), runs: optionalInt(a, 'runs', 1), warmup: optionalInt(a, 'warmup', 0), cold: optionalInt(a, 'cold', 0),
      threads, charts: !a.flags['no-charts'], progress: (line) => io.err(line),
    });
    io.out(report.markdown);
    if (report.chartsSkipped) io.err(`charts skipped: ${report.chartsSkipped}`);
    io.err(`wrote ${report.dir} (${report.files.length} files)`);
    return 0;
  },
};
