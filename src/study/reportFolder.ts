/**
 * A report folder written safely: each file atomically (temporary file, then rename), the environment
 * record beside the results, and never over a finished report unless asked.
 *
 * @example
 * const rep = openReportFolder('reports/study'); rep.writeJson('inspection.json', rows);
 */
import * as fs from 'fs';
import * as path from 'path';
import { environmentMarkdown, environmentRecord, type EnvironmentRecord } from '../env/record';
import { writeFileAtomic } from '../util/atomicWrite';

export interface ReportFolder {
  /** The final folder (it appears, or is replaced, only at `commit`). */
  dir: string;
  environment: EnvironmentRecord;
  write(name: string, content: string | Uint8Array): string;
  writeJson(name: string, value: unknown): string;
  /** Put the finished report in place of `dir` (an earlier report there is replaced whole). */
  commit(): string;
  /** Drop the unfinished report; `dir` is left as it was. */
  abort(): void;
}

/**
 * Open a report to be written into a staging folder beside `dir`: a run that fails half-way never
 * leaves a mix of old and new files, and an earlier finished report stays until the new one is complete.
 */
export function openReportFolder(dir: string): ReportFolder {
  const final = path.resolve(dir);
  fs.mkdirSync(path.dirname(final), { recursive: true });
  const stage = fs.mkdtempSync(`${final}.partial-`);
  const environment = environmentRecord();
  const write = (name: string, content: string | Uint8Array): string => writeFileAtomic(path.join(stage, name), content);
  write('environment.md', environmentMarkdown(environment));
  write('environment.json', JSON.stringify(environment, null, 2) + '\n');
  return {
    dir: final, environment, write,
    writeJson: (name, value) => write(name, JSON.stringify({ environment, results: value }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n'),
    commit() {
      const previous = fs.existsSync(final) ? `${stage}.previous` : undefined;
      if (previous) fs.renameSync(final, previous);
      fs.renameSync(stage, final);
      if (previous) fs.rmSync(previous, { recursive: true, force: true });
      return final;
    },
    abort() {
      fs.rmSync(stage, { recursive: true, force: true });
    },
  };
}
