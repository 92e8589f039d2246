/**
 * `layerlab notebook [--port N] [--no-browser]`: open notebooks/ in the browser with the project's tslab kernel.
 *
 * @example
 * npx layerlab notebook --port 8888
 */
import type { Command } from '../command';
import { optionalInt, parseArgs } from '../args';
import { serveNotebooks } from '../../notebook/jupyter';

export const command: Command = {
  name: 'notebook',
  summary: 'open notebooks/ in the browser with the TypeScript (tslab) kernel',
  usage: 'layerlab notebook [--port N] [--no-browser]',
  async run(argv) {
    const a = parseArgs(argv, { port: { type: 'string' }, 'no-browser': { type: 'boolean' } });
    return serveNotebooks({ port: optionalInt(a, 'port', 1), noBrowser: a.flags['no-browser'] === true });
  },
};
