/**
 * `layerlab fetch <name>... [--url <url>] [--json]`: download registry models into the cache, resuming and
 * verifying their sha256 (LAYERLAB_FETCH_BASE_URL replaces the host and folder of every URL).
 *
 * @example
 * npx layerlab fetch googlenet-12
 */
import type { Command } from '../command';
import { parseArgs } from '../args';
import { UsageError } from '../../errors';
import { getEntry, settingsFrom } from '../../registry';
import { fetchModel, type FetchResult } from '../../data/fetch';
import { progressBar } from '../progress';

export const command: Command = {
  name: 'fetch',
  summary: 'download registry models (resumable, sha256-verified) into the cache',
  usage: 'layerlab fetch <name>... [--url <url>] [--json]   (env LAYERLAB_FETCH_BASE_URL: mirror base URL)',
  async run(argv, io) {
    const a = parseArgs(argv, {
      url: { type: 'string', description: 'download from this URL instead of the registry\'s (one model only)' },
      json: { type: 'boolean', description: 'print the results as JSON' },
    });
    if (a.positionals.length === 0) throw new UsageError(`fetch needs at least one registry name (usage: ${command.usage})`);
    if (a.flags.url && a.positionals.length > 1) throw new UsageError('--url works with one model only');
    const settings = settingsFrom(io.env, io.cwd);
    const results: FetchResult[] = [];
    for (const name of a.positionals) {
      const entry = getEntry(name);
      const bar = progressBar(process.stderr, name);
      try {
        const r = await fetchModel(entry, {
          cacheDir: settings.cacheDir, url: a.flags.url as string | undefined, baseUrl: io.env.LAYERLAB_FETCH_BASE_URL,
          onProgress: (got, total) => bar.update(Math.round(got / 1e6), Math.round(total / 1e6), ' MB'),
        });
        results.push(r);
        if (!a.flags.json) {
          io.out(r.status === 'present' ? `${name}: present, sha256 verified: ${r.path}`
            : `${name}: downloaded ${r.bytes} bytes${r.resumedFrom ? ` (resumed at ${r.resumedFrom})` : ''}, sha256 verified: ${r.path}`);
        }
      } finally {
        bar.finish();
      }
    }
    if (a.flags.json) io.out(JSON.stringify(results, null, 2));
    return 0;
  },
};
