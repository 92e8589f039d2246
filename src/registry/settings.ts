/**
 * Where large data lives. The data root (read-only is fine) holds models and images, as `../shared` does;
 * the cache folder (writable) holds models layerlab builds or downloads and preprocessed tensors.
 *
 * Data root: `--data <dir>` (the CLI sets LAYERLAB_DATA from it), else `LAYERLAB_DATA`, else `<project>/data`.
 * Cache: `LAYERLAB_CACHE`, else `<project>/data/cache`.
 *
 * @example
 * const s = settingsFrom(process.env); s.dataRoot // '/work/shared'
 */
import * as fs from 'fs';
import * as path from 'path';

export interface Settings {
  dataRoot: string;
  cacheDir: string;
  projectRoot: string;
}

/** The folder holding layerlab's package.json, found by walking up from this file. */
export function projectRoot(): string {
  let dir = __dirname;
  for (;;) {
    const pkg = path.join(dir, 'package.json');
    if (fs.existsSync(pkg) && JSON.parse(fs.readFileSync(pkg, 'utf8')).name === 'layerlab') return dir;
    const up = path.dirname(dir);
    if (up === dir) throw new Error(`layerlab: cannot find the project's package.json above ${__dirname}`);
    dir = up;
  }
}

export function settingsFrom(env: Record<string, string | undefined>, cwd = process.cwd()): Settings {
  const root = projectRoot();
  return {
    projectRoot: root,
    dataRoot: env.LAYERLAB_DATA ? path.resolve(cwd, env.LAYERLAB_DATA) : path.join(root, 'data'),
    cacheDir: env.LAYERLAB_CACHE ? path.resolve(cwd, env.LAYERLAB_CACHE) : path.join(root, 'data', 'cache'),
  };
}
