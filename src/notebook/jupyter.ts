/**
 * Debian's Jupyter with the project's tslab kernelspec (`.jupyter/kernels/layerlab-tslab`, written by
 * scripts/setup.sh): no global install. Runs notebooks headless or serves them in the browser.
 *
 * @example
 * const r = executeNotebook('notebooks/00-quickstart.ipynb', '/tmp/out'); if (!r.ok) console.error(r.log);
 */
import { spawn, spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { UsageError } from '../errors';
import { projectRoot } from '../registry/settings';

export const KERNEL_NAME = 'layerlab-tslab';

/** Environment for Jupyter: the project's kernelspec folder first on JUPYTER_PATH. */
export function jupyterEnv(env: Record<string, string | undefined> = process.env): Record<string, string | undefined> {
  const root = projectRoot();
  const kernel = path.join(root, '.jupyter', 'kernels', KERNEL_NAME, 'kernel.json');
  if (!fs.existsSync(kernel)) throw new UsageError(`the tslab kernelspec ${kernel} is missing: run scripts/setup.sh`);
  const jp = [path.join(root, '.jupyter'), env.JUPYTER_PATH].filter(Boolean).join(path.delimiter);
  return { ...env, JUPYTER_PATH: jp };
}

export interface NotebookRun { notebook: string; ok: boolean; output: string; log: string; seconds: number }

/** Execute a notebook headless with nbconvert into `outDir` (the original is not modified). */
export function executeNotebook(notebook: string, outDir: string, opts: { timeoutSeconds?: number; env?: Record<string, string | undefined> } = {}): NotebookRun {
  fs.mkdirSync(outDir, { recursive: true });
  const t0 = Date.now();
  const r = spawnSync('/usr/bin/jupyter', ['nbconvert', '--to', 'notebook', '--execute',
    `--ExecutePreprocessor.kernel_name=${KERNEL_NAME}`, `--ExecutePreprocessor.timeout=${opts.timeoutSeconds ?? 600}`,
    '--output-dir', outDir, notebook], { env: jupyterEnv(opts.env), encoding: 'utf8', cwd: path.dirname(notebook), maxBuffer: 64 << 20 });
  const output = path.join(outDir, path.basename(notebook));
  return { notebook, ok: r.status === 0, output, log: `${r.stdout ?? ''}${r.stderr ?? ''}${r.error ? String(r.error) : ''}`, seconds: (Date.now() - t0) / 1000 };
}

/** Serve `notebooks/` in the browser with Debian's jupyter-notebook (blocks until it ends). */
export function serveNotebooks(opts: { port?: number; noBrowser?: boolean } = {}): Promise<number> {
  const root = projectRoot();
  const args = ['notebook', `--notebook-dir=${path.join(root, 'notebooks')}`];
  if (opts.port) args.push(`--port=${opts.port}`);
  if (opts.noBrowser) args.push('--no-browser');
  if (process.getuid?.() === 0) args.push('--allow-root');
  const child = spawn('/usr/bin/jupyter', args, { env: jupyterEnv(), stdio: 'inherit' });
  // stop the server with us: a SIGTERM/SIGINT to layerlab goes on to Jupyter
  const forward = (signal: NodeJS.Signals) => () => { child.kill(signal); };
  const onTerm = forward('SIGTERM'), onInt = forward('SIGINT');
  process.on('SIGTERM', onTerm);
  process.on('SIGINT', onInt);
  return new Promise<number>((resolve, reject) => {
    child.on('error', (e) => reject(new UsageError(`cannot start /usr/bin/jupyter notebook (run scripts/setup.sh): ${e.message}`, { cause: e })));
    child.on('exit', (code) => resolve(code ?? 1));
  }).finally(() => { process.off('SIGTERM', onTerm); process.off('SIGINT', onInt); });
}
