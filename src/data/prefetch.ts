/**
 * A bounded prefetch queue: run an async function over a list with at most `concurrency` calls running
 * and at most `ahead` items started but not yet handed to the consumer, and yield the results in input order — so decoding runs ahead of inference without
 * holding the whole dataset in memory. A failing item yields its error; the others go on.
 *
 * @example
 * for await (const r of prefetch(files, (f) => prepare(f), { concurrency: 2, ahead: 8 })) {
 *   if (r.ok) await infer(r.value); else console.error(r.error);
 * }
 */

export type Prefetched<T, R> = { item: T; index: number } & ({ ok: true; value: R } | { ok: false; error: unknown });

/**
 * Map `fn` over `items` ahead of the consumer.
 * @example const all = []; for await (const r of prefetch([1, 2, 3], async (x) => x * 2)) all.push(r.ok && r.value); // [2, 4, 6]
 */
export async function* prefetch<T, R>(items: readonly T[], fn: (item: T, index: number) => Promise<R>,
  opts: { concurrency?: number; ahead?: number } = {}): AsyncGenerator<Prefetched<T, R>> {
  const concurrency = Math.max(1, opts.concurrency ?? 2);
  const ahead = Math.max(concurrency + 1, opts.ahead ?? concurrency * 4);
  const pending = new Map<number, Promise<Prefetched<T, R>>>();
  let next = 0;
  const start = (i: number) => {
    pending.set(i, fn(items[i], i).then(
      (value) => ({ item: items[i], index: i, ok: true as const, value }),
      (error) => ({ item: items[i], index: i, ok: false as const, error })));
  };
  const running = new Set<number>();
  const fill = () => {
    while (next < items.length && pending.size < ahead && running.size < concurrency) {
      const i = next++;
      running.add(i);
      start(i);
      pending.get(i)!.then(() => { running.delete(i); fill(); });
    }
  };
  for (let i = 0; i < items.length; i++) {
    fill();
    const r = await pending.get(i)!;
    yield r; // item i keeps its slot until the consumer asks for the next one
    pending.delete(i);
  }
}
