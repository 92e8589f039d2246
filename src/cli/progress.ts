/**
 * A one-line progress bar on a terminal (stderr), silent when the stream is not a TTY (pipes, CI, tests).
 *
 * @example
 * const bar = progressBar(process.stderr, 'eval');
 * bar.update(10, 100); bar.finish();
 */
export interface ProgressBar { update(done: number, total: number, unit?: string): void; finish(): void }

/** A progress bar writing to `stream` when it is a TTY, else a no-op. Redraws at most 10 times a second. */
export function progressBar(stream: { isTTY?: boolean; write(s: string): unknown } | undefined, label: string): ProgressBar {
  if (!stream?.isTTY) return { update() { /* not a terminal */ }, finish() { /* not a terminal */ } };
  let last = 0, drawn = false;
  const t0 = Date.now();
  return {
    update(done, total, unit = '') {
      const now = Date.now();
      if (now - last < 100 && done < total) return;
      last = now;
      const frac = total > 0 ? Math.min(1, done / total) : 0;
      const width = 30, fill = Math.round(frac * width);
      const rate = done / Math.max(0.001, (now - t0) / 1000);
      stream.write(`\r${label} [${'#'.repeat(fill)}${'.'.repeat(width - fill)}] ${(frac * 100).toFixed(1)}% ${done}/${total}${unit} ${rate.toFixed(1)}${unit}/s `);
      drawn = true;
    },
    finish() { if (drawn) stream.write('\n'); },
  };
}
