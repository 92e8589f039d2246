/**
 * Cold-start figures from fresh processes: each child reads the model, creates the session and runs it once
 * (the cost paid every time an app loads the model), one child after the other.
 *
 * @example
 * const runs = await coldStarts({ path: 'm.onnx', session: { intraOpThreads: 1 }, seed: 0, shapes: {} }, 5);
 * timingStats(runs.map((r) => r.totalMs)).median;
 */
import { execFile } from 'child_process';
import * as path from 'path';
import { SessionError } from '../errors';
import type { ColdStartFigures, ColdStartJob } from './coldStartChild';

function once(job: ColdStartJob): Promise<ColdStartFigures> {
  const script = path.join(__dirname, 'coldStartChild.js');
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [script, JSON.stringify(job)], { maxBuffer: 1 << 20 }, (err, stdout, stderr) => {
      if (err) {
        reject(new SessionError(`cold start of "${job.path}": child process failed — ${String(stderr).trim() || err.message}`, { cause: err }));
        return;
      }
      try {
        resolve(JSON.parse(String(stdout).trim().split('\n').pop() ?? '') as ColdStartFigures);
      } catch (e) {
        reject(new SessionError(`cold start of "${job.path}": child printed no figures — got ${JSON.stringify(String(stdout).slice(0, 200))}`, { cause: e }));
      }
    });
  });
}

/**
 * Run `count` fresh processes one after the other; their figures in order.
 * @example (await coldStarts(job, 3)).length; // 3
 */
export async function coldStarts(job: ColdStartJob, count: number): Promise<ColdStartFigures[]> {
  const out: ColdStartFigures[] = [];
  for (let i = 0; i < count; i++) out.push(await once(job));
  return out;
}
