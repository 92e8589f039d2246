/**
 * Are a registry download's trained weights here? Looks where `resolveModel` looks (the cache's models/, then
 * `<data root>/models/onnx/`) and checks the file's sha256 against the registry's, so a notebook can say plainly
 * which accuracies it can and cannot measure.
 *
 * @example
 * const s = await trainedWeightsStatus(['bvlcalexnet-12', 'googlenet-12'], settings);
 * s[0] // { name: 'bvlcalexnet-12', status: 'absent', looked: ['.../data/cache/models/bvlcalexnet-12.onnx', '/work/shared/models/onnx/bvlcalexnet-12.onnx'] }
 */
import * as fs from 'fs';
import { UsageError } from '../errors';
import { sha256File } from '../data/fetch';
import { downloadCandidates, getEntry, type Settings } from '../registry';

export interface WeightsStatus {
  name: string;
  /** 'verified': found with the registry's sha256; 'mismatch': found, other bytes; 'absent': in none of the places looked. */
  status: 'verified' | 'mismatch' | 'absent';
  path?: string;
  looked: string[];
  sha256?: string;
}

/**
 * Status of each registry download (UsageError for a name that is not a download entry).
 * @example (await trainedWeightsStatus(['googlenet-12'], settings))[0].status // 'absent'
 */
export async function trainedWeightsStatus(names: readonly string[], settings: Settings): Promise<WeightsStatus[]> {
  const out: WeightsStatus[] = [];
  for (const name of names) {
    const entry = getEntry(name);
    if (!entry.download) throw new UsageError(`model "${name}": not a registry download (it has no download.sha256 to check against)`);
    const looked = downloadCandidates(entry, settings);
    const found = looked.find((p) => fs.existsSync(p));
    if (!found) { out.push({ name, status: 'absent', looked }); continue; }
    const sha256 = await sha256File(found);
    out.push({ name, status: sha256 === entry.download.sha256 ? 'verified' : 'mismatch', path: found, looked, sha256 });
  }
  return out;
}

/**
 * One plain sentence per model for a notebook or report.
 * @example describeWeightsStatus(s) // 'bvlcalexnet-12: not here (looked in ...): its accuracy cannot be measured on this machine.'
 */
export function describeWeightsStatus(s: readonly WeightsStatus[]): string {
  return s.map((x) => (x.status === 'verified' ? `${x.name}: found at ${x.path}, sha256 verified.`
    : x.status === 'mismatch' ? `${x.name}: ${x.path} is there but its sha256 (${x.sha256?.slice(0, 12)}...) is not the registry's: not used.`
      : `${x.name}: not here (looked in ${x.looked.join(' and ')}): its accuracy cannot be measured on this machine.`)).join('\n');
}
