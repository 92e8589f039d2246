/**
 * Resident memory of this process from /proc/self/status: current (VmRSS) and peak (VmHWM), in bytes.
 * Outside Linux, `process.memoryUsage().rss` and `process.resourceUsage().maxRSS` stand in.
 *
 * @example
 * const { rss, peak } = residentMemory();
 */
import * as fs from 'fs';

/** @example residentMemory().peak >= residentMemory().rss; // true (roughly: read at slightly different times) */
export function residentMemory(): { rss: number; peak: number } {
  try {
    const text = fs.readFileSync('/proc/self/status', 'utf8');
    const kb = (key: string): number | undefined => {
      const m = new RegExp(`^${key}:\\s+(\\d+) kB`, 'm').exec(text);
      return m ? Number(m[1]) * 1024 : undefined;
    };
    const rss = kb('VmRSS'), peak = kb('VmHWM');
    if (rss !== undefined && peak !== undefined) return { rss, peak };
  } catch { /* not Linux */ }
  return { rss: process.memoryUsage().rss, peak: process.resourceUsage().maxRSS * 1024 };
}

/**
 * Reset this process's peak resident memory (VmHWM) to the current RSS, so that the next peak belongs to
 * the next measurement and not to an earlier, larger model (Linux: write 5 to /proc/self/clear_refs).
 * Returns false where this cannot be done; the peak then covers the whole process so far.
 * @example resetPeak(); await measureModel(...); residentMemory().peak
 */
export function resetPeak(): boolean {
  try {
    fs.writeFileSync('/proc/self/clear_refs', '5');
    return true;
  } catch {
    return false;
  }
}
