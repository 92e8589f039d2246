/**
 * A private temporary folder that is removed afterwards: on success, on failure, and when the process is
 * interrupted (SIGINT, SIGTERM: the folder is removed, then the signal is raised again so the process
 * ends as it would have) or exits.
 *
 * @example
 * await withTempDir('layerlab-profile-', async (dir) => { fs.writeFileSync(path.join(dir, 'x'), '1'); });
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

/**
 * Run `fn` with a fresh folder under the OS temporary folder (TMPDIR), removed whatever happens.
 * @example const n = await withTempDir('t-', async (d) => fs.readdirSync(d).length); // 0
 */
export async function withTempDir<T>(prefix: string, fn: (dir: string) => Promise<T>): Promise<T> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const remove = (): void => { try { fs.rmSync(dir, { recursive: true, force: true }); } catch { /* best effort */ } };
  const onSignal = (signal: NodeJS.Signals): void => {
    remove();
    detach();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  };
  const detach = (): void => {
    for (const s of SIGNALS) process.removeListener(s, onSignal);
    process.removeListener('exit', remove);
  };
  for (const s of SIGNALS) process.on(s, onSignal);
  process.on('exit', remove);
  try {
    return await fn(dir);
  } finally {
    detach();
    remove();
  }
}
