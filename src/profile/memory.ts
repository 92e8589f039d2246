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
