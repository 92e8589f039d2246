/**
 * `layerlab reproduce [--out reports/study] [--seed N]`: the main job (see src/study/reproduce.ts).
 *
 * @example
 * npx layerlab reproduce --out reports/study
 */
import * as path from 'path';
import type { Command } from '../command';
import { numberFlag, parseArgs } from '../args';
import { settingsFrom } from '../../registry';
import { reproduceStudy } from '../../study/reproduce';

export const command: Command = {
  name: 'reproduce',
  summary: 'reproduce the study into a report folder (now: inspection of AlexNet, NIN, GoogLeNet)',
  usage: 'layerlab reproduce [--out reports/study] [--seed N]',
  async run(argv, io) {
    const a = parseArgs(argv, { out: { type: 'string' }, seed: { type: 'string' } });
    const out = path.resolve(io.cwd, (a.flags.out as string | undefined) ?? 'reports/study');
    const report = await reproduceStudy(out, settingsFrom(io.env, io.cwd), { seed: numberFlag(a, 'seed', 1) });
    io.out(report.markdown);
    io.err(`wrote ${report.dir}`);
    return 0;
  },
};
